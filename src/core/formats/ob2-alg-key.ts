/**
 * An OB 2.0 signed badge whose JWS header names an algorithm Lanyard does not check (ob2-signed.ts:
 * a legitimate one, RFC 7518, left unsettled) while the key its assertion names as creator
 * (OB 2.0 §SignedBadge `verification.creator`) is an RSA key: an RSA key makes no ECDSA or EdDSA
 * signature (RFC 7518 §3.4, RFC 8037 §3.1), so that signature cannot verify with it. Rewriting a
 * signed badge and its header's alg to ES256 left a forged badge unsettled where it is forged.
 * An RSA algorithm other than RS256 (RS384, PS256…, RFC 7518 §3.3, §3.5) the key could make: the
 * signature is checked with it, and one that does not verify is forged all the same; one that
 * verifies is left unsettled, as before (Lanyard accepts OB 2.0 signed badges made with RS256).
 */
import { exportJWK, importSPKI } from 'jose';
import type { PublicJwk } from '../keys/jwk.ts';
import { isAllowedAlg, readCompactJws, verifyJws } from '../keys/verify-jws.ts';
import { shorten } from '../display.ts';
import type { VerifyContext } from '../verify/context.ts';
import { fetchPem } from './ob2-key-read.ts';

/** Why the signature cannot verify with `creator`, or undefined when it could (or the key cannot be read: then nothing is said). */
export async function algTheKeyCannotMake(alg: string | undefined, creator: string | undefined, ctx: VerifyContext, jws?: string): Promise<string | undefined> {
  if (!alg || !creator) return undefined;
  let pem: string | undefined;
  let jwk: PublicJwk;
  try {
    ({ pem } = await fetchPem(creator, ctx));
    if (!pem) return undefined;
    jwk = (await exportJWK(await importSPKI(pem, 'RS256', { extractable: true }))) as PublicJwk;
  } catch {
    return undefined;
  }
  if (/^(RS|PS)\d+$/.test(alg)) {
    if (!jws || !isAllowedAlg(alg)) return undefined;
    const out = await verifyJws(readCompactJws(jws), alg, jwk, `ob2:${pem}`).catch(() => undefined);
    return out && !out.ok && out.reason === 'bad-signature' ? `The ${shorten(alg, 20)} signature does not verify with the key the assertion names (${shorten(creator)}): the credential was altered or signed with another key` : undefined;
  }
  return `The JWS header names ${shorten(alg, 20)}, a signature an RSA key cannot make, and the key the assertion names (${shorten(creator)}) is an RSA key: the signature cannot verify with it (the header or the assertion was changed)`;
}
