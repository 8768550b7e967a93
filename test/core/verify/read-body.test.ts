/** Reading a body up to a limit: streams cut at the cap, and Responses made from bytes already read handed out without a second read. */
import { describe, expect, it } from 'vitest';
import { bytesResponse, readAtMost, takeBytes } from '../../../src/core/verify/read-body.ts';

const stream = (chunks: number[]) =>
  new Response(new ReadableStream<Uint8Array>({ start(c) { for (const n of chunks) c.enqueue(new Uint8Array(n).fill(7)); c.close(); } }));

describe('readAtMost', () => {
  it('reads a stream whole under the cap, and stops past it', async () => {
    expect(await readAtMost(stream([3, 4]), 7)).toMatchObject({ over: false, bytes: new Uint8Array(7).fill(7) });
    const cut = await readAtMost(stream([5, 5, 5, 5]), 7);
    expect(cut.over).toBe(true);
    expect(cut.bytes.length).toBe(10); // the cap plus at most one chunk
  });

  it('hands out the bytes of a Response made from bytes, without reading its stream, once', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const res = bytesResponse(bytes, { status: 200 });
    const read = await readAtMost(res, 3);
    expect(read).toEqual({ bytes, over: false });
    expect(read.bytes).toBe(bytes);
    expect(res.bodyUsed).toBe(false);
    expect(takeBytes(res)).toBeUndefined(); // once
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes); // the stream still holds the same bytes
  });

  it('keeps the cap exact for a Response made from bytes: more than the cap is read through the stream and refused', async () => {
    const res = bytesResponse(new Uint8Array(10).fill(1));
    const read = await readAtMost(res, 9);
    expect(read.over).toBe(true);
  });

  it('gives nothing for a Response read already, or one not made from bytes', async () => {
    const used = bytesResponse(new Uint8Array([1]));
    await used.arrayBuffer();
    expect(takeBytes(used)).toBeUndefined();
    await expect(readAtMost(used, 10)).rejects.toThrow();
    expect(takeBytes(new Response(new Uint8Array([1])))).toBeUndefined();
  });
});
