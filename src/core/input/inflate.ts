/**
 * zlib inflate (RFC 1950; PNG §10 compression method 0) through DecompressionStream('deflate'), which
 * Node 20, browsers and MV3 service workers all provide. The output is capped so that a small
 * compressed chunk cannot expand into gigabytes.
 */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export class InflateError extends Error {}

export async function inflate(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
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
    throw new InflateError(`not valid zlib data: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
