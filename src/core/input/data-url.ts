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

const hexValue = (b: number | undefined): number =>
  b === undefined ? -1 : b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;

/**
 * Percent-decoding to octets (RFC 3986 §2.1); any other character stands for its UTF-8 octets. One
 * pass over one array: `%` and hex digits are ASCII, so they are the same octets once encoded, and
 * a hostile input of millions of escapes costs no more than its length.
 */
function percentDecode(data: string): Uint8Array {
  const raw = new TextEncoder().encode(data);
  if (!raw.includes(0x25)) return raw;
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b !== 0x25 /* % */) {
      out[n++] = b;
      continue;
    }
    const hi = hexValue(raw[i + 1]);
    const lo = hexValue(raw[i + 2]);
    if (hi < 0 || lo < 0) throw broken(`"%" at octet ${i} is not followed by two hex digits`);
    out[n++] = hi * 16 + lo;
    i += 2;
  }
  return out.subarray(0, n);
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
