/**
 * A compressed SVG (SVGZ: SVG 1.1 §1.2, "compressed with gzip"; RFC 1952) given as bytes: a file
 * to the command line, or what a link served as it is (a `.svgz` served without a
 * `Content-Encoding`, which fetch would have decoded). The popup's files were unpacked before
 * (src/background/services/gzip-file.ts), so that the SVG is what is kept; links and the command
 * line read the same. Inflated under the engine's cap (inflate.ts): a gzip bomb is a ParseError.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { inflate, InflateError, MAX_INFLATED_BYTES } from './inflate.ts';

/** RFC 1952 §2.3.1: ID1 0x1f, ID2 0x8b. */
export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The bytes a gzip file holds, which the caller reads as an SVG only. */
export async function gunzipSvgz(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await inflate(bytes, MAX_INFLATED_BYTES, 'gzip');
  } catch (e) {
    if (e instanceof InflateError) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `A compressed (gzip) file whose content could not be read: ${e.message}`);
    throw e;
  }
}
