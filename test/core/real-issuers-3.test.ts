/**
 * A third round of credentials from real issuers and their own test suites (test/fixtures/real,
 * provenance in test/fixtures/README.md), beyond real-platforms.test.ts and real-issuers*.test.ts:
 * what Lanyard says of each, and why that is the right verdict. Nothing is fetched: only the
 * documents a test maps answer.
 */
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');

/**
 * Velocity Network: an OpenBadgeCredential its QA network issued (2023-12-21) by a did:ion issuer,
 * as a VC-JWT signed with ES256K by a did:velocity key, with a VelocityRevocationListJan2021 status
 * held on a blockchain. Velocity's wallet SDK keeps it as its valid Open Badge.
 */
describe('Velocity Network: an ES256K VC-JWT, as velocitycore\'s wallet SDK keeps it', () => {
  const JWT = 'velocitycore/open-badge-credential.jwt';

  it('is indeterminate, never forged: ES256K (RFC 8812) is a registered algorithm Lanyard does not check', async () => {
    const r = await verify(bytes(JWT), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob3.0-jwt');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate', revocation: 'indeterminate' });
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ code: ErrorCodes.UNSUPPORTED });
    // ES256K is registered by RFC 8812, not RFC 7518: the reason names the right one.
    expect(check(r, 'signature')?.message).toContain('ES256K');
    expect(check(r, 'signature')?.message).toContain('RFC 8812');
    expect(check(r, 'signature')?.message).not.toContain('RFC 7518');
    expect(check(r, 'revocation')?.message).toContain('VelocityRevocationListJan2021');
  });

  it('says its key is unconfirmed because the signature was not checked, not that it has no key (its kid names one)', async () => {
    const r = await verify(bytes(JWT), { fetch: offline, now: NOW, identities: [] });
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'issuer-key')?.message).toMatch(/not checked/);
    expect(check(r, 'issuer-key')?.message).not.toMatch(/^No signing key/);
  });
});
