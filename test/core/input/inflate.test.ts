/**
 * The inflate cap must hold under a DecompressionStream that follows the Compression Streams spec
 * ("decompress and enqueue a chunk": the whole expansion of one input chunk is made before any of it
 * is enqueued), as browsers' do; Node's inflates lazily per read, which hid this. Deflate's largest
 * expansion is about 1032:1 (zlib technical details), so a 20 KiB input is a 20 MiB output.
 */
import { deflateSync, createInflate, constants } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inflate, InflateError } from '../../../src/core/input/inflate.ts';

/** A DecompressionStream('deflate') that, per the spec, expands each written chunk completely before enqueueing it. */
function specLikeStream(stats: { produced: number; largestChunkOut: number }) {
  return class {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<BufferSource>;
    constructor(format: string) {
      if (format !== 'deflate') throw new TypeError(format);
      const z = createInflate();
      const pending: Buffer[] = [];
      z.on('data', (b: Buffer) => pending.push(b));
      const t = new TransformStream<BufferSource, Uint8Array>({
        async transform(chunk, controller) {
          const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk as ArrayBuffer);
          await new Promise<void>((resolve, reject) => {
            z.once('error', reject);
            z.write(bytes);
            z.flush(constants.Z_SYNC_FLUSH, () => resolve());
          });
          const out = pending.splice(0);
          const size = out.reduce((n, b) => n + b.length, 0);
          stats.produced += size;
          stats.largestChunkOut = Math.max(stats.largestChunkOut, size);
          for (const b of out) controller.enqueue(new Uint8Array(b));
        },
      });
      this.readable = t.readable;
      this.writable = t.writable;
    }
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('inflate under a spec-conforming DecompressionStream', () => {
  it('stops a deflate bomb within about a megabyte past the limit, not after inflating the whole input', async () => {
    const stats = { produced: 0, largestChunkOut: 0 };
    vi.stubGlobal('DecompressionStream', specLikeStream(stats));
    const bomb = new Uint8Array(deflateSync(new Uint8Array(20 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(30_000);
    const limit = 64 * 1024;
    await expect(inflate(bomb, limit)).rejects.toBeInstanceOf(InflateError);
    // Before: the whole 20 MiB was made in one step (one Blob chunk), then the limit was checked.
    expect(stats.largestChunkOut).toBeLessThanOrEqual(1.1 * 1024 * 1024);
    expect(stats.produced).toBeLessThanOrEqual(limit + 2.2 * 1024 * 1024);
  });

  it('still inflates ordinary text, and a stream cut short is still an error', async () => {
    vi.stubGlobal('DecompressionStream', specLikeStream({ produced: 0, largestChunkOut: 0 }));
    const text = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', id: 'urn:uuid:1', name: 'é'.repeat(5000) });
    const z = new Uint8Array(deflateSync(new TextEncoder().encode(text)));
    expect(new TextDecoder().decode(await inflate(z))).toBe(text);
  });
});

describe('inflate with the platform DecompressionStream', () => {
  it('reads a zlib stream of many kilobytes (written in pieces), and refuses one cut short', async () => {
    const words = Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % 10_007).toString(36)).join(',');
    const data = new TextEncoder().encode(`{"a":"${words}"}`);
    const z = new Uint8Array(deflateSync(data));
    expect(z.length).toBeGreaterThan(16 * 1024);
    expect(await inflate(z)).toEqual(data);
    await expect(inflate(z.subarray(0, z.length - 6))).rejects.toBeInstanceOf(InflateError);
  });
});
