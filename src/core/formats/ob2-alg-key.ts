/**
 * An OB 2.0 signed badge whose JWS header names an algorithm Lanyard does not check (ob2-signed.ts:
 * a legitimate one, RFC 7518, left unsettled) while the key its assertion names as creator
 * (OB 2.0 §SignedBadge `verification.creator`) is an RSA key: an RSA key makes no ECDSA or EdDSA
 * signature (RFC 7518 §3.4, RFC 8037 §3.1), so that signature cannot verify with it. Rewriting a
 * signed badge and its header's alg to ES256 left a forged badge unsettled where it is forged.
 * RSA algorithms other than RS256 (RS384, PS256…) are left as they are: the key could make them.
 */
import { importSPKI } from 'jose';
import { shorten } from '../display.ts';
import type { VerifyContext } from '../verify/context.ts';
import { fetchPem } from './ob2-key-read.ts';

/** Why the signature cannot verify with `creator`, or undefined when it could (or the key cannot be read: then nothing is said). */
export async function algTheKeyCannotMake(alg: string | undefined, creator: string | undefined, ctx: VerifyContext): Promise<string | undefined> {
  if (!alg || !creator || /^(RS|PS)\d+$/.test(alg)) return undefined;
  try {
    const { pem } = await fetchPem(creator, ctx);
    if (!pem) return undefined;
    await importSPKI(pem, 'RS256');
  } catch {
    return undefined;
  }
  return `The JWS header names ${shorten(alg, 20)}, a signature an RSA key cannot make, and the key the assertion names (${shorten(creator)}) is an RSA key: the signature cannot verify with it (the header or the assertion was changed)`;
}
