/**
 * Compact JWS (RFC 7515 §7.1) read once and checked against one public key (§5.2), with the
 * algorithm allow-list DESIGN.md "Nothing is trusted from the credential itself" asks for.
 * OB 3.0 integrity.md: RS256 at least ("Support for other algorithms is permitted"); ES256 is the
 * other common one; EdDSA/Ed25519 (RFC 8037, RFC 9864) for did:key issuers; RS384/RS512/PS384/PS512
 * (RFC 7518 §3.3, §3.5) are the same RSA keys with longer hashes. `none`, HMAC (a public key used as
 * a secret) and everything else is refused before any key is tried, except the legitimate asymmetric
 * algorithms Lanyard does not implement (UNCHECKED_ALGORITHMS), which leave the signature unsettled.
 *
 * The check itself is crypto.subtle.verify over the signing input, as jose's compactVerify does,
 * with jose's rules kept (RSA keys of 2048 bits or more; `crit` refused, so no `b64: false`); the
 * JWS is decoded once instead of twice, and keys are imported once (jose importJWK).
 */
import { importJWK } from 'jose';
import { decodeBase64url, decodeBase64urlText } from './base64url.ts';
import { derToRaw } from './ecdsa-der.ts';
import { badRsaExponent } from './rsa-exponent.ts';
import { smallOrderEd25519, SMALL_ORDER_MESSAGE } from './ed25519-small-order.ts';
import { isObj, type Json } from '../formats/json-util.ts';
import type { PublicJwk } from './jwk.ts';

export const JWS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA', 'Ed25519', 'RS384', 'RS512', 'PS384', 'PS512'] as const;
export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

export const isAllowedAlg = (alg: unknown): alg is JwsAlgorithm => (JWS_ALGORITHMS as readonly unknown[]).includes(alg);

/**
 * Registered JOSE signature algorithms (RFC 7518 §3.1, RFC 8812 ES256K, RFC 9864 Ed448) that are
 * legitimate but not checked here (P-521, secp256k1 and Ed448 keys are not read): a credential
 * signed with one is unchecked, not forged (DESIGN.md: a legitimate suite not implemented is
 * indeterminate, named in the message).
 */
const UNCHECKED_ALGORITHMS: Readonly<Record<string, string>> = { ES512: 'RFC 7518', ES256K: 'RFC 8812', Ed448: 'RFC 9864' };
export const isUncheckedAlg = (alg: unknown): alg is string => typeof alg === 'string' && Object.hasOwn(UNCHECKED_ALGORITHMS, alg);
/** The specification that registers an unchecked algorithm, for messages (ES256K is RFC 8812's, not RFC 7518's). */
export const uncheckedAlgSpec = (alg: string): string => UNCHECKED_ALGORITHMS[alg] ?? 'RFC 7518';

/** The WebCrypto parameters of each algorithm (RFC 7518 §3.3–3.5, RFC 8037 §3.1) and the key type it needs. */
const ALGS: Record<JwsAlgorithm, { params: AlgorithmIdentifier | RsaPssParams | EcdsaParams; fits: (k: PublicJwk) => boolean }> = {
  RS256: { params: { name: 'RSASSA-PKCS1-v1_5' }, fits: (k) => k.kty === 'RSA' },
  PS256: { params: { name: 'RSA-PSS', saltLength: 32 }, fits: (k) => k.kty === 'RSA' },
  // RFC 7518 §3.3 / §3.5: the hash is bound to the imported key (jose importJWK by alg); PSS salt = hash size.
  RS384: { params: { name: 'RSASSA-PKCS1-v1_5' }, fits: (k) => k.kty === 'RSA' },
  RS512: { params: { name: 'RSASSA-PKCS1-v1_5' }, fits: (k) => k.kty === 'RSA' },
  PS384: { params: { name: 'RSA-PSS', saltLength: 48 }, fits: (k) => k.kty === 'RSA' },
  PS512: { params: { name: 'RSA-PSS', saltLength: 64 }, fits: (k) => k.kty === 'RSA' },
  ES256: { params: { name: 'ECDSA', hash: 'SHA-256' }, fits: (k) => k.kty === 'EC' && k.crv === 'P-256' },
  ES384: { params: { name: 'ECDSA', hash: 'SHA-384' }, fits: (k) => k.kty === 'EC' && k.crv === 'P-384' },
  EdDSA: { params: { name: 'Ed25519' }, fits: (k) => k.kty === 'OKP' },
  Ed25519: { params: { name: 'Ed25519' }, fits: (k) => k.kty === 'OKP' },
};

