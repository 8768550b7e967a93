/**
 * The `jws` of the legacy Linked Data Signatures suites (W3C CCG Ed25519Signature2018 §"Proof
 * algorithm"; jsonld-signatures JwsLinkedDataSignature): a compact JWS with a detached, unencoded
 * payload (RFC 7515 Appendix F; RFC 7797 `b64: false`, listed in `crit`), `header..signature`,
 * whose payload is the hash data sha256(canon(proof configuration)) ‖ sha256(canon(document)).
 * The signing input is ASCII(BASE64URL(header) '.') followed by the raw payload bytes. A JWS
 * without `b64` signs the base64url of the payload, as RFC 7515 does.
 *
 * The header is checked against the algorithm allow-list before any key is tried (DESIGN.md):
 * `none`, HMAC and anything unknown fail, as does a `crit` extension other than `b64`.
 */
import { decodeBase64url } from '../keys/base64url.ts';
import { isAllowedAlg } from '../keys/verify-jws.ts';
import { concat } from './ecdsa.ts';
import { shorten } from '../display.ts';

export interface DetachedJws {
  alg: string;
  /** Builds the signing input for a payload. */
  signingInput: (payload: Uint8Array) => Uint8Array;
  signature: Uint8Array;
}

const ascii = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

const b64url = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The JWS read, or why it is not one (`alg` says whether the algorithm itself was refused). */
export function readDetachedJws(jws: unknown): DetachedJws | { error: string; algRefused?: boolean; alg?: unknown } {
  if (typeof jws !== 'string' || jws.length > 4096) return { error: 'The proof has no jws, or it is too long' };
  const parts = jws.split('.');
  if (parts.length !== 3) return { error: 'The jws is not a compact JWS (header..signature)' };
  const [h, p, s] = parts as [string, string, string];
  if (p !== '') return { error: 'The jws carries its payload; a Linked Data proof detaches it (header..signature)' };
  let header: Record<string, unknown>;
  let signature: Uint8Array;
  try {
    const v: unknown = JSON.parse(utf8.decode(decodeBase64url(h)));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    header = v as Record<string, unknown>;
    signature = decodeBase64url(s);
  } catch {
    return { error: 'The jws header is not base64url JSON, or its signature is not base64url' };
  }
  const alg = header.alg;
  if (!isAllowedAlg(alg)) {
    const what = alg === 'none' ? 'none (unsigned)' : typeof alg === 'string' && /^HS/i.test(alg) ? `${alg} (a shared secret, not a public key)` : shorten(JSON.stringify(alg ?? null), 40);
    return { error: `The jws algorithm ${what} is not one Lanyard accepts`, algRefused: true, alg };
  }
  const crit = header.crit;
  const unencoded = header.b64 === false;
  if (header.b64 !== undefined && !unencoded) return { error: 'The jws header has a b64 value other than false' };
  if (unencoded ? !(Array.isArray(crit) && crit.length === 1 && crit[0] === 'b64') : crit !== undefined) {
    return { error: 'The jws header lists critical extensions Lanyard does not understand (only b64: false, in crit, is)' };
  }
  const prefix = ascii.encode(`${h}.`);
  return {
    alg,
    signature,
    signingInput: (payload) => (unencoded ? concat(prefix, payload) : concat(prefix, ascii.encode(b64url(payload)))),
  };
}
