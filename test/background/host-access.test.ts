/** The verifier's fetch over a real local server: redirects to other sites fail, bodies are capped. */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostFetch, HostPermissionError, sameSite } from '../../src/background/services/host-access.ts';
import { isUnreachable } from '../../src/background/services/network-log.ts';

let server: Server;
/** 64 MiB of spaces, gzipped to about 64 KB: a Content-Encoding bomb whose declared length is small. */
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
let port = 0;
const at = (host: string, path: string) => `http://${host}:${port}${path}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/doc') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (path === '/headers') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
    if (path === '/bomb') return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(BOMB.length) }).end(BOMB);
    if (path === '/same') return void res.writeHead(302, { location: '/doc' }).end();
    if (path === '/other') return void res.writeHead(302, { location: at('localhost', '/doc') }).end();
    if (path === '/declared') return void res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) }).end(Buffer.alloc(5 * 1024 * 1024));
    if (path === '/stream') {
      // No Content-Length: 64 KB chunks until the reader gives up.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 8 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      return more();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const hostFetch = (granted = ['127.0.0.1', 'localhost'], maxBytes?: number, refuseRedirects?: boolean) =>
  createHostFetch({ permissions: { contains: async (u: string) => granted.includes(new URL(u).hostname), request: async () => false }, fetch, ...(maxBytes ? { maxBytes } : {}), ...(refuseRedirects ? { refuseRedirects } : {}) });

describe('host fetch', () => {
  it('follows a redirect within the site and keeps where it ended', async () => {
    const res = await hostFetch()(at('127.0.0.1', '/same'));
    expect(await res.json()).toEqual({ ok: true });
    expect(res.redirected).toBe(true);
    expect(res.url).toBe(at('127.0.0.1', '/doc'));
  });

  it('fails a redirect to another site, even one it may read', async () => {
    await expect(hostFetch()(at('127.0.0.1', '/other'))).rejects.toThrow(`http://127.0.0.1:${port} redirected to another site (http://localhost:${port}): not followed`);
    await expect(hostFetch()(at('127.0.0.1', '/other'))).rejects.toBeInstanceOf(TypeError);
  });

  it('for hover verification, asks for redirect: manual and refuses every redirect, even within the site (issue 12 point 7)', async () => {
    const inits: RequestInit[] = [];
    const spy = createHostFetch({ permissions: { contains: async () => true, request: async () => false }, fetch: (u, init) => (inits.push(init!), fetch(u, init)), refuseRedirects: true });
    await expect(spy(at('127.0.0.1', '/same'))).rejects.toThrow('answered with a redirect: hover verification does not follow redirects');
    await expect(hostFetch(undefined, undefined, true)(at('127.0.0.1', '/other'))).rejects.toBeInstanceOf(TypeError);
    expect(inits[0]).toMatchObject({ redirect: 'manual', credentials: 'omit' });
    // What a browser answers to redirect: 'manual' (Node's fetch answers the 3xx itself).
    const opaque = createHostFetch({ permissions: { contains: async () => true, request: async () => false }, refuseRedirects: true, fetch: async () => Object.defineProperties(new Response(null, { status: 200 }), { type: { value: 'opaqueredirect' }, status: { value: 0 } }) });
    await expect(opaque('https://issuer.example/a')).rejects.toThrow('does not follow redirects');
    expect(await (await spy(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
  });

  it('for hover verification, neither reads nor fills the browser’s HTTP cache: it is one for every site, and a second site’s hover answered from it asked the server nothing (attack24)', async () => {
    const inits: RequestInit[] = [];
    const allow = { contains: async () => true, request: async () => false };
    const spy = (refuseRedirects: boolean) => createHostFetch({ permissions: allow, fetch: (u, init) => (inits.push(init!), fetch(u, init)), refuseRedirects });
    expect(await (await spy(true)(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
    expect(inits[0]).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    // The user's own syncs and imports keep the browser's cache (no page sees what they fetch).
    expect(await (await spy(false)(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
    expect(inits[1]?.cache).toBeUndefined();
  });

  it('sends no Authorization, Cookie or other header handed in to a host a badge names, only accept and the cache validators (fetch42)', async () => {
    const given = { accept: 'application/ld+json', authorization: 'Bearer secret', cookie: 'session=1', 'x-api-key': 'k', 'if-none-match': '"v1"' };
    for (const refuseRedirects of [false, true]) {
      const seen = (await (await hostFetch(undefined, undefined, refuseRedirects)(at('127.0.0.1', '/headers'), { headers: given })).json()) as Record<string, string>;
      expect(seen).toMatchObject({ accept: 'application/ld+json', 'if-none-match': '"v1"' });
      expect(seen).not.toHaveProperty('authorization');
      expect(seen).not.toHaveProperty('cookie');
      expect(seen).not.toHaveProperty('x-api-key');
    }
  });

  it('asks for no Referer and no cookies on every fetch, hover or not: the worker’s URL names the extension, in Firefox by a per-install id (fetch42)', async () => {
    const inits: RequestInit[] = [];
    const allow = { contains: async () => true, request: async () => false };
    for (const refuseRedirects of [false, true]) {
      const spy = createHostFetch({ permissions: allow, fetch: (u, init) => (inits.push(init!), fetch(u, init)), refuseRedirects });
      expect(await (await spy(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
    }
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init).toMatchObject({ referrerPolicy: 'no-referrer', credentials: 'omit' });
  });

  it('asks for the permission of the host it starts at', async () => {
    await expect(hostFetch(['localhost'])(at('127.0.0.1', '/doc'))).rejects.toBeInstanceOf(HostPermissionError);
  });

  it('refuses bodies over the cap, declared or streamed', async () => {
    await expect(hostFetch()(at('127.0.0.1', '/declared'))).rejects.toThrow(/answered more than 4 MB: not read/);
    await expect(hostFetch()(at('127.0.0.1', '/stream'))).rejects.toThrow(/answered more than 4 MB: not read/);
    // Content-Encoding: the cap counts the bytes the body decodes to, as they stream, not the bytes sent.
    expect(BOMB.length).toBeLessThan(1024 * 1024);
    await expect(hostFetch()(at('127.0.0.1', '/bomb'))).rejects.toThrow(/answered more than 4 MB: not read/);
    await expect(hostFetch(undefined, 10)(at('127.0.0.1', '/doc'))).rejects.toThrow(/more than 0 MB/);
    expect(await (await hostFetch(undefined, 11)(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
  });

  it.each([
    ['https://a.example/x', 'https://a.example/y', true],
    ['http://a.example/x', 'https://a.example/y', true],
    ['https://a.example/x', 'http://a.example/y', false],
    ['http://a.example:8080/x', 'https://a.example/y', false],
    ['https://a.example/x', 'https://b.a.example/y', false],
  ])('%s → %s is the same site: %s', (a, b, want) => expect(sameSite(new URL(a), new URL(b))).toBe(want));

  it('times out a server that never answers, and lets go of the timer once a fetch has ended', async () => {
    const allow = { contains: async () => true, request: async () => false };
    const hanging = createHostFetch({ permissions: allow, timeoutMs: 30, fetch: (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))) });
    await expect(hanging(at('127.0.0.1', '/doc'))).rejects.toMatchObject({ name: 'TimeoutError' });
    let used: AbortSignal | undefined;
    // Answered at once (no socket: on a loaded machine a real one could take longer than the 30 ms itself).
    const quick = createHostFetch({ permissions: allow, timeoutMs: 30, fetch: async (_u, init) => ((used = init!.signal!), Response.json({ ok: true })) });
    expect(await (await quick(at('127.0.0.1', '/doc'))).json()).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 80));
    // AbortSignal.timeout would have fired here (and kept the signal alive until then).
    expect(used?.aborted).toBe(false);
  });
});

describe('a browser\'s bare network error ("Failed to fetch")', () => {
  const opaque = () => Object.defineProperties(new Response(null, { status: 200 }), { type: { value: 'opaqueredirect' }, status: { value: 0 } });
  /** A counting fake of a browser's fetch, offline or behind a redirect to a host that is down: every followed fetch fails bare. */
  const counting = () => {
    const asked: (RequestRedirect | undefined)[] = [];
    const hostFetch = createHostFetch({
      permissions: { contains: async () => true, request: async () => false },
      fetch: async (_u, init) => {
        asked.push(init?.redirect);
        return init?.redirect === 'manual' ? opaque() : Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    return { asked, hostFetch };
  };
  const thrown = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

  it('fails after exactly one request, an outage: a redirect seen only as opaque could not be told from one, so it is not asked again', async () => {
    const { asked, hostFetch } = counting();
    const e = await thrown(hostFetch('https://issuer.example/profile', { headers: { accept: 'application/json' } }));
    expect(e).toBeInstanceOf(TypeError);
    expect(isUnreachable(e)).toBe(true);
    expect(asked).toEqual(['follow']);
  });
});