export interface CompactJws {
  header: Json;
  /** BASE64URL(payload), decoded by readJwsPayload: the signature can be checked before the payload is read. */
  payloadPart: string;
  /** ASCII(BASE64URL(header) '.' BASE64URL(payload)). */
  signingInput: Uint8Array;
  signature: Uint8Array;
}

const ascii = new TextEncoder();

function decodeJson(part: string, what: string): Json {
  let v: unknown;
  try {
    v = JSON.parse(decodeBase64urlText(part));
  } catch {
    throw new Error(`its ${what} is not base64url JSON`);
  }
  if (!isObj(v)) throw new Error(`its ${what} is not a JSON object`);
  return v;
}

/** Reads a compact JWS's header and signature without verifying anything; throws an Error saying what is wrong. */
export function readCompactJws(text: string): CompactJws {
  const t = text.trim();
  const parts = t.split('.');
  if (parts.length !== 3) throw new Error('it is not a compact JWS (three base64url parts)');
  const [h, p, s] = parts as [string, string, string];
  let signature: Uint8Array;
  try {
    signature = decodeBase64url(s);
  } catch {
    throw new Error('its signature is not base64url');
  }
  return { header: headerOf(h), payloadPart: p, signingInput: ascii.encode(t.slice(0, h.length + 1 + p.length)), signature };
}

/** An issuer signs many credentials under one header: each distinct header is parsed once (and frozen, as it is shared). */
const headers = new Map<string, Json>();
function headerOf(h: string): Json {
  let header = headers.get(h);
  if (!header) {
    header = Object.freeze(decodeJson(h, 'header'));
    if (h.length > 4096) return header;
    if (headers.size >= 256) headers.clear();
    headers.set(h, header);
  }
  return header;
}

/**
 * The payload, read after the signature check has been started (its alphabet is checked here, not in
 * readCompactJws, so that the check starts sooner; a signature over a payload that is not base64url
 * is never reported, since the payload then fails to read).
 */
export function readJwsPayload(jws: CompactJws): Json {
  if (!/^[A-Za-z0-9_-]*$/.test(jws.payloadPart)) throw new Error('its payload is not base64url');
  return decodeJson(jws.payloadPart, 'payload');
}

/**
 * Imported keys, by algorithm and RFC 7638 member string: a key is imported once, not per credential.
 * Settled imports are kept as keys, so a known key's check starts without waiting a turn.
 */
const importing = new Map<string, Promise<CryptoKey>>();
const imported = new Map<string, CryptoKey>();
function importOnce(id: string, alg: JwsAlgorithm, jwk: PublicJwk): Promise<CryptoKey> {
  let k = importing.get(id);
  if (!k) {
    k = importJWK({ ...jwk }, alg) as Promise<CryptoKey>;
    if (importing.size >= 512) {
      importing.clear();
      imported.clear();
    }
    importing.set(id, k);
    k.then((key) => imported.set(id, key), () => importing.delete(id));
  }
  return k;
}

export type JwsOutcome =
  | { ok: true }
  | { ok: false; reason: 'bad-signature' | 'key-mismatch' | 'unusable-key' | 'malformed' | 'nonconformant'; message: string };

const badSignature = { ok: false, reason: 'bad-signature', message: 'The signature does not verify: the credential was altered or signed with another key' } as const;

const nonconformant = {
  ok: false,
  reason: 'nonconformant',
  message: 'The ECDSA signature is DER-encoded, where a JWS carries the R‖S pair (RFC 7518 §3.4): read that way it verifies with this key, so the credential was not altered, but it is not a valid JWS',
} as const;

