/**
 * The engine's end of the port (src/platform/remote-engine/protocol.ts): each `verify` message runs
 * the engine with a fetch that asks the service worker, a fact cache mirrored from the worker's,
 * and a signal the worker's `abort` message trips. Runs where the engine runs (Chromium: the
 * offscreen document's dedicated worker, src/offscreen/engine-worker.ts).
 */
import type { Engine } from '../../core/verify/engine.ts';
import type { FactCache, Fetch, VerifyOptions } from '../../core/verify/context.ts';
import { bytesResponse } from '../../core/verify/read-body.ts';
import { receivedError, sentError, type FromEngine, type RemotePort, type SentResponse, type ToEngine } from './protocol.ts';

/** Statuses whose Response has no body (Fetch §2.2.3 "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** The mirrors are bounded as the worker's caches are (src/background/services/verifier.ts MAX_FACTS). */
const MIRROR_FACTS = 2000;
const MIRROR_CACHES = 32;

function responseOf(r: SentResponse): Response {
  const res = bytesResponse(NULL_BODY.has(r.status) ? null : (r.bytes ?? new Uint8Array(0)), { status: r.status, statusText: r.statusText, headers: r.headers });
  // Where the request ended: fetchOnce refuses a redirect to another site.
  Object.defineProperties(res, { url: { value: r.url }, redirected: { value: r.redirected } });
  return res;
}

/** Least recently used out first: a Map keeps insertion order, and each use moves a key to the end. */
function trim<K, V>(map: Map<K, V>, max: number): void {
  for (const k of map.keys()) {
    if (map.size <= max) break;
    map.delete(k);
  }
}

export function serveEngine(port: RemotePort, engine: Engine): void {
  const mirrors = new Map<number, Map<string, unknown>>();
  const running = new Map<number, AbortController>();
  const fetches = new Map<number, { resolve(r: Response): void; reject(e: Error): void }>();
  let nextFetch = 1;
  const send = (m: FromEngine) => port.postMessage(m);

  const mirror = (id: number, seed: [string, unknown][] | undefined): Map<string, unknown> => {
    let facts = mirrors.get(id);
    if (!facts || seed) facts = new Map(seed ?? []);
    mirrors.delete(id);
    mirrors.set(id, facts);
    trim(mirrors, MIRROR_CACHES);
    trim(facts, MIRROR_FACTS);
    return facts;
  };
  const cacheOf = (id: number, facts: Map<string, unknown>): FactCache => ({
    get(key) {
      if (!facts.has(key)) return undefined;
      const value = facts.get(key);
      facts.delete(key);
      facts.set(key, value);
      return value;
    },
    set(key, value) {
      if (facts.get(key) === value) return;
      facts.delete(key);
      facts.set(key, value);
      trim(facts, MIRROR_FACTS);
      send({ t: 'fact', cache: id, key, value });
    },
  });

  async function run(m: Extract<ToEngine, { t: 'verify' }>): Promise<void> {
    const stop = m.abortable ? new AbortController() : undefined;
    if (stop) running.set(m.id, stop);
    const fetch: Fetch = (url, init) =>
      new Promise<Response>((resolve, reject) => {
        const id = nextFetch++;
        fetches.set(id, { resolve, reject });
        send({ t: 'fetch', fetch: id, id: m.id, url, ...(init?.headers ? { headers: init.headers } : {}) });
      });
    const options: VerifyOptions = {
      now: new Date(m.now),
      ...(m.canFetch ? { fetch } : {}),
      ...(m.identities ? { identities: m.identities } : {}),
      ...(m.cache !== undefined ? { keyCache: cacheOf(m.cache, mirror(m.cache, m.seed)) } : {}),
      ...(stop ? { signal: stop.signal } : {}),
      ...(m.maxFetches !== undefined ? { maxFetches: m.maxFetches } : {}),
    };
    try {
      send({ t: 'done', id: m.id, ok: true, result: await engine.verify(m.input, options) });
    } catch (e) {
      send({ t: 'done', id: m.id, ok: false, error: sentError(e) });
    } finally {
      running.delete(m.id);
    }
  }

  port.onmessage = (event) => {
    const m = event.data as ToEngine;
    if (m.t === 'verify') void run(m);
    else if (m.t === 'abort') running.get(m.id)?.abort();
    else if (m.t === 'fetched') {
      const waiting = fetches.get(m.fetch);
      if (!waiting) return;
      fetches.delete(m.fetch);
      if (m.ok) waiting.resolve(responseOf(m.response));
      else waiting.reject(receivedError(m.error));
    }
  };
}
