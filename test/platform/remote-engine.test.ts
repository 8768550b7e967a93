/**
 * The engine run at the other end of a port (src/platform/remote-engine/): over a real
 * MessageChannel (structured clone, as between Chromium's service worker and the offscreen
 * document's worker), it gives the same result as the engine called directly on the whole public
 * conformance corpus, fetches through the caller's fetch (errors, redirects and headers crossing
 * intact), keeps facts in the caller's cache, and gives up on an engine that no longer answers.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { FactCache, Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { remoteEngine, type ListedFactCache } from '../../src/platform/remote-engine/client.ts';
import { serveEngine } from '../../src/platform/remote-engine/host.ts';
import type { RemotePort } from '../../src/platform/remote-engine/protocol.ts';
import { caseFetch, inputPath, loadExpected } from '../support/conformance.ts';

const ports: { close(): void }[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

/** Node's MessagePort speaks `on('message')`; the browser's `onmessage` with an event. This adapts one end. */
function browserPort(port: import('node:worker_threads').MessagePort): RemotePort {
  ports.push(port);
  let handler: ((e: MessageEvent) => void) | null = null;
  port.on('message', (data: unknown) => handler?.({ data } as MessageEvent));
  return {
    postMessage: (m: unknown) => port.postMessage(m),
    get onmessage() {
      return handler;
    },
    set onmessage(h) {
      handler = h;
    },
  };
}

function pair(engine = { verify }, connects = { count: 0 }) {
  return remoteEngine({
    connect: async () => {
      connects.count++;
      const { port1, port2 } = new MessageChannel();
      serveEngine(browserPort(port2), engine);
      return browserPort(port1);
    },
    graceMs: 200,
  });
}

function listedCache(): ListedFactCache & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v), entries: () => map.entries() };
}

describe('the engine behind a port', () => {
  it('gives the direct engine’s result on every case of the conformance corpus', async () => {
    const expected = loadExpected();
    const remote = pair();
    let compared = 0;
    for (const c of expected.cases) {
      const bytes = new Uint8Array(readFileSync(inputPath(c)));
      const now = new Date(c.now ?? expected.now);
      const identities = c.recipients ?? [];
      const direct = await verify(bytes, { fetch: caseFetch(expected, c), now, identities });
      const across = await remote.verify(bytes, { fetch: caseFetch(expected, c), now, identities });
      expect(across, c.input).toEqual(direct);
      expect(across.verdict, c.input).toBe(c.verdict);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('sends the fetch’s headers, and brings back status, headers, the final URL and errors unchanged', async () => {
    const asked: { url: string; headers: Record<string, string> | undefined; signal: boolean }[] = [];
    const fetch: Fetch = async (url, init) => {
      asked.push({ url, headers: init?.headers, signal: init?.signal instanceof AbortSignal });
      if (url.endsWith('/badge')) throw new Error('Lanyard may not read https://issuer.test yet');
      const res = new Response(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: url }), { status: 200, headers: { 'content-type': 'application/ld+json' } });
      Object.defineProperties(res, { url: { value: 'https://evil.test/moved' }, redirected: { value: true } });
      return res;
    };
    const r = await pair().verify('https://issuer.test/assertion', { fetch, now: new Date('2026-01-01'), signal: new AbortController().signal });
    expect(asked[0]).toMatchObject({ url: 'https://issuer.test/assertion', signal: true });
    expect(asked[0]!.headers?.accept).toMatch(/application\/ld\+json/);
    // The redirect to another site crossed: fetchOnce refused it, as it does for a direct fetch.
    const direct = await verify('https://issuer.test/assertion', { fetch, now: new Date('2026-01-01') });
    expect(r).toEqual(direct);
    expect(JSON.stringify(r.checks)).toContain('redirects to another site');
  });

  it('carries a fetch’s error message into the checks, and no fetch means unreachable', async () => {
    const fetch: Fetch = async () => {
      throw new Error('Lanyard may not read https://issuer.test yet');
    };
    const remote = pair();
    const r = await remote.verify('https://issuer.test/assertion', { fetch, now: new Date('2026-01-01') });
    expect(r.verdict).toBe('indeterminate');
    expect(JSON.stringify(r.checks)).toContain('Lanyard may not read https://issuer.test yet');
    const none = await remote.verify('https://issuer.test/assertion', { now: new Date('2026-01-01') });
    expect(none).toEqual(await verify('https://issuer.test/assertion', { now: new Date('2026-01-01') }));
  });

  it('starts from the caller’s facts and hands new ones back to its cache', async () => {
    const expected = loadExpected();
    const signed = expected.cases.find((c) => c.input === 'ob3-testvector/signed-credential-eddsa-rdfc-2022.json')!;
    const bytes = new Uint8Array(readFileSync(inputPath(signed)));
    const now = new Date(signed.now ?? expected.now);
    const cache = listedCache();
    const remote = pair();
    await remote.verify(bytes, { fetch: caseFetch(expected, signed), now, keyCache: cache });
    expect(cache.map.size).toBeGreaterThan(0);
    for (const v of cache.map.values()) expect(v).toBe(true);
    // A second engine (a new connection, as after the worker restarted) is seeded with them:
    // the facts it finds are the same, and it asks no fetch the facts answer.
    const seeded = listedCache();
    for (const [k, v] of cache.map) seeded.set(k, v);
    const reads: string[] = [];
    const watch: FactCache = { get: (k) => (reads.push(k), seeded.get(k)), set: (k, v) => seeded.set(k, v) };
    const again = await pair().verify(bytes, { fetch: caseFetch(expected, signed), now, keyCache: Object.assign(watch, { entries: () => seeded.entries() }) });
    expect(again.verdict).toBe('valid');
    expect(reads).toHaveLength(0); // read on the engine's side, from the seed
    expect([...seeded.map.keys()].sort()).toEqual([...cache.map.keys()].sort());
  });

  it('passes the abort on, and gives up on an engine that no longer answers', async () => {
    const hung = { verify: () => new Promise<never>(() => undefined) };
    const connects = { count: 0 };
    const remote = pair(hung as never, connects);
    const stop = new AbortController();
    const p = remote.verify('{}', { now: new Date(), signal: stop.signal });
    stop.abort();
    await expect(p).rejects.toThrow('did not answer');
    // The next verification connects again.
    const q = remote.verify('{}', { now: new Date(), signal: AbortSignal.abort() });
    await expect(q).rejects.toThrow('did not answer');
    expect(connects.count).toBe(2);
  });

  it('an aborted verification answers with what it could check', async () => {
    const fetch: Fetch = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const stop = new AbortController();
    const p = pair().verify('https://issuer.test/assertion', { fetch, now: new Date('2026-01-01'), signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    const r = await p;
    expect(r.verdict).toBe('indeterminate');
  });

  it('reports an engine that cannot start', async () => {
    const remote = remoteEngine({ connect: () => Promise.reject(new Error('no offscreen document')) });
    await expect(remote.verify('{}', { now: new Date() })).rejects.toThrow('The verification engine could not start: no offscreen document');
  });
});
