/**
 * A fourth round of credentials from real issuers and from the W3C's own test vectors
 * (test/fixtures/real, provenance in test/fixtures/README.md): what Lanyard says of each, and why
 * that is the right verdict. Nothing is fetched: only the documents a test maps answer, and only
 * documents copied from the same sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');

/**
 * Credly's Acclaim: two OB 1.1 hosted assertions from its sandbox, which Credly's own engineer posted
 * to 1EdTech's validator project in 2017 as test input, each with "Assertion URL" and "JSON" (what
 * that URL served): a 3ds Max badge valid until 2019-03-18 and an Autodesk badge that expired on
 * 2017-03-01. Their badge classes were not posted, so only the assertions are served here.
 */
describe('Credly Acclaim: OB 1.1 hosted assertions from its sandbox', () => {
  const VALID = 'acclaim-sandbox/5e02ea9f-cf2e-4847-a88b-f2498834a156.json';
  const EXPIRED = 'acclaim-sandbox/eeb2a43e-32c5-47b0-8100-9e1c56e4413c.json';
  const SANDBOX = offlineFetch([{ prefix: 'https://sandbox-api.youracclaim.com/', dir: path.join(REAL, 'hosts/sandbox-api.youracclaim.com') }]);
  const IN_2018 = new Date('2018-01-01T00:00:00Z');

  it('is indeterminate while Acclaim cannot be reached, its hosted URL named', async () => {
    const r = await verify(bytes(VALID), { fetch: offline, now: IN_2018, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob1.1-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('https://sandbox-api.youracclaim.com/v1/obi/badge_assertions/5e02ea9f-cf2e-4847-a88b-f2498834a156');
  });

  /**
   * Served its assertion but not its badge class, Lanyard never reads the issuer's profile, where OB
   * 1.1 and 2.0 name a revocation list (OB 2.0 §Profile `revocationList`): it cannot know whether the
   * issuer publishes one, so revocation is unsettled, not passed as "the issuer publishes no
   * revocation list".
   */
  it('with only its assertion served, in its validity: indeterminate, the badge class unread, revocation not claimed', async () => {
    const r = await verify(bytes(VALID), { fetch: SANDBOX, now: IN_2018, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', hosted: 'indeterminate', validity: 'pass', revocation: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toContain('The badge class could not be read');
    expect(check(r, 'revocation')).toMatchObject({ code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(check(r, 'revocation')?.message).not.toContain('publishes no revocation list');
    expect(check(r, 'revocation')?.message).toContain('issuer');
    expect(fails(r)).toEqual([]);
  });

  it('is invalid after 2019-03-18, the reason its expiry', async () => {
    const r = await verify(bytes(VALID), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'validity')?.message).toContain('2019-03-18');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  it('Credly\'s expired example is invalid for its expiry alone', async () => {
    const r = await verify(bytes(EXPIRED), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')?.message).toContain('Expired on 2017-03-01');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  it('a copy edited to expire in 2030 is answered by Acclaim\'s copy: still expired', async () => {
    const edited = JSON.parse(readFileSync(path.join(REAL, VALID), 'utf8')) as Record<string, unknown>;
    edited.expires = '2030-01-01T00:00:00.000Z';
    const r = await verify(JSON.stringify(edited), { fetch: SANDBOX, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')?.message).toContain('2019-03-18');
    expect(r.badge?.expires).toBe('2019-03-18T05:00:00.000Z');
  });
});
