import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCompactJws, verifyJws } from '../../../src/core/keys/verify-jws.ts';

/** RFC 8017 §9.2 EMSA-PKCS1-v1_5 of SHA-256(input), `k` octets long: under e = 1 it is its own signature. */
const emsa = (input: string, k: number): Buffer => {
  const t = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), createHash('sha256').update(input).digest()]);
  return Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(k - 3 - t.length, 0xff), Buffer.from([0]), t]);
};

describe('RSA keys whose exponent is no RSA exponent (RFC 8017 §3.1)', () => {
  it('a JWK with e = 1 verifies no RS256 JWS, though the padded hash is "signed" under it', async () => {
    const n = Buffer.alloc(256, 0xab);
    n[0] = 0xc1;
    const jwk = { kty: 'RSA', n: n.toString('base64url'), e: 'AQ' };
    const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${b64u({ alg: 'RS256' })}.${b64u({ iss: 'https://issuer.test' })}`;
    const jws = readCompactJws(`${input}.${emsa(input, 256).toString('base64url')}`);
    const out = await verifyJws(jws, 'RS256', jwk as never, JSON.stringify(jwk));
    expect(out.ok).toBe(false);
    expect(out).toMatchObject({ reason: 'unusable-key' });
  });
});
