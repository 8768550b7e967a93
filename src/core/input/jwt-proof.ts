/**
 * A VC-JWT in its JSON view: the JWT's claims decoded into a credential whose `proof` is
 * `{ type: 'JwtProof2020', jwt }` (did-jwt-vc's normalizeCredential, what Veramo agents store and
 * export). The proof type is no Data Integrity suite; the credential is the JWT (VC DM 1.1 §6.3.1),
 * so the JWT is the input, verified and shown as itself. The JSON around it is the decoder's copy,
 * which nothing signs, and is not read.
 */
import { COMPACT_JWS } from './jws.ts';
import type { CredentialText } from './types.ts';

/** The JWT of a JSON credential whose only proof is a JwtProof2020; undefined for any other. */
export function jwtOfJwtProof(doc: Record<string, unknown>): CredentialText | undefined {
  const proofs = Array.isArray(doc.proof) ? doc.proof : [doc.proof];
  const p = proofs.length === 1 ? proofs[0] : undefined;
  if (typeof p !== 'object' || p === null || (p as { type?: unknown }).type !== 'JwtProof2020') return undefined;
  const jwt = (p as { jwt?: unknown }).jwt;
  return typeof jwt === 'string' && COMPACT_JWS.test(jwt.trim()) ? { type: 'jws', text: jwt.trim() } : undefined;
}
