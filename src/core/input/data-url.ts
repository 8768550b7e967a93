/**
 * RFC 2397 `data:` URLs, as an enveloped credential carries its secured form (VC DM 2.0
 * §4.13 "Enveloped Verifiable Credentials"): `data:[<mediatype>][;base64],<data>`, where
 * `mediatype := [ type "/" subtype ] *( ";" parameter )` and the data is URL-encoded octets, or
 * base64 when `;base64` ends the header. Parameters (`;charset=utf-8`) are read past, not used.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { base64UrlDecode } from './jws.ts';
import { decodeUtf8 } from './text.ts';

export interface DataUrl {
  /** The media type, lower-cased, without parameters; `text/plain` when none is given (RFC 2397 §2). */
  mediaType: string;
  /** The data's octets (a COSE object is binary; a JWS is ASCII text). */
  bytes: Uint8Array;
}

const broken = (why: string): ParseError => new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The enveloped credential's data: URL is broken: ${why}`);

/** Percent-decoding to octets (RFC 3986 §2.1); any other character stands for its UTF-8 octets. */
function percentDecode(data: string): Uint8Array {
  const utf8 = new TextEncoder();
  if (!data.includes('%')) return utf8.encode(data);
  const lone = /%(?![0-9A-Fa-f]{2})/.exec(data);
  if (lone) throw broken(`"%" at ${lone.index} is not followed by two hex digits`);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const m of data.matchAll(/%([0-9A-Fa-f]{2})/g)) {
    parts.push(utf8.encode(data.slice(from, m.index)), Uint8Array.of(parseInt(m[1]!, 16)));
    from = m.index + 3;
  }
  parts.push(utf8.encode(data.slice(from)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/** Base64 (RFC 4648 §4, padding optional); the URL-safe alphabet (§5) is taken too. */
function base64Decode(text: string): Uint8Array {
  const body = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body)) throw broken('its base64 data holds characters outside base64');
  const bare = body.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  try {
    return base64UrlDecode(bare);
  } catch {
    throw broken('its base64 data has an impossible length');
  }
}

/** The media type and octets of a data: URL. ParseError (PARSE_UNRECOGNISED) when it is none or broken. */
export function readDataUrl(url: string): DataUrl {
  if (!/^data:/i.test(url)) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The enveloped credential\'s id is not a data: URL (VC DM 2.0 §4.13: it must be one)');
  const comma = url.indexOf(',');
  if (comma < 0) throw broken('it has no "," before its data');
  const params = url.slice(5, comma).split(';').map((p) => p.trim());
  const base64 = params.length > 1 && params[params.length - 1]!.toLowerCase() === 'base64';
  const octets = percentDecode(url.slice(comma + 1));
  const bytes = base64 ? base64Decode(new TextDecoder().decode(octets)) : octets;
  return { mediaType: params[0]!.toLowerCase() || 'text/plain', bytes };
}

/** A data: URL's octets as UTF-8 text; ParseError when they are not. */
export function dataText(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw broken('its data is not UTF-8 text');
  return text;
}
