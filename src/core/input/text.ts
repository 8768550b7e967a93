/**
 * Byte ↔ text helpers shared by the input readers. Pure: TextDecoder only, no Buffer, so they run in
 * Node 20, a page and an MV3 service worker alike.
 */

/** Strips one leading U+FEFF (a UTF-8 BOM that survived decoding). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * White space (String.prototype.trim: Unicode White_Space, line terminators, U+FEFF) and the
 * characters that show as nothing but are not white space, at either end: U+200B ZERO WIDTH SPACE,
 * U+200C/U+200D joiners, U+2060 WORD JOINER (web pages put them in long tokens to let them wrap, and a
 * copy keeps them), and NUL (a C string's end saved with the text). None is part of a JSON text's
 * value (RFC 8259 §2 allows only white space around it), a compact JWS (RFC 7515 §7.1: base64url and
 * dots) or a URL, so an input that carried them was refused as "neither JSON, a compact JWS nor an URL".
 */
export const trimText = (text: string): string => text.replace(/^[\s\u200b-\u200d\u2060\0]+|[\s\u200b-\u200d\u2060\0]+$/g, '');

/** Strict UTF-8: returns undefined for bytes that are not UTF-8 rather than inventing U+FFFD. */
/** One decoder for every call: a decode without `stream` starts afresh, and making a TextDecoder costs more than decoding a badge. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a whole input: UTF-16 when it carries a UTF-16 BOM or starts as UTF-16 text does, else strict UTF-8 (the BOM, if any,
 * is dropped by the decoder), else the encoding an XML declaration names (XML 1.0 §4.3.3: an SVG
 * saved as ISO-8859-1 by an older editor). Undefined when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : unmarkedUtf16(bytes);
  const utf8 = utf16 ? undefined : decodeUtf8(bytes);
  if (utf8 !== undefined) return utf8;
  const label = utf16 ?? xmlDeclaredEncoding(bytes);
  if (!label) return undefined;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // an unknown label, or bytes that are not in that encoding either
  }
}

/**
 * UTF-16 without a BOM, as Windows tools save "Unicode" text: a badge's text starts with two ASCII
 * characters (`{"`, `<?`, `ey`, `ht`), each a zero byte and a non-zero one (RFC 4627 §3's pattern).
 * Such bytes are valid UTF-8 too (NUL is), which read them as text full of NULs: a JSON error.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  const [b0, b1, b2, b3] = bytes;
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be';
  return undefined;
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.-]{0,39})["']/.exec(decodeLatin1(bytes.subarray(0, 256)));
  return m?.[1];
}

/**
 * ISO 8859-1, byte for byte (PNG §11.3.4.3 tEXt). Not TextDecoder('latin1'): the WHATWG label maps
 * to windows-1252, which differs in 0x80–0x9F.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}
