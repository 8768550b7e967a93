/**
 * XML Schema 1.1 Part 2 §3.3.7 dateTime allows years of more than four digits and negative years.
 * parseInstant does not compute them (instant-calendar.test.ts), and validity then failed the badge
 * ("not a date with a time zone"): a credential valid until year 10000 was invalid. Such a year is
 * after (or before) every instant Lanyard reads, which settles validity without computing it.
 */
import { describe, expect, it } from 'vitest';
import { credential, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';
import { validity } from './validity-at.ts';

describe('validity with years past 9999 or before 0', () => {
  it('an end in year 10000 or later is not expired; a start there is not yet valid', () => {
    expect(validity('2020-01-01T00:00:00Z', '10000-01-01T00:00:00Z')).toMatchObject({ outcome: 'pass', message: expect.stringMatching(/10000-01-01/) });
    expect(validity(undefined, '123456789-12-31T23:59:59Z')?.outcome).toBe('pass');
    expect(validity('10000-01-01T00:00:00Z')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('a negative year is long begun, or long expired', () => {
    expect(validity('-0044-03-15T12:00:00Z')?.outcome).toBe('pass');
    expect(validity(undefined, '-0044-03-15T12:00:00Z')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(validity('10000-01-01T00:00:00Z', '-0001-01-01T00:00:00Z')).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
  });

  it('still refuses what is not an XSD dateTime: a leading zero, a plus sign, a day the month lacks', () => {
    for (const until of ['010000-01-01T00:00:00Z', '+10000-01-01T00:00:00Z', '10000-02-30T00:00:00Z', '10000-13-01']) {
      expect(validity(undefined, until), until).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
    }
  });

  it('a far year without a zone is an XSD dateTime (§3.3.7: the zone is optional): not expired, its missing zone said (zoneless-dates.test.ts)', () => {
    expect(validity(undefined, '10000-01-01T00:00:00')).toMatchObject({ outcome: 'warning', code: 'ERR_DATE_NO_ZONE' });
  });

  it('a far validUntil does not hide an expirationDate already past (the strictest date is read: windowOf)', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, { validUntil: '10000-01-01T00:00:00Z', expirationDate: '2026-01-01T00:00:00Z' }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.verdict).toBe('invalid');
  });

  it('a VC-JWT valid until year 10000 is valid', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign(credential(k.did, { validUntil: '10000-01-01T00:00:00Z' }), k, { kid: `${k.did}#${k.multibase}` }));
    expect(r.verdict, show(r)).toBe('valid');
  });
});
