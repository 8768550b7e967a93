/**
 * OB 2.0 §SignedBadge Verification: with no `verification.creator`, the keys the issuer's profile
 * lists are tried. An issuer that rotated its key lists the old one and the new one; a badge signed
 * with the new key, whose document did not answer this time, was called forged ("does not verify")
 * because the old key, which did answer, does not verify it. Only when every listed key was read and
 * none verifies is the signature known to be bad; a key that could not be read leaves it unsettled.
 */
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, ISSUER, KEY, makeIssuer, NOW, signJws } from './ob2-fixtures.ts';

const OLD_KEY = 'https://issuer.test/old-key.json';

async function rotated(newKeyAnswers: boolean, signWith: 'new' | 'stranger') {
  const { web, privateKey } = await makeIssuer();
  const old = await generateKeyPair('RS256', { extractable: true });
  web.json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', publicKey: [OLD_KEY, KEY] });
  web.json(OLD_KEY, { '@context': CTX, type: 'CryptographicKey', id: OLD_KEY, owner: ISSUER, publicKeyPem: await exportSPKI(old.publicKey) });
  if (!newKeyAnswers) web.status(KEY, 503);
  const signer = signWith === 'new' ? privateKey : (await generateKeyPair('RS256')).privateKey;
  const jws = await signJws(await assertion({ verification: { type: 'SignedBadge' } }), signer);
  const r = await verify(jws, { fetch: web.fetch, now: NOW });
  return { verdict: r.verdict, signature: r.checks.find((c) => c.id === 'signature') };
}

describe('OB 2.0 signed, no creator, the issuer lists an old and a new key', () => {
  it('is valid when the new key answers', async () => {
    expect((await rotated(true, 'new')).verdict).toBe('valid');
  });

  it('is not called forged when the key that signed it did not answer', async () => {
    const r = await rotated(false, 'new');
    expect(r.signature?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('is forged when every listed key was read and none verifies it', async () => {
    const r = await rotated(true, 'stranger');
    expect(r.signature).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});
