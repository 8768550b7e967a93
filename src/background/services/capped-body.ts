/**
 * Reads a response body up to a byte limit: a declared Content-Length over it is refused before
 * reading, and a stream that runs past it is cancelled. Fetched bodies come from any host.
 */
import { readAtMost } from '../../core/verify/read-body.ts';

export class BodyTooLargeError extends TypeError {
  constructor(url: string, maxBytes: number) {
    super(`${url} answered more than ${Math.round(maxBytes / (1024 * 1024))} MB: not read`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body's bytes, or null for a response without a body (204, 304, HEAD). */
export async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) return null;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(url, maxBytes);
  }
  const { bytes, over } = await readAtMost(res, maxBytes);
  if (over) throw new BodyTooLargeError(url, maxBytes);
  return bytes;
}