async function verifies(params: AlgorithmIdentifier, key: CryptoKey, signature: Uint8Array, jws: CompactJws): Promise<boolean> {
  try {
    return await crypto.subtle.verify(params, key, signature as Uint8Array<ArrayBuffer>, jws.signingInput as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

async function check(params: AlgorithmIdentifier, key: CryptoKey, jws: CompactJws): Promise<JwsOutcome> {
  // The usual case first, awaited directly: no promise of our own between WebCrypto and the caller (issue 14, jwt_eddsa_verify_us).
  try {
    if (await crypto.subtle.verify(params, key, jws.signature as Uint8Array<ArrayBuffer>, jws.signingInput as Uint8Array<ArrayBuffer>)) return { ok: true };
  } catch {
    return badSignature;
  }
  if (key.algorithm.name !== 'ECDSA') return badSignature;
  // RFC 7518 §3.4 fails any ECDSA signature that is not R‖S; one that holds in DER was still made with
  // this key over these bytes, so it is reported apart from an altered credential (ob3-jwt.ts).
  const size = (key.algorithm as Partial<EcKeyAlgorithm>).namedCurve === 'P-384' ? 48 : 32;
  const raw = derToRaw(jws.signature, size);
  return raw && (await verifies(params, key, raw, jws)) ? nonconformant : badSignature;
}

/** RFC 7518 §3.3 and §3.5: RSA keys of 2048 bits or larger. */
function tooShort(key: CryptoKey, alg: JwsAlgorithm): JwsOutcome | undefined {
  const bits = (key.algorithm as Partial<RsaHashedKeyAlgorithm>).modulusLength;
  if (key.algorithm.name.startsWith('RS') && !(typeof bits === 'number' && bits >= 2048)) {
    return { ok: false, reason: 'unusable-key', message: `The RSA key has ${bits ?? 'an unknown number of'} bits; ${alg} needs 2048 or more` };
  }
  const exponent = badRsaExponent(key);
  if (exponent) return { ok: false, reason: 'unusable-key', message: `The RSA key is unusable: ${exponent}` };
  return undefined;
}

/** Starts the check at once when the key was imported before (no await before crypto.subtle.verify). */
export function verifyJws(jws: CompactJws, alg: JwsAlgorithm, jwk: PublicJwk, canonical: string): Promise<JwsOutcome> {
  const entry = ALGS[alg];
  if (!entry.fits(jwk)) {
    const kind = jwk.kty === 'RSA' ? 'an RSA' : `a ${jwk.kty} ${jwk.crv}`;
    return Promise.resolve({ ok: false, reason: 'key-mismatch', message: `The algorithm ${alg} cannot have been used with ${kind} key` });
  }
  // RFC 7515 §4.1.11: an extension we do not understand must not be ignored (jose refuses the same, b64 aside).
  if (jws.header.crit !== undefined || jws.header.b64 !== undefined) {
    return Promise.resolve({ ok: false, reason: 'malformed', message: 'The JWS uses critical header extensions (crit, b64), which credentials do not' });
  }
  const id = `${alg} ${canonical}`;
  const key = imported.get(id);
  if (key) {
    // Imported below only after the small-order test (`id` names one key: RFC 7638 members, or ob2's PEM).
    const short = tooShort(key, alg);
    return short ? Promise.resolve(short) : check(entry.params, key, jws);
  }
  // A small-order Ed25519 point accepts forged signatures (ed25519-small-order.ts): no signature is checked with it, and it is never imported.
  if (jwk.kty === 'OKP' && smallOrderEd25519(jwk.x)) return Promise.resolve({ ok: false, reason: 'malformed', message: `The key ${SMALL_ORDER_MESSAGE}` });
  return importOnce(id, alg, jwk).then(
    (k) => tooShort(k, alg) ?? check(entry.params, k, jws),
    (e: unknown): JwsOutcome => ({ ok: false, reason: 'unusable-key', message: `The key cannot be imported: ${(e as Error).message}` }),
  );
}
