/**
 * A badge checked the moment it is issued, by an issuer whose clock runs a little ahead of the
 * user's, was "not valid yet", invalid (its issuedOn or validFrom seconds in the future). RFC 7519
 * §4.1.5 allows a small leeway for clock skew: a start up to 5 minutes ahead is taken as begun;
 * further ahead it is still not valid yet; an end is read as written (no expired badge gains time),
 * and exactly at its end a badge is still valid (VC DM 2.0 §4.9: valid until that instant).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW, signJws } from '../formats/ob2-fixtures.ts';
import { validity } from './validity-at.ts';

const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('validity and the clocks', () => {
  it('takes a start seconds or a few minutes ahead as begun', () => {
    for (const ahead of [1000, 30_000, 5 * 60_000]) {
      const v = validity(at(ahead));
      expect(v?.outcome, String(ahead)).toBe('pass');
      expect(v?.message).toMatch(/ahead of this device's clock/);
    }
  });

  it('is still not valid yet further ahead', () => {
    expect(validity(at(5 * 60_000 + 1000))).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
    expect(validity(at(86_400_000))).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('gives an expired badge no extra time, and is valid exactly at its end', () => {
    expect(validity(undefined, at(-1))).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(validity(undefined, at(0))?.outcome).toBe('pass');
    expect(validity(at(-1000), at(0))?.outcome).toBe('pass');
  });

  it('an OB 2.0 signed badge issued 40 seconds ahead of this clock is valid', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion({ issuedOn: at(40_000) }), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('valid');
    const later = await verify(await signJws(await assertion({ issuedOn: at(3_600_000) }), privateKey), { fetch: web.fetch, now: NOW });
    expect(later.verdict).toBe('invalid');
  });
});
