/**
 * RFC 2397 `data:` URLs, as an enveloped credential carries its secured form (VC DM 2.0
 * §4.13 "Enveloped Verifiable Credentials"): `data:[<mediatype>][;base64],<data>`, where
 * `mediatype := [ type "/" subtype ] *( ";" parameter )` and the data is URL-encoded octets, or
 * base64 when `;base64` ends the header. Parameters (`;charset=utf-8`) are read past, not used.
 * Read by the engine for an envelope (src/core/input/enveloped.ts) and by the import for a pasted
 * data: link (src/background/services/pasted-text.ts), each saying what is broken in its own words.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { decodeUtf8 } from './text.ts';

export interface DataUrl {
  /** The media type, lower-cased, without parameters; `text/plain` when none is given (RFC 2397 §2). */
  mediaType: string;
  /** The data's octets (a COSE object is binary; a JWS is ASCII text). */
  bytes: Uint8Array;
}

/** Builds the error for a broken data: URL from what is wrong with it ("its base64 is broken"). */
export type DataUrlFailure = (why: string) => Error;

export const broken: DataUrlFailure = (why) => new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The data: URL is broken: ${why}`);

const hexValue = (b: number | undefined): number =>
  b === undefined ? -1 : b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;

/**
 * Percent-decoding to octets (RFC 3986 §2.1); any other character stands for its UTF-8 octets. One
 * pass over one array: `%` and hex digits are ASCII, so they are the same octets once encoded, and
 * a hostile input of millions of escapes costs no more than its length.
 */
function percentDecode(data: string, fail: DataUrlFailure): Uint8Array {
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
    if (hi < 0 || lo < 0) throw fail('a % is not followed by two hexadecimal digits');
    out[n++] = hi * 16 + lo;
    i += 2;
  }
  return out.subarray(0, n);
}

/** Base64 (RFC 4648 §4, padding optional); the URL-safe alphabet (§5) is taken too. */
function base64Decode(text: string, fail: DataUrlFailure): Uint8Array {
  const body = text.replace(/\s+/g, ''); // an e-mail wraps base64 across lines
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body)) throw fail('its base64 is broken');
  const bare = body.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (bare.length % 4 === 1) throw fail('its base64 is broken');
  // atob, checked above to see only the base64 alphabet, padded as it requires.
  const binary = atob(bare.padEnd(Math.ceil(bare.length / 4) * 4, '='));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The media type and octets of a data: URL; `fail`'s error (by default a ParseError) when it is none or broken. */
export function readDataUrl(url: string, fail: DataUrlFailure = broken): DataUrl {
  if (!/^data:/i.test(url)) throw fail('it is not a data: URL');
  const comma = url.indexOf(',');
  if (comma < 0) throw fail('it has no "," before its data');
  const params = url.slice(5, comma).split(';').map((p) => p.trim());
  const base64 = params.length > 1 && params[params.length - 1]!.toLowerCase() === 'base64';
  const octets = percentDecode(url.slice(comma + 1), fail);
  const bytes = base64 ? base64Decode(new TextDecoder().decode(octets), fail) : octets;
  return { mediaType: params[0]!.toLowerCase() || 'text/plain', bytes };
}

/** A data: URL's octets as UTF-8 text; ParseError when they are not. */
export function dataText(bytes: Uint8Array, fail: DataUrlFailure = broken): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw fail('its data is not UTF-8 text');
  return text;
}
