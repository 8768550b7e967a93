/**
 * The service worker's end of the port (src/platform/remote-engine/protocol.ts): an Engine whose
 * `verify` sends the input to the engine running elsewhere and answers its requests meanwhile:
 * each fetch through the caller's own fetch (its body read here, capped as fetchOnce caps it), each
 * new fact into the caller's fact cache. The verification's signal crosses as an `abort` message;
 * an engine that does not answer within `graceMs` after it is given up, and the next verification
 * connects again.
 */
import type { Engine } from '../../core/verify/engine.ts';
import type { FactCache, Fetch, VerifyOptions } from '../../core/verify/context.ts';
import type { VerifyResult } from '../../core/result.ts';
import { MAX_DOCUMENT_BYTES } from '../../core/verify/fetch-once.ts';
import { readAtMost } from '../../core/verify/read-body.ts';
import { receivedError, sentError, type FromEngine, type RemotePort, type SentResponse, type ToEngine } from './protocol.ts';

/** A fact cache that can list what it holds, so that the engine's side starts with the same facts. */
export interface ListedFactCache extends FactCache {
  entries(): Iterable<[string, unknown]> | Promise<Iterable<[string, unknown]>>;
}

export interface RemoteEngineOptions {
  /** Opens a port to a serving engine (src/platform/remote-engine/host.ts). */
  connect(): Promise<RemotePort>;
  /** How long an aborted verification may still take to answer; default 2 s. */
  graceMs?: number;
  /** Called when the last verification in flight has ended (src/platform/offscreen-engine.ts closes its document later). */
  onIdle?(): void;
  /** Called when a verification starts. */
  onBusy?(): void;
}

export interface RemoteEngine extends Engine {
  /** Forgets the connection: verifications in flight fail, the next one connects again. */
  disconnect(reason: string): void;
}

interface Call {
  resolve(r: VerifyResult): void;
  reject(e: Error): void;
  fetch: Fetch | undefined;
  signal: AbortSignal | undefined;
}

interface Connection {
  port: RemotePort;
  calls: Map<number, Call>;
  cacheIds: WeakMap<FactCache, { id: number; listed: Promise<[string, unknown][]> }>;
  caches: Map<number, FactCache>;
}

/** Caches whose new facts are still forwarded; older ones are dropped from this table first. */
const MAX_CACHES = 64;
const constructible = (s: number) => s >= 200 && s <= 599;

async function sendable(res: Response, url: string): Promise<SentResponse> {
  // A Response can be made again only with a status 200-599 (Fetch §6.4 Response constructor).
  if (!constructible(res.status)) {
    await res.body?.cancel().catch(() => undefined);
    throw new TypeError(`${url} gave an unusable answer (status ${res.status}, ${res.type})`);
  }
  // One byte past the engine's own cap is enough for fetchOnce to refuse it as too large.
  const { bytes } = await readAtMost(res, MAX_DOCUMENT_BYTES);
  return { status: res.status, statusText: res.statusText, url: res.url, redirected: res.redirected, headers: [...res.headers], bytes };
}

