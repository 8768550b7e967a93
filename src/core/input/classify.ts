/**
 * Tells what a credential text is: a JSON object, a compact JWS or an http(s) URL (the order the
 * bakers use to read baked text, MZBAKE `debake`: JWS → JSON → URL; VCORE DETECT_INPUT_TYPE).
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { credentialOfDataUrl, isDataUrl } from './data-input.ts';
import { parseJsonObject } from './json.ts';
import { isW3cSdJwt, namesABadge } from './detect.ts';
import { COMPACT_JWS, peekJws, SD_JWT } from './jws.ts';
import { isJwsJson, rejectJwsJson } from './jws-json.ts';
import { isOpenAttestation, rejectOpenAttestation } from './open-attestation.ts';
import { jwtOfJwtProof } from './jwt-proof.ts';
import { credentialOfEnvelope, credentialOfPresentation, presentationOf } from './presentation.ts';
import { envelopeKind } from './presentation-of.ts';
import { stripBom, trimText } from './text.ts';
import { coseRefusal, isHexCoseSign1, sdJwtRefusal } from './unsupported.ts';
import type { CredentialText } from './types.ts';

/** A single absolute http(s) URL with no whitespace. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Classifies credential text. `from` names where it came from, for messages and for the error an
 * empty text gets (an empty file is PARSE_EMPTY; an empty baked chunk is PARSE_NOT_BAKED).
 */
export function classifyText(raw: string, from?: 'png' | 'svg'): CredentialText {
  const text = trimText(stripBom(raw));
  if (text === '') {
    throw from
      ? new ParseError(ErrorCodes.PARSE_NOT_BAKED, `The ${from.toUpperCase()} badge text is empty`)
      : new ParseError(ErrorCodes.PARSE_EMPTY, 'The input is empty');
  }
  const first = text[0];
  if (first === '{' || first === '[') {
    const json = parseJsonObject(text);
    // An Open Badge first (detect.ts namesABadge): one given another envelope's fields stays a badge.
    const badge = namesABadge(json);
    // A JWS in JSON serialization (a JAdES-sealed European Digital Credential): read, not verified.
    if (!badge && isJwsJson(json)) rejectJwsJson(json);
    // An OpenAttestation document (an OpenCerts certificate): another kind of credential, read, not verified.
    if (!badge && isOpenAttestation(json)) rejectOpenAttestation(json);
    // A wallet's export of a shared badge: the credential inside is the badge (presentation.ts); a
    // VC-JWT's JSON view: the JWT is (jwt-proof.ts).
    const vp = presentationOf(json);
    if (vp) return credentialOfPresentation(vp);
    // An enveloped credential (VC DM 2.0 §4.13): the VC-JWT in its data: URL is the credential.
    if (envelopeKind(json) === 'vc') return credentialOfEnvelope(json);
    return jwtOfJwtProof(json) ?? { type: 'json', text, json };
  }
  // A JSON string holding a token (RFC 8259 §2: a JSON text may be a string), as a JWT copied with its
  // quotes from a JSON document or a developer tool: the token. It was "neither JSON, a compact JWS nor an http(s) URL".
  const quoted = first === '"' ? quotedToken(text) : undefined;
  if (quoted !== undefined) return classifyNonJson(quoted, from ? `The text baked in the ${from.toUpperCase()}` : 'The input');
  // A data: URL (RFC 2397), as an enveloped credential's id holds one: the credential inside it (data-input.ts).
  if (isDataUrl(text)) return credentialOfDataUrl(text, (inner) => classifyText(inner, from));
  const where = from ? `The text baked in the ${from.toUpperCase()}` : 'The input';
  return classifyNonJson(unwrapJws(text), where);
}

/** The compact JWS or SD-JWT a JSON string holds, else undefined. */
function quotedToken(text: string): string | undefined {
  if (!text.endsWith('"') || text.length > 16 * 1024 * 1024) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' && (COMPACT_JWS.test(value) || SD_JWT.test(value)) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A compact JWS has no white space (RFC 7515 §7.1), but one pasted from an e-mail or a terminal is
 * wrapped across lines, from a mail's source with quoted-printable soft line breaks (`=` at a line's
 * end, RFC 2045 §6.7 rule 5: `=` is never in a JWS), or from a web page with zero-width spaces that
 * let it wrap: text of base64url characters, dots and those breaks only, that is a compact
 * JWS once the white space is left out, is that JWS (the signature covers the characters, never the
 * wrapping). An SD-JWT (RFC 9901 §4: the JWT and its disclosures, `~`-separated, no white space) is
 * joined the same. Any other text is itself.
 */
function unwrapJws(text: string): string {
  if (!/[\s\u200b-\u200d\u2060]/.test(text) || !/^(?:[A-Za-z0-9_\-.~\s\u200b-\u200d\u2060]|=\r?\n)+$/.test(text)) return text;
  const joined = text.replace(/=\r?\n|[\s\u200b-\u200d\u2060]+/g, '');
  return COMPACT_JWS.test(joined) || SD_JWT.test(joined) ? joined : text;
}

function classifyNonJson(text: string, where: string): CredentialText {
  if (COMPACT_JWS.test(text)) {
    let payload: Record<string, unknown>;
    try {
      payload = peekJws(text).payload; // a JWS-shaped string whose header or payload is not JSON is not a badge
    } catch (e) {
      // Text like "a.b." only looks like an unsigned JWS: say what it is not, rather than blame a JWS header.
      if (text.endsWith('.')) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `${where} is neither JSON, a compact JWS nor an http(s) URL`);
      throw e;
    }
    // A VP-JWT: the holder's signature over a presentation, which says nothing of the badge inside
    // (presentation.ts); that credential is read, and verified, as itself.
    const vp = presentationOf(payload);
    return vp ? credentialOfPresentation(vp) : { type: 'jws', text };
  }
  if (isHttpUrl(text)) return { type: 'url', text };
  const sd = SD_JWT.exec(text);
  if (sd) {
    // A JWT whose header or payload is not JSON makes it no SD-JWT, just unreadable text (peekJws throws).
    // A W3C credential secured as an SD-JWT is verified as one (formats/sd-jwt.ts); any other SD-JWT
    // (an IETF SD-JWT VC, `vct`) is no badge Lanyard reads.
    if (isW3cSdJwt(text)) return { type: 'jws', text };
    const typ = peekJws(sd[1]!).header.typ;
    const named = typeof typ === 'string' ? ` (typ ${typ.slice(0, 40)})` : '';
    throw sdJwtRefusal(`an SD-JWT${named}: a JWT with selectively disclosed claims`);
  }
  if (isHexCoseSign1(text)) throw coseRefusal('a COSE_Sign1 (RFC 9052) written as hex, as VC-JOSE-COSE §3.3 secures a credential');
  throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `${where} is neither JSON, a compact JWS nor an http(s) URL`);
}
