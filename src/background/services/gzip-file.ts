/**
 * A compressed file added as a badge: an SVGZ (SVG 1.1 §1.2, "compressed with gzip") is the SVG it
 * holds, and that SVG is what is verified and kept (downloaded, drawn in a picker), never its
 * compressed bytes, which no image consumer reads as image/svg+xml. Inflated under the engine's
 * cap (core/input/inflate.ts), so a gzip bomb ends as a refusal, not gigabytes in the worker.
 */
import { inflate, InflateError, MAX_INFLATED_BYTES } from '../../core/input/inflate.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

/** The bytes a gzip file holds (RFC 1952 §2.3.1: ID1 0x1f, ID2 0x8b), or the bytes themselves. */
export async function ungzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await inflate(bytes, MAX_INFLATED_BYTES, 'gzip');
  } catch (e) {
    if (e instanceof InflateError) throw new ServiceError(E.NOT_A_BADGE, `This is not a badge Lanyard can read: a compressed (gzip) file whose content could not be read (${e.message})`);
    throw e;
  }
}
