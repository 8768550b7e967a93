/**
 * A signed OB 2.0 badge rewritten (another recipient) with its JWS header's alg changed to an
 * algorithm Lanyard does not check (ES256, EdDSA…) read `indeterminate` ("a legitimate algorithm
 * Lanyard does not check"), where the key its assertion names as creator is an RSA key, which makes
 * no such signature (RFC 7518 §3.4, RFC 8037 §3.1): forged, so `invalid` (ob2-alg-key.ts). An RSA
 * algorithm other than RS256 is checked with that key: one that does not verify is forged, one that
 * verifies stays unsettled, as does an algorithm whose key is not RSA or cannot be read.
 */
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, KEY, ISSUER, makeIssuer, NOW, signJws } from './ob2-fixtures.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const sig = (r: VerifyResult) => r.checks.find((c) => c.id === 'signature');
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'));

async function swapped(alg: string) {
  const issuer = await makeIssuer();
  const signature = (await signJws(await assertion(), issuer.privateKey)).split('.')[2];
  const forged = await assertion({ recipient: { type: 'email', hashed: false, identity: 'mallory@evil.test' } });
  return { ...issuer, jws: `${b64({ alg })}.${b64(forged)}.${signature}` };
}

describe('a signed badge whose header names an algorithm its RSA key cannot make', () => {
  it.each(['ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed448'])('%s with the issuer\'s RSA key: invalid, the signature failed', async (alg) => {
    const { web, jws } = await swapped(alg);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(sig(r)).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(sig(r)?.message).toContain('an RSA key cannot make');
  });

  it.each(['RS384', 'RS512', 'PS256', 'PS384', 'PS512'])('%s, an RSA algorithm the key could make, over the altered badge: checked with the key, invalid', async (alg) => {
    const { web, jws } = await swapped(alg);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(sig(r)).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(sig(r)?.message).toContain(`The ${alg} signature does not verify with the key the assertion names`);
  });

  it('a badge genuinely signed PS256 or RS384 with the creator key: unsettled, as before (Lanyard accepts RS256 for OB 2.0)', async () => {
    for (const alg of ['PS256', 'RS384']) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const { web } = await makeIssuer();
      web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: await exportSPKI(publicKey) });
      const r = await verify(await signJws(await assertion(), privateKey, { alg }), { fetch: web.fetch, now: NOW });
      expect(r.verdict, show(r)).toBe('indeterminate');
      expect(sig(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
    }
  });

  it('ES256 whose creator key cannot be fetched: unsettled, as before', async () => {
    const { web, jws } = await swapped('ES256');
    web.status(KEY, 503);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('indeterminate');
  });

  it('ES256 whose creator key is an EC key: unsettled, as before (Lanyard checks RS256 only)', async () => {
    const { web, jws } = await swapped('ES256');
    const ec = await generateKeyPair('ES256', { extractable: true });
    web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: await exportSPKI(ec.publicKey) });
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(sig(r)?.outcome).toBe('indeterminate');
  });

  it('the badge as signed, RS256: valid (so the tests above change the header and payload only)', async () => {
    const { web, privateKey } = await makeIssuer();
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('valid');
  });
});
