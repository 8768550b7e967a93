/**
 * The documents of one sync run: an issuer's profile, key, revocation list or status list is read
 * once per run (and at most every MAX_AGE_MS in a long run), not once per badge. Without it, a
 * provider that sends no Cache-Control (the document cache then keeps nothing fresh) made every
 * badge fetch its issuer, key and revocation list again: 3 requests a badge of which 2 were the
 * same few documents (bench/sync.ts). Within a run the badges are checked against one snapshot of
 * the issuer's documents, as if they had been checked at the same moment; the next run reads them
 * again. Only successful answers to the engine's document requests (JSON, and keys: an Accept
 * header that asks for no image) are shared, keyed by Accept and URL; failures are not kept, so
 * each badge retries them as before. Concurrent
 * requests for one URL share one fetch. Each caller gets its own Response, made from the body read
 * once: not `Response.clone()`, which tees the body stream for every caller (0.5 ms each in
 * Chromium's worker, 2.2 s of a 1,000-badge sync's CPU profile, bench/support/profile-sync.ts).
 */
import type { Fetch } from '../../core/verify/context.ts';
import { bytesResponse, takeBytes } from '../../core/verify/read-body.ts';

/** Few documents recur in a run (issuers, keys, lists); per-badge ones (badge classes) just pass through the bound. */
const MAX_ENTRIES = 64;
const MAX_AGE_MS = 60_000;

export interface RunDocuments {
  wrap(inner: Fetch): Fetch;
}

/**
 * A successful response read once, handed out as many times as asked, with the host fetch's url and
 * redirected (document-cache.ts reads them). A failure (not shared past the callers already waiting
 * for it) is kept as it came, and cloned.
 */
type Snapshot = { ok: true; body: ArrayBuffer; init: ResponseInit; url: string; redirected: boolean } | { ok: false; raw: Response };

async function snapshot(res: Response): Promise<Snapshot> {
  if (!res.ok || res.status === 204 || res.status === 205) return { ok: false, raw: res };
  return { ok: true, body: await bodyOf(res), init: { status: res.status, statusText: res.statusText, headers: res.headers }, url: res.url, redirected: res.redirected };
}

/** The body's bytes: those the host fetch read already when it made this Response (read-body.ts), else read now. */
async function bodyOf(res: Response): Promise<ArrayBuffer> {
  const held = takeBytes(res);
  if (!held) return res.arrayBuffer();
  return held.byteOffset === 0 && held.byteLength === held.buffer.byteLength ? held.buffer : held.slice().buffer;
}

function replay(s: Snapshot): Response {
  if (!s.ok) return s.raw.clone();
  const out = bytesResponse(new Uint8Array(s.body.slice(0)), s.init);
  Object.defineProperties(out, { url: { value: s.url }, redirected: { value: s.redirected } });
  return out;
}

export function createRunDocuments(now: () => number = Date.now): RunDocuments {
  const memo = new Map<string, { at: number; response: Promise<Snapshot> }>();
  return {
    wrap: (inner) => async (url, init) => {
      const accept = init?.headers?.accept;
      if (!accept || /image\//i.test(accept)) return inner(url, init);
      const key = `${accept} ${url}`;
      const hit = memo.get(key);
      if (hit && now() - hit.at < MAX_AGE_MS) {
        // Most recently used last: the run's few shared documents outlive the per-badge ones.
        memo.delete(key);
        memo.set(key, hit);
        return replay(await hit.response);
      }
      const entry = { at: now(), response: inner(url, init).then(snapshot) };
      memo.delete(key);
      memo.set(key, entry);
      if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
      const forget = () => memo.get(key) === entry && memo.delete(key);
      let s: Snapshot;
      try {
        s = await entry.response;
      } catch (e) {
        forget();
        throw e;
      }
      if (!s.ok) forget();
      return replay(s);
    },
  };
}
