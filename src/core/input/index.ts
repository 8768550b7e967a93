/**
 * Input sniffing and unpacking (DESIGN "src/core/input"; reference §6.1): a baked PNG or SVG, a
 * JSON credential, a compact JWS or a URL, given as bytes or text. Bad input is always a ParseError
 * with a stable code, never a TypeError or RangeError, so the pipeline can report `parse` failed.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { classifyText } from './classify.ts';
import { hasPngSignature, readBakedPng } from './png.ts';
import { readBakedSvg } from './svg.ts';
import { gunzipSvgz, isGzip } from './svgz.ts';
import { decodeText, stripBom, trimText } from './text.ts';
import { coseRefusal, isCoseSign1 } from './unsupported.ts';
import type { Unpacked } from './types.ts';

export type { CredentialText, Unpacked } from './types.ts';

/** A root element named svg (any prefix) somewhere in a document that starts with markup. */
const SVG_ROOT = /<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/;

const PNG_MAGIC_START = [0x89, 0x50, 0x4e, 0x47];

async function unpackUnsafe(input: Uint8Array | string, compressed = false): Promise<Unpacked> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length === 0) throw new ParseError(ErrorCodes.PARSE_EMPTY, 'The input is empty');
  // An SVGZ (svgz.ts): the SVG it holds, read once (a gzip inside a gzip is no SVGZ).
  if (typeof input !== 'string' && !compressed && isGzip(bytes)) {
    const inner = await unpackUnsafe(await gunzipSvgz(bytes), true);
    if (inner.kind !== 'svg') throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The input is a compressed (gzip) file that holds no SVG image: only an SVG is read compressed (SVGZ)');
    return inner;
  }
  // PNG §5.2: the 8-byte signature. A file that starts like one but is cut short is a broken PNG.
  if (typeof input !== 'string' && (hasPngSignature(bytes) || PNG_MAGIC_START.every((b, i) => bytes[i] === b))) {
    const baked = await readBakedPng(bytes);
    return { kind: 'png', bytes, credential: classifyText(baked.text, 'png') };
  }
  // A COSE-secured credential (VC-JOSE-COSE §3.3) is binary: named and unsettled, not unreadable text.
  if (typeof input !== 'string' && isCoseSign1(bytes)) throw coseRefusal('a COSE_Sign1 (RFC 9052), as VC-JOSE-COSE §3.3 secures a credential');
  const decoded = typeof input === 'string' ? input : decodeText(bytes);
  // RFC 8259 §8.1: JSON exchanged between systems is UTF-8. A badge saved as Latin-1 (or Windows-1252) is
  // not read in a guessed encoding: its text, and so what its issuer signed, could change.
  if (decoded === undefined) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The input is neither a PNG nor UTF-8 (or UTF-16) text: a badge\'s JSON is UTF-8 (RFC 8259 §8.1), so one saved in another encoding (Latin-1, Windows-1252) is not read');
  const text = trimText(stripBom(decoded));
  if (text === '') throw new ParseError(ErrorCodes.PARSE_EMPTY, 'The input is empty (only whitespace)');
  if (text.startsWith('<')) {
    if (!SVG_ROOT.test(text)) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The input is markup but not an SVG');
    const baked = readBakedSvg(text);
    return { kind: 'svg', bytes, credential: classifyText(baked.text, 'svg') };
  }
  const credential = classifyText(text);
  return { kind: credential.type, bytes, credential };
}

/** Sniffs and unpacks an input. Throws only ParseError (PARSE_* codes) for input that is not a badge. */
export async function unpack(input: Uint8Array | string): Promise<Unpacked> {
  try {
    return await unpackUnsafe(input);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The input could not be read: ${why}`, { cause: e });
  }
}