export function remoteEngine({ connect, graceMs = 2000, onIdle, onBusy }: RemoteEngineOptions): RemoteEngine {
  let current: Promise<Connection> | undefined;
  let nextId = 1;
  let nextCache = 1;
  let inFlight = 0;

  const drop = (conn: Connection, reason: string) => {
    for (const call of conn.calls.values()) call.reject(new Error(reason));
    conn.calls.clear();
    conn.port.onmessage = null;
  };

  function open(): Promise<Connection> {
    current ??= connect().then(
      (port) => {
        const conn: Connection = { port, calls: new Map(), cacheIds: new WeakMap(), caches: new Map() };
        port.onmessage = (event) => void onMessage(conn, event.data as FromEngine);
        return conn;
      },
      (e: unknown) => {
        current = undefined;
        throw new Error(`The verification engine could not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      },
    );
    return current;
  }

  async function onMessage(conn: Connection, m: FromEngine): Promise<void> {
    if (m.t === 'done') {
      const call = conn.calls.get(m.id);
      if (!call) return;
      conn.calls.delete(m.id);
      if (m.ok) call.resolve(m.result);
      else call.reject(receivedError(m.error));
    } else if (m.t === 'fact') {
      conn.caches.get(m.cache)?.set(m.key, m.value);
    } else if (m.t === 'fetch') {
      const call = conn.calls.get(m.id);
      let reply: ToEngine;
      try {
        if (!call?.fetch) throw new TypeError(`${m.url} cannot be fetched: no network access was given`);
        const res = await call.fetch(m.url, { ...(m.headers ? { headers: m.headers } : {}), ...(call.signal ? { signal: call.signal } : {}) });
        reply = { t: 'fetched', fetch: m.fetch, ok: true, response: await sendable(res, m.url) };
      } catch (e) {
        reply = { t: 'fetched', fetch: m.fetch, ok: false, error: sentError(e) };
      }
      conn.port.postMessage(reply);
    }
  }

  /**
   * The cache's id on this connection, and its facts when the engine's side has not seen it yet.
   * A verification that comes while the first one's facts are still being listed waits for them,
   * so that the seed reaches the engine first.
   */
  async function cacheFor(conn: Connection, cache: FactCache): Promise<{ cache: number; seed?: [string, unknown][] }> {
    let known = conn.cacheIds.get(cache);
    let seed: [string, unknown][] | undefined;
    if (!known) {
      const listed = (cache as Partial<ListedFactCache>).entries;
      known = { id: nextCache++, listed: (async () => (listed ? [...(await listed.call(cache))] : []))() };
      conn.cacheIds.set(cache, known);
      seed = await known.listed;
    } else await known.listed;
    const id = known.id;
    conn.caches.delete(id);
    conn.caches.set(id, cache);
    for (const [k, old] of conn.caches) {
      if (conn.caches.size <= MAX_CACHES) break;
      // Forgotten here, so that it is listed again if it comes back.
      conn.caches.delete(k);
      conn.cacheIds.delete(old);
    }
    return seed ? { cache: id, seed } : { cache: id };
  }

  async function verify(input: Uint8Array | string, opts: VerifyOptions): Promise<VerifyResult> {
    inFlight++;
    onBusy?.();
    try {
      const conn = await open();
      const id = nextId++;
      const signal = opts.signal;
      const message: ToEngine = {
        t: 'verify',
        id,
        input,
        now: opts.now.getTime(),
        canFetch: opts.fetch !== undefined,
        abortable: signal !== undefined,
        ...(opts.identities ? { identities: [...opts.identities] } : {}),
        ...(opts.maxFetches !== undefined ? { maxFetches: opts.maxFetches } : {}),
        ...(opts.keyCache ? await cacheFor(conn, opts.keyCache) : {}),
      };
      return await new Promise<VerifyResult>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onAbort = () => {
          conn.port.postMessage({ t: 'abort', id } satisfies ToEngine);
          timer = setTimeout(() => {
            if (!conn.calls.has(id)) return;
            const reason = 'The verification engine did not answer';
            if (current) void current.then((c) => c === conn && disconnect(reason));
            reject(new Error(reason));
          }, graceMs);
        };
        const settle = () => {
          signal?.removeEventListener('abort', onAbort);
          if (timer !== undefined) clearTimeout(timer);
        };
        conn.calls.set(id, {
          resolve: (r) => (settle(), resolve(r)),
          reject: (e) => (settle(), reject(e)),
          fetch: opts.fetch,
          signal,
        });
        conn.port.postMessage(message);
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    } finally {
      if (--inFlight === 0) onIdle?.();
    }
  }

  function disconnect(reason: string): void {
    const was = current;
    current = undefined;
    void was?.then((conn) => drop(conn, reason)).catch(() => undefined);
  }

  return { verify, disconnect, mirrorsFacts: true };
}
