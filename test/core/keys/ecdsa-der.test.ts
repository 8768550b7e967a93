/** DER ECDSA signatures (RFC 3279 §2.2.3) to JWS R‖S (RFC 7518 §3.4): only well-formed DER converts. */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToRaw } from '../../../src/core/keys/ecdsa-der.ts';

describe('derToRaw', () => {
  it('turns node\'s DER signatures into the R‖S pair that verifies (P-256 and P-384)', () => {
    for (const [curve, size] of [['prime256v1', 32], ['secp384r1', 48]] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      for (let i = 0; i < 20; i++) {
        const data = Buffer.from(`message ${i}`);
        const der = sign(size === 32 ? 'sha256' : 'sha384', data, { key: privateKey, dsaEncoding: 'der' });
        const raw = derToRaw(new Uint8Array(der), size);
        expect(raw?.length).toBe(size * 2);
        expect(verify(size === 32 ? 'sha256' : 'sha384', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw!)).toBe(true);
      }
    }
  });

  it('refuses what is not strict DER: a raw pair, trailing bytes, a negative or padded integer, a long length', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = new Uint8Array(sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'der' }));
    const raw = new Uint8Array(sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(derToRaw(raw, 32)).toBeNull();
    expect(derToRaw(new Uint8Array([...der, 0]), 32)).toBeNull();
    expect(derToRaw(Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]), 32)).toBeNull();
    expect(derToRaw(Uint8Array.from([0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]), 32)).toBeNull();
    expect(derToRaw(Uint8Array.from([0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]), 32)).toBeNull();
    expect(derToRaw(Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]), 32)).toEqual(Uint8Array.from([...new Array(31).fill(0), 1, ...new Array(31).fill(0), 1]));
  });
});
