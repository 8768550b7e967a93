/**
 * A credential that gives the same date under both its names (VC DM 2.0 validFrom/validUntil, VC DM
 * 1.1 issuanceDate/expirationDate) is valid only while both say so. datesOf read the first name
 * present and ignored the other, so a VC 2.0 credential signed with a validUntil years ahead and an
 * expirationDate already past was valid, and its page said it expires in years. The issuer signed
 * both (a Data Integrity proof covers every statement; a JWT every byte): either one saying the
 * credential has expired, or is not valid yet, is the issuer saying so (VC DM 2.0 §4.9; OB 3.0
 * verification.md step 4).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';
import { credential as jwtCredential, makeKey, NOW, OB3_CONTEXT, runJwt, show as showRun, sign } from '../keys/jwt-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped'));
const ISSUER = 'https://issuer.test/issuers/1';
const KID = 'https://issuer.test/keys/1.json';
const PAST = '2026-01-01T00:00:00Z';
const FUTURE = '2031-01-01T00:00:00Z';

async function jwt(dates: Record<string, unknown>, claims: Record<string, unknown> = {}) {
  const k = await makeKey('ES256');
  const web = new FakeWeb().json(KID, k.jwk).json(ISSUER, { id: ISSUER, assertionMethod: [KID] });
  const vc = { ...jwtCredential({ id: ISSUER, type: 'Profile' }), ...dates };
  return runJwt(await sign({ ...vc, ...claims }, k, { kid: KID }), { fetch: web.fetch });
}

describe('both names of a date are read', () => {
  it('VC-JWT, VC 2.0: validUntil ahead, expirationDate past: expired, and shown as expiring then', async () => {
    const r = await jwt({ validUntil: FUTURE, expirationDate: PAST });
    expect(r.check('signature'), showRun(r)).toMatchObject({ outcome: 'pass' });
    expect(r.check('validity'), showRun(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.expires).toBe(PAST);
  });

  it('VC-JWT, VC 1.1: expirationDate ahead, validUntil past: expired', async () => {
    const r = await jwt({ '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT], validFrom: undefined, issuanceDate: '2025-01-01T00:00:00Z', expirationDate: FUTURE, validUntil: PAST });
    expect(r.check('validity'), showRun(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('VC-JWT: validFrom past, issuanceDate ahead: not valid yet', async () => {
    const r = await jwt({ validFrom: '2025-01-01T00:00:00Z', issuanceDate: FUTURE });
    expect(r.check('validity'), showRun(r)).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it('VC-JWT: an unreadable second name is not passed over', async () => {
    const r = await jwt({ validUntil: FUTURE, expirationDate: 'never' });
    expect(r.check('validity'), showRun(r)).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
  });

  it('VC-JWT: two names that agree, or one name alone, are read as before', async () => {
    expect((await jwt({ validUntil: FUTURE, expirationDate: FUTURE })).check('validity')).toMatchObject({ outcome: 'pass' });
    expect((await jwt({ validUntil: FUTURE })).check('validity')).toMatchObject({ outcome: 'pass' });
    const both = await jwt({ validFrom: '2025-01-01T00:00:00Z', issuanceDate: '2024-06-01T00:00:00Z', validUntil: FUTURE, expirationDate: '2030-01-01T00:00:00Z' });
    expect(both.check('validity')).toMatchObject({ outcome: 'pass' });
    expect(both.badge?.expires).toBe('2030-01-01T00:00:00Z');
  });

  it('Data Integrity, VC 1.1: expirationDate ahead, validUntil past (both signed, both defined by the VC 1.1 context): expired', async () => {
    const signer = await generateSigner();
    const vc = await signCredential(credential(signer.did, { '@context': ['https://www.w3.org/2018/credentials/v1', OB3_CONTEXT, 'https://w3id.org/security/data-integrity/v2'], validFrom: undefined, issuanceDate: '2025-01-01T00:00:00Z', expirationDate: FUTURE, validUntil: PAST }), signer);
    const r = await verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
    expect(check(r, 'signature'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'validity'), show(r)).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.expires).toBe(PAST);
  });
});
