/**
 * A response body read up to a byte limit: the reading stops (and the stream is cancelled) as soon
 * as it runs past `max`, so a huge or endless body costs at most `max` plus one chunk. Callers
 * decide what "too large" means: refuse it (fetchOnce, the host fetch) or keep it cut (the CLI's
 * document cache, which hands it on to fetchOnce to refuse).
 */
export async function readAtMost(res: Response, max: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; over: boolean }> {
  const held = heldBytes.get(res);
  if (held && held.length <= max) {
    const bytes = takeBytes(res);
    if (bytes) return { bytes, over: false };
  }
  if (!res.body) return { bytes: new Uint8Array(await res.arrayBuffer()), over: false };
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.length;
    if (size > max) {
      over = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, over };
}

/**
 * Responses made here from bytes already read (the host fetch's capped body, a run's shared
 * document, the document cache's copy), with those bytes: their size is known exactly, so reading
 * them again through their stream, chunk by chunk, proves nothing. A document's body was read that
 * way up to three times in the worker (the host fetch, the run's snapshot, the engine's fetchOnce);
 * with this, once (issue 14, bench/support/profile-sync.ts).
 */
const heldBytes = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** A Response of `bytes`, which then belong to it (the caller must not change them). */
export function bytesResponse(bytes: Uint8Array<ArrayBuffer> | null, init?: ResponseInit): Response {
  const res = new Response(bytes, init);
  if (bytes && res.body) heldBytes.set(res, bytes);
  return res;
}

/**
 * The bytes of a Response made by bytesResponse, handed out once (a second read goes through its
 * stream as for any other); undefined for any other Response, or one whose body was read already.
 */
export function takeBytes(res: Response): Uint8Array<ArrayBuffer> | undefined {
  const bytes = heldBytes.get(res);
  if (!bytes || res.bodyUsed) return undefined;
  heldBytes.delete(res);
  return bytes;
}
