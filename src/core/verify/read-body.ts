/**
 * A response body read up to a byte limit: the reading stops (and the stream is cancelled) as soon
 * as it runs past `max`, so a huge or endless body costs at most `max` plus one chunk. Callers
 * decide what "too large" means: refuse it (fetchOnce, the host fetch) or keep it cut (the CLI's
 * document cache, which hands it on to fetchOnce to refuse).
 */
export async function readAtMost(res: Response, max: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; over: boolean }> {
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
