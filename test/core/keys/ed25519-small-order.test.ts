/**
 * An Ed25519 public key of small order (RFC 8032 §5.1.7 decodes it; the curve's 8 points of order
 * dividing 8, the identity first) is a key nobody holds a secret for: with the identity point as the
 * key, R the identity and s = 0, the verification equation [s]B = R + [k]A holds for every message
 * k, and WebCrypto (Node's OpenSSL, as Chromium's BoringSSL) says true. Hostile round 34: a did:key
 * of that key "signed" any credential, and Lanyard called it valid, issuer key bound. Such a
 * signature is no signature: `invalid`, as alg none is (libsodium refuses these keys too:
 * crypto_sign_verify_detached, has_small_order).
 */
import { describe, expect, it } from 'vitest';
import { smallOrderEd25519 } from '../../../src/core/keys/ed25519-small-order.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential } from '../proofs/support.ts';

/** The identity point's encoding (y = 1, x sign 0), and the signature (R = identity, s = 0) it accepts for any message. */
const IDENTITY = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));
const ANY_SIGNATURE = Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0));
const multibase = `z${base58btcEncode(Uint8Array.of(0xed, 0x01, ...IDENTITY))}`;
const DID = `did:key:${multibase}`;
const now = new Date('2026-11-26T00:00:00Z');
const fetch = async (): Promise<Response> => new Response('not here', { status: 404 });
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const run = (input: string) => verify(input, { fetch, now, identities: [] });

describe('an Ed25519 key of small order vouches for nothing', () => {
  it('WebCrypto itself accepts the universal signature (why Lanyard must refuse the key)', async () => {
    const key = await crypto.subtle.importKey('raw', IDENTITY, { name: 'Ed25519' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, key, ANY_SIGNATURE, new TextEncoder().encode('any message'))).toBe(true);
  });

  it('a Data Integrity proof (eddsa-rdfc-2022) by that did:key: invalid, never valid', async () => {
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-01-01T00:00:00Z', verificationMethod: `${DID}#${multibase}`, proofPurpose: 'assertionMethod', proofValue: `z${base58btcEncode(ANY_SIGNATURE)}` };
    const r = await run(JSON.stringify({ ...credential(DID), name: 'Harvard PhD', proof }));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'fail' });
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/small order/);
  });

  it('an Ed25519Signature2020 and an eddsa-jcs-2022 proof by that key: invalid too', async () => {
    for (const proof of [
      { type: 'Ed25519Signature2020', created: '2025-01-01T00:00:00Z', verificationMethod: `${DID}#${multibase}`, proofPurpose: 'assertionMethod', proofValue: `z${base58btcEncode(ANY_SIGNATURE)}` },
      { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2025-01-01T00:00:00Z', verificationMethod: `${DID}#${multibase}`, proofPurpose: 'assertionMethod', proofValue: `z${base58btcEncode(ANY_SIGNATURE)}` },
    ]) {
      const ctx = proof.type === 'Ed25519Signature2020' ? [...(credential(DID)['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'] : credential(DID)['@context'];
      const r = await run(JSON.stringify({ ...credential(DID), '@context': ctx, proof }));
      expect(r.verdict, JSON.stringify(r.checks)).toBe('invalid');
      expect(r.checks.find((c) => c.id === 'signature')?.message, proof.type).toMatch(/small order/);
    }
  });

  it('refuses that key each time it signs, also after genuine keys were imported (the test is made before the import cache is asked)', async () => {
    const { exportJWK, generateKeyPair, CompactSign } = await import('jose');
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const genuine = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential(`did:jwk:${b64(jwk)}`)))).setProtectedHeader({ alg: 'EdDSA', jwk }).sign(privateKey);
    const forged = `${b64({ alg: 'EdDSA', kid: `${DID}#${multibase}` })}.${b64(credential(DID))}.${Buffer.from(ANY_SIGNATURE).toString('base64url')}`;
    for (let i = 0; i < 3; i++) {
      expect((await run(genuine)).checks.find((c) => c.id === 'signature')?.outcome).toBe('pass');
      const r = await run(forged);
      expect(r.verdict, JSON.stringify(r.checks)).toBe('invalid');
      expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/small order/);
    }
  });

  it('a VC-JWT (EdDSA) whose kid or jwk header is that key: invalid, never valid', async () => {
    const payload = credential(DID);
    for (const header of [{ alg: 'EdDSA', kid: `${DID}#${multibase}` }, { alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(IDENTITY).toString('base64url') } }]) {
      const jws = `${b64(header)}.${b64(payload)}.${Buffer.from(ANY_SIGNATURE).toString('base64url')}`;
      const r = await run(jws);
      expect(r.verdict, JSON.stringify(r.checks)).toBe('invalid');
      expect(r.checks.find((c) => c.id === 'signature')?.message, JSON.stringify(header)).toMatch(/small order/);
    }
  });
});

describe('smallOrderEd25519', () => {
  const P = 2n ** 255n - 19n;
  const Y8 = 2707385501144840649318225287225658788936804267575313519463743609750303402022n;
  const enc = (y: bigint, sign = 0): string => {
    const b = new Uint8Array(32);
    for (let i = 0; i < 32; i++) b[i] = Number((y >> BigInt(8 * i)) & 0xffn);
    b[31]! |= sign << 7;
    return Buffer.from(b).toString('base64url');
  };
  it('finds every small-order y, either x sign, and y written as y + p', () => {
    for (const y of [0n, 1n, P - 1n, Y8, P - Y8]) {
      for (const sign of [0, 1]) expect(smallOrderEd25519(enc(y, sign)), `${y} ${sign}`).toBe(true);
      if (y + P < 2n ** 255n) expect(smallOrderEd25519(enc(y + P))).toBe(true);
    }
  });
  it('passes the y next to each of them, either x sign (the check compares bytes: one byte off is another point)', () => {
    for (const y of [2n, P - 2n, Y8 - 1n, Y8 + 1n, P - Y8 - 1n, P - Y8 + 1n, P + 2n, 2n ** 255n - 1n, 2n ** 248n]) {
      for (const sign of [0, 1]) expect(smallOrderEd25519(enc(y, sign)), `${y} ${sign}`).toBe(false);
    }
  });
  it('passes real keys and leaves unreadable ones to the key reader', async () => {
    for (let i = 0; i < 8; i++) {
      const { publicKey } = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
      expect(smallOrderEd25519(Buffer.from(await crypto.subtle.exportKey('raw', publicKey)).toString('base64url'))).toBe(false);
    }
    expect(smallOrderEd25519('short')).toBe(false);
    expect(smallOrderEd25519('!!')).toBe(false);
  });
  it('an order-8 key accepts the universal signature for some messages (so y8 is right)', async () => {
    const key = await crypto.subtle.importKey('raw', Buffer.from(enc(Y8), 'base64url'), { name: 'Ed25519' }, false, ['verify']);
    let accepted = 0;
    for (let i = 0; i < 64; i++) if (await crypto.subtle.verify({ name: 'Ed25519' }, key, ANY_SIGNATURE, new TextEncoder().encode(`m${i}`))) accepted++;
    expect(accepted).toBeGreaterThan(0);
  });
});
