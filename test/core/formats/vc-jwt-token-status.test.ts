/**
 * A JWT's `status` claim (IANA JWT Claims registry; IETF Token Status List, draft-ietf-oauth-status-list
 * §6.1: `"status": {"status_list": {"idx": …, "uri": …}}`) is where its issuer says the token's
 * revocation or suspension is published. Lanyard does not read Token Status Lists, and read the
 * credential as naming no status at all ("Not revoked"), so a revoked VC-JWT or SD-JWT carrying one
 * was valid. A status the issuer signed that Lanyard cannot check is unknown, never a pass; a status
 * the credential's own credentialStatus settles as revoked still fails.
 */
import { describe, expect, it } from 'vitest';
import { credential, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

const TOKEN_STATUS = { status_list: { idx: 412, uri: 'https://issuer.test/statuslists/1' } };

describe('VC-JWT: a Token Status List status claim', () => {
  it('leaves revocation unknown: indeterminate, never "not revoked" (it was valid)', async () => {
    const k = await makeKey('EdDSA');
    for (const payload of [
      { ...credential(k.did), status: TOKEN_STATUS },
      // VC DM 1.1 JWT form: the credential in `vc`, the claim beside it.
      { iss: k.did, jti: 'urn:uuid:6a9e1e3c-4b1f-4d59-9a3c-3f3f2c1d0001', status: TOKEN_STATUS, vc: credential(k.did) },
    ]) {
      const jws = await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'JWT' });
      const r = await runJwt(jws, { identities: ['ada@example.org'] });
      expect(r.check('signature')?.outcome, show(r)).toBe('pass');
      expect(r.check('revocation'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
      expect(r.check('revocation')?.message).toMatch(/Token Status List/);
      expect(r.verdict).toBe('indeterminate');
    }
  });

  it('a status claim that is no status reference (a word) changes nothing', async () => {
    const k = await makeKey('EdDSA');
    const r = await runJwt(await sign({ ...credential(k.did), status: 'active' }, k, { kid: `${k.did}#${k.multibase}` }), { identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('valid');
  });
});
