/**
 * A VC-JWT rewritten (another achievement name) with its header's alg changed to an algorithm Lanyard
 * does not check (ES512, ES256K, Ed448) read `indeterminate`, where the key its kid names is one
 * Lanyard reads (Ed25519, P-256, P-384, RSA): none of them makes such a signature (RFC 7518 §3.4:
 * ES512 is P-521; RFC 8812 §3.2: ES256K is secp256k1; RFC 8037 §3.1: Ed448), so the signature
 * cannot verify with it: `invalid`, as ES384 over a P-256 key already was. A genuine ES512
 * credential, its P-521 key not one Lanyard reads, stays unsettled (review-jwt.test.ts).
 */
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, didJwk, makeKey, runJwt, show, sign } from '../keys/jwt-fixtures.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('a VC-JWT whose header names an unchecked algorithm its key cannot make', () => {
  for (const kalg of ['ES256', 'EdDSA', 'RS256'] as const) {
    it.each(['ES512', 'ES256K', 'Ed448'])(`${kalg} key, header rewritten to %s over an altered credential: invalid`, async (alg) => {
      const key = await makeKey(kalg);
      const iss = didJwk(key.jwk);
      const signature = (await sign(credential(iss), key, { alg: kalg, kid: `${iss}#0` })).split('.')[2];
      const r = await runJwt(`${b64({ alg, kid: `${iss}#0` })}.${b64(credential(iss, { name: 'Forged' }))}.${signature}`);
      expect(r.verdict, show(r)).toBe('invalid');
      expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
      expect(r.check('signature')?.message).toContain(`The algorithm ${alg} cannot have been used with`);
    });
  }

  it('an ES512 credential whose kid names its P-521 key: unsettled, as before', async () => {
    const KID = 'https://issuer.example/keys/1';
    const ISSUER = 'https://issuer.example/issuer';
    const { privateKey, publicKey } = await generateKeyPair('ES512', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const web = new FakeWeb().json(KID, jwk).json(ISSUER, { id: ISSUER, assertionMethod: [KID] });
    const r = await runJwt(await sign(credential({ id: ISSUER, type: 'Profile' }), { privateKey, publicKey, jwk, alg: 'ES512' }, { kid: KID }), { fetch: web.fetch });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(r.check('signature')?.outcome).toBe('indeterminate');
  });

  it('an ES256K header whose kid cannot be fetched: unsettled, as before', async () => {
    const r = await runJwt(`${b64({ alg: 'ES256K', kid: 'https://issuer.example/keys/gone' })}.${b64(credential({ id: 'https://issuer.example/issuer', type: 'Profile' }))}.${Buffer.from(new Uint8Array(64)).toString('base64url')}`, { fetch: new FakeWeb().fetch });
    expect(r.verdict, show(r)).toBe('indeterminate');
  });
});
