/**
 * zlib inflate (RFC 1950; PNG §10 compression method 0), or gzip (RFC 1952: an SVGZ file), through
 * DecompressionStream('deflate' | 'gzip'), which
 * Node 20, browsers and MV3 service workers all provide. The output is capped so that a small
 * compressed chunk cannot expand into gigabytes.
 *
 * The cap is checked as output is read, so the input is written in small slices, each only once the
 * output of the last has been asked for: the Compression Streams spec ("decompress and enqueue a
 * chunk") expands a whole written chunk before enqueueing any of it, as browsers do, and a
 * TransformStream's backpressure acts only between chunks. Written whole, a few kilobytes of
 * deflate (at most about 1032:1, zlib's "maximum compression factor") became gigabytes in memory
 * before the first read could see the cap. A slice of SLICE bytes makes at most about 1 MiB.
 */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

const SLICE = 1024;

export class InflateError extends Error {}

/**
 * `partial`: a stream that ends early or goes wrong gives what it inflated until then instead of an
 * InflateError, as java.util.zip.Inflater does (only to learn what such a reader would read: png-other-readers.ts).
 */
export async function inflate(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES, format: 'deflate' | 'gzip' = 'deflate', partial = false): Promise<Uint8Array> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Each write settles once its slice is transformed, which waits for a read (the readable side's
  // high-water mark is 0). A failure here (bad data, a cancel) also errors the reader, which reports it.
  const feeding = (async () => {
    for (let i = 0; i < data.length; i += SLICE) await writer.write(data.slice(i, i + SLICE));
    await writer.close();
  })();
  feeding.catch(() => undefined);
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InflateError(`inflated data exceeds ${maxBytes} bytes`);
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof InflateError) throw e;
    if (!partial)
      throw new InflateError(`not valid ${format === 'gzip' ? 'gzip' : 'zlib'} data: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
