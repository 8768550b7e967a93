/** PKCS #1 RSA public key PEM → SubjectPublicKeyInfo PEM (RFC 8017 §A.1.1, RFC 5280 §4.1.2.7), checked against Node's own export. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pkcs1ToSpkiPem } from '../../../src/core/keys/rsa-pkcs1.ts';

describe('pkcs1ToSpkiPem', () => {
  it.each([1024, 2048, 4096])('gives the SPKI PEM Node writes for the same %i-bit key', (bits) => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1ToSpkiPem(pkcs1)).toBe((publicKey.export({ type: 'spki', format: 'pem' }) as string).trim());
  });

  it.each([
    ['an SPKI PEM', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'],
    ['base64 that is no DER sequence', '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----'],
    ['characters outside base64', '-----BEGIN RSA PUBLIC KEY-----\nMIIB*A\n-----END RSA PUBLIC KEY-----'],
    ['a DER too long for any key', `-----BEGIN RSA PUBLIC KEY-----\nM${'A'.repeat(8000)}\n-----END RSA PUBLIC KEY-----`],
  ])('gives nothing for %s', (_, pem) => {
    expect(pkcs1ToSpkiPem(pem)).toBeUndefined();
  });
});
