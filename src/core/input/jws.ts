/**
 * Compact JWS (RFC 7515 §7.1): BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature).
 * OB 2.0 signed assertions and OB 3.0 VC-JWTs are baked and exchanged in this form. Decoding here is
 * unverified: it only tells the engine what the token claims to be.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { decodeBase64urlText } from '../keys/base64url.ts';
import { parseJsonObject } from './json.ts';
import { decodeUtf8 } from './text.ts';

/**
 * The shape VCORE and the bakers use to tell a JWS from JSON or a URL (OB 2.0 §Baking), with the
 * signature part allowed to be empty: an unsecured JWS (RFC 7515 Appendix A.5, `alg: none`) is still
 * read as a JWS, so that verification can say it is unsigned (DESIGN.md, `signature`).
 */
export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export const isCompactJws = (text: string): boolean => COMPACT_JWS.test(text.trim());

/**
 * An SD-JWT (IETF SD-JWT, RFC 9901 §4): `<issuer-signed JWT>~<disclosure>~…~[<key-binding JWT>]`, as
 * SD-JWT VCs and walt.id's selectively disclosable W3C credentials (typ `jwt_vc_json`) are exchanged.
 * Group 1 is the issuer-signed JWT. Older drafts (and walt.id) leave out the final `~`.
 */
export const SD_JWT = /^([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?:~[A-Za-z0-9_-]*)+(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)?$/;

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < B64URL.length; i++) LOOKUP[B64URL.charCodeAt(i)] = i;

/** RFC 4648 §5 base64url without padding, decoded by hand (no Buffer, no atob quirks). */
export function base64UrlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new ParseError(ErrorCodes.PARSE_JWS, 'Invalid base64url length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) throw new ParseError(ErrorCodes.PARSE_JWS, `Invalid base64url character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/**
 * The UTF-8 text a base64url part holds, undefined when its octets are not UTF-8. The native decoder
 * first (keys/base64url.ts: atob, the ASCII text as it is); the table decoder above only for a part it
 * refuses, which then says what is wrong (ParseError PARSE_JWS with the offending position) or that
 * it is not UTF-8. Each JWS is read here at least once per verification: the table decoder was the
 * largest part of it when first run (issue 14, bench/mixed.ts profile, 2026-12-07).
 */
function partText(part: string): { text: string | undefined; native: boolean } {
  try {
    return { text: decodeBase64urlText(part), native: true };
  } catch {
    return { text: decodeUtf8(base64UrlDecode(part)), native: false };
  }
}

/**
 * The decoded objects that are what keys/verify-jws.ts readJwsPayload reads of their part: its text decoded by
 * decodeBase64urlText (as readJwsPayload decodes), with no U+FEFF left at its start for parseJsonObject to strip
 * (JSON.parse, there, refuses one: a part whose text starts with two byte-order marks, the first taken by the UTF-8
 * decoder, is read here and refused there).
 */
const asVerifierReads = new WeakSet<Record<string, unknown>>();

function decodePart(part: string, name: 'header' | 'payload'): Record<string, unknown> {
  const { text, native } = partText(part);
  if (text === undefined) throw new ParseError(ErrorCodes.PARSE_JWS, `The JWS ${name} is not UTF-8`);
  try {
    const value = parseJsonObject(text);
    if (native && text.charCodeAt(0) !== 0xfeff) asVerifierReads.add(value);
    return value;
  } catch (e) {
    if (e instanceof ParseError && e.code === ErrorCodes.PARSE_TOO_DEEP) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ParseError(ErrorCodes.PARSE_JWS, `The JWS ${name} is not a JSON object: ${why}`, { cause: e });
  }
}

/** The last token peekJws decoded: classifying an input and detecting its format read the same token. */
let peeked: { text: string; decoded: DecodedJws } | undefined;

/**
 * decodeJwsUnverified for readers that only look and keep nothing (classifyText, detectFormat): the
 * same text is decoded once. The result is shared, so it must not be changed or handed on; a verifier
 * takes it (takeJws), and it is then no longer shared.
 */
export function peekJws(text: string): DecodedJws {
  if (peeked?.text === text) return peeked.decoded;
  const decoded = decodeJwsUnverified(text);
  peeked = { text, decoded };
  return decoded;
}

/**
 * decodeJwsUnverified for a verifier, which keeps what it reads (in the badge it makes): the decoding
 * peekJws kept for this very text, handed over and forgotten (so no later peek shares it), else a
 * decoding of its own. The same result either way; the token is not decoded a second time (issue 14).
 */
export function takeJws(text: string): DecodedJws {
  if (peeked?.text !== text) return decodeJwsUnverified(text);
  const { decoded } = peeked;
  peeked = undefined;
  return decoded;
}

/**
 * The payload peekJws decoded for this very text, handed over (as takeJws) when it is what keys/verify-jws.ts
 * readJwsPayload would read of it (asVerifierReads); else undefined, and the verifier reads the payload itself
 * (issue 14: a VC-JWT's payload was decoded and parsed once to classify it, then again to verify it).
 */
export function takeJwsPayload(text: string): Record<string, unknown> | undefined {
  if (peeked?.text !== text || !asVerifierReads.has(peeked.decoded.payload)) return undefined;
  return takeJws(text).payload;
}

/** Header and payload of a compact JWS, NOT verified. ParseError PARSE_JWS when either is unreadable. */
export function decodeJwsUnverified(text: string): DecodedJws {
  const token = text.trim();
  if (!COMPACT_JWS.test(token)) throw new ParseError(ErrorCodes.PARSE_JWS, 'Not a compact JWS (three base64url parts)');
  const [h = '', p = ''] = token.split('.');
  return { header: decodePart(h, 'header'), payload: decodePart(p, 'payload') };
}
