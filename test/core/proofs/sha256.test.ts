import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coldHashData, hashData } from '../../../src/core/proofs/ed25519.ts';
import { createMessageDigest, hex, sha256 } from '../../../src/core/proofs/sha256.ts';
import { sha256Small } from '../../../src/core/proofs/sha256-small.ts';

describe.each([
  ['written out', sha256],
  ['small', sha256Small],
])('synchronous SHA-256 (%s)', (_name, sha256) => {
  it('matches node:crypto on lengths around the block boundaries, and on non-ASCII text', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const s = 'aé€'.repeat(n).slice(0, n);
      expect(hex(sha256(s))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
  it('matches node:crypto on every byte length from 0 to 300 (one or two padding blocks), on bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 0xff);
      expect(hex(sha256(b)), `length ${n}`).toBe(createHash('sha256').update(b).digest('hex'));
    }
  });
  it('matches node:crypto on strings of every length to 600 with 1- to 4-byte characters, and after a huge one (the reused encoding buffer)', () => {
    const alphabet = ['a', 'é', '€', '😀', '"', '\n'];
    let s = '';
    for (let n = 0; n <= 600; n++) {
      s += alphabet[(n * 7) % alphabet.length];
      expect(hex(sha256(s)), `length ${n}`).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
    const huge = '€'.repeat(500_000);
    expect(hex(sha256(huge))).toBe(createHash('sha256').update(huge, 'utf8').digest('hex'));
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('serves rdf-canonize as a message digest', () => {
    const md = createMessageDigest();
    md.update('ab');
    md.update('c');
    expect(md.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('hash data (VC DI EdDSA: sha256(proof configuration) || sha256(document))', () => {
  it('is the same from WebCrypto on the first verification (coldHashData) as from the JavaScript digest, then left to hashData', async () => {
    const proof = '<urn:p> <urn:q> "é€😀" .\n';
    const doc = '_:c14n0 <urn:x> "y" .\n'.repeat(100);
    const expected = Buffer.concat([createHash('sha256').update(proof, 'utf8').digest(), createHash('sha256').update(doc, 'utf8').digest()]);
    const cold = coldHashData(proof, doc);
    expect(cold).toBeInstanceOf(Promise);
    expect(Buffer.from(await cold!)).toEqual(expected);
    expect(Buffer.from(hashData(proof, doc))).toEqual(expected);
    expect(coldHashData(proof, doc)).toBeUndefined();
  });
});
