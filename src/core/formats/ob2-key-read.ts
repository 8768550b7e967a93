/**
 * An OB 2.0 / 1.x signed badge's key as read from its URL or its issuer profile (SPEC ob_v2p0
 * §SignedBadge Verification, §CryptographicKey; OB 1.x §Signed Badges): the PEM, its owner, and
 * why it no longer vouches. Used by ob2-signed.ts.
 */
import { objection } from '../keys/method-facts.ts';
import { pkcs1ToSpkiPem } from '../keys/rsa-pkcs1.ts';
import { certificateToSpkiPem } from '../keys/x509-spki.ts';
import type { VerifyContext } from '../verify/context.ts';
import { jsonOf } from '../verify/fetch-once.ts';
import { flagOf, idOf, str, type Json } from './json-util.ts';

/** No `*\/*`, as in JSON_ACCEPT (context.ts): badgr-server answers an Accept holding it with its web app. */
const KEY_ACCEPT = 'application/ld+json, application/json;q=0.9, application/x-pem-file;q=0.8, text/plain;q=0.5';

/** A CryptographicKey as read: its PEM, its owner, and why it no longer vouches (see withdrawnBy). */
export type KeyRead = { pem?: string; owner?: string; withdrawn?: string };

/**
 * OB 2.0 gives a CryptographicKey no revocation (its revocationList revokes assertions), but it is
 * the security vocabulary's Key, whose `revoked` and `expires` (sec:revoked, sec:expiration; CID 1.0
 * §Verification Methods for methods) issuers can write: a key that says it is revoked (a date passed,
 * or true as OB's own revoked flag) or expired vouches for nothing, so its binding to the issuer is
 * left unsettled, never called forged.
 */
function withdrawnBy(key: Json, now: Date): string | undefined {
  const flag = flagOf(key.revoked);
  if (flag === true) return 'it says it is revoked';
  return objection({ revoked: flag === false ? undefined : key.revoked, expires: key.expires ?? undefined }, [], now);
}

const UTF8 = new TextDecoder();

/**
 * The PEM at a key URL: OB 1.x §Signed Badges serves the key itself at verify.url, OB 2.0 a
 * CryptographicKey, whose `owner` names the profile it belongs to (§CryptographicKey).
 */
export async function fetchPem(keyUrl: string, ctx: VerifyContext): Promise<KeyRead> {
  const doc = await ctx.fetchDocument(keyUrl, KEY_ACCEPT);
  const text = doc.status === 200 ? UTF8.decode(doc.bytes).trim() : '';
  if (text.startsWith('-----BEGIN PUBLIC KEY-----')) return { pem: text };
  // PKCS #1 ("BEGIN RSA PUBLIC KEY"), which OB 1.x issuers also served: the same key, as SPKI; one
  // that does not convert is tried as it is, and said to be no usable key.
  if (text.startsWith('-----BEGIN RSA PUBLIC KEY-----')) return { pem: pkcs1ToSpkiPem(text) ?? text };
  // An X.509 certificate, which Node's crypto under Mozilla's validator also took: its key alone,
  // bound to this URL as a PEM key is (x509-spki.ts); its names and chain vouch for nothing.
  if (text.startsWith('-----BEGIN CERTIFICATE-----')) return { pem: certificateToSpkiPem(text) ?? text };
  return keyRead(jsonOf(doc), ctx.now);
}

export const keyRead = (key: Json, now: Date): KeyRead => ({ pem: str(key.publicKeyPem), owner: idOf(key.owner), withdrawn: withdrawnBy(key, now) });
