import { describe, expect, it } from 'vitest';
import { base58btcDecode, multibaseDecode } from '../../../src/core/keys/base58.ts';
import { canonicalJwk, readPublicJwk } from '../../../src/core/keys/jwk.ts';
import { base58Ed25519ToJwk, multikeyToJwk } from '../../../src/core/keys/multikey.ts';
import { base58btc, makeKey } from './jwt-fixtures.ts';

describe('base58btc and multibase', () => {
  it('decodes known values, leading zeros included', () => {
    expect([...base58btcDecode('')!]).toEqual([]);
    expect([...base58btcDecode('1')!]).toEqual([0]);
    expect([...base58btcDecode('11Ldp')!]).toEqual([0, 0, 1, 2, 3]);
    expect(new TextDecoder().decode(base58btcDecode('StV1DL6CwTryKyV')!)).toBe('hello world');
  });
  it('refuses characters outside the alphabet and other multibase prefixes', () => {
    expect(base58btcDecode('0OIl')).toBeNull();
    expect(multibaseDecode('u AAA')).toBeNull();
    expect(multibaseDecode('f00')).toBeNull();
  });
  it('round-trips random bytes', () => {
    for (let i = 0; i < 130; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(i));
      if (i % 3 === 0 && i > 0) bytes[0] = 0;
      if (i % 5 === 0 && i > 1) bytes[1] = 0;
      if (i % 7 === 0) bytes.fill(0xff, 0, i >> 1);
      expect([...base58btcDecode(base58btc(bytes))!]).toEqual([...bytes]);
    }
  });
});

describe('Multikey → JWK', () => {
  it('reads the Ed25519 key of the 1EdTech test vector did:key', () => {
    const jwk = multikeyToJwk('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    // SPEC ob_v3p0 linked-data-proof test vector: public key 4bdeafde…c5a5.
    const x = jwk && jwk.kty === 'OKP' ? Buffer.from(jwk.x, 'base64url').toString('hex') : '';
    expect(x.startsWith('4bdeafde')).toBe(true);
    expect(x.endsWith('c5a5')).toBe(true);
  });
  it('reads Ed25519 and compressed P-256 keys back to the JWK they came from', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      for (let i = 0; i < 5; i++) {
        const k = await makeKey(alg);
        const want = readPublicJwk(k.jwk);
        expect('error' in want).toBe(false);
        expect(canonicalJwk(multikeyToJwk(k.multibase!)!)).toBe(canonicalJwk(want as never));
      }
    }
  });
  it('refuses unknown codecs, wrong lengths and points off the curve', () => {
    expect(multikeyToJwk(`z${base58btc(Uint8Array.of(0xe7, 0x01, ...new Uint8Array(33)))}`)).toBeNull(); // secp256k1
    expect(multikeyToJwk(`z${base58btc(Uint8Array.of(0xed, 0x01, ...new Uint8Array(31)))}`)).toBeNull();
    expect(multikeyToJwk(`z${base58btc(Uint8Array.of(0x80, 0x24, 0x04, ...new Uint8Array(32)))}`)).toBeNull();
    // x = 1 is not the x of any P-256 point (x³ − 3x + b is not a square mod p).
    const offCurve = new Uint8Array(33);
    offCurve[0] = 2;
    offCurve[32] = 1;
    expect(multikeyToJwk(`z${base58btc(Uint8Array.of(0x80, 0x24, ...offCurve))}`)).toBeNull();
    expect(multikeyToJwk('not multibase')).toBeNull();
  });
  it('reads Ed25519VerificationKey2018 publicKeyBase58', async () => {
    const k = await makeKey('EdDSA');
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', k.publicKey));
    expect(base58Ed25519ToJwk(base58btc(raw))).toEqual({ kty: 'OKP', crv: 'Ed25519', x: k.jwk.x });
    expect(base58Ed25519ToJwk(base58btc(raw.subarray(1)))).toBeNull();
  });
});

describe('public JWKs', () => {
  it('keeps only the public members, refuses private ones and unknown types', () => {
    const x = Buffer.alloc(32, 9).toString('base64url');
    expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x, kid: 'k', use: 'sig' })).toEqual({ kty: 'OKP', crv: 'Ed25519', x });
    expect(readPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: 'abc', d: 'secret' })).toEqual({ error: expect.stringContaining('"d"') });
    expect(readPublicJwk({ kty: 'oct', k: 'c2VjcmV0' })).toHaveProperty('error');
    expect(readPublicJwk({ kty: 'EC', crv: 'secp256k1', x: 'a', y: 'b' })).toHaveProperty('error');
    expect(readPublicJwk({ kty: 'RSA', n: 'a+b', e: 'AQAB' })).toHaveProperty('error');
    expect(readPublicJwk('{"kty":"OKP"}')).toHaveProperty('error');
  });
  it('canonicalises as RFC 7638 §3 (members in lexicographic order)', () => {
    expect(canonicalJwk({ kty: 'RSA', n: 'nn', e: 'AQAB' })).toBe('{"e":"AQAB","kty":"RSA","n":"nn"}');
    expect(canonicalJwk({ kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy' })).toBe('{"crv":"P-256","kty":"EC","x":"xx","y":"yy"}');
  });
});
