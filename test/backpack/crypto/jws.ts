/**
 * Compact JWS signing (RFC 7515 §7.1) with node:crypto: RS256 for OB 2.0 signed assertions
 * (OB 2.0 §SignedBadge), EdDSA and ES256 for OB 3.0 VC-JWT (OB 3.0 §8.2 "JSON Web Token Proof
 * Format"). Fast enough to sign a thousand badges at start.
 */
import { sign } from 'node:crypto';
import type { TestKey } from './keys.ts';

const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');

export function signCompactJws(header: Record<string, unknown>, payload: unknown, key: TestKey): string {
  const input = `${b64u(JSON.stringify({ ...header, alg: key.alg }))}.${b64u(JSON.stringify(payload))}`;
  const data = Buffer.from(input);
  let sig: Buffer;
  if (key.alg === 'EdDSA') sig = sign(null, data, key.privateKey);
  // JWS ES256 is the raw r‖s pair (RFC 7518 §3.4), not DER.
  else if (key.alg === 'ES256') sig = sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  else sig = sign('sha256', data, key.privateKey);
  return `${input}.${b64u(sig)}`;
}

/** The payload of a compact JWS, unverified (for the server's own bookkeeping). */
export function jwsPayload(jws: string): unknown {
  const part = jws.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}
