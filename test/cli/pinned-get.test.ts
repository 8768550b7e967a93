/**
 * The command line's connections go to the addresses its check judged, never to a second answer of
 * the DNS (src/cli/pinned-get.ts, src/cli/network-fetch.ts). Everything here stays on 127.0.0.1:
 * where the check needs a public address, the connection layer is Node's http.Agent with its
 * createConnection standing in for net.connect, resolving through the `lookup` it is handed as
 * net.connect does, and reaching 127.0.0.1 only when that lookup answers it.
 */
import { readFileSync } from 'node:fs';
import http, { createServer, type Server } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFetch, type Lookup } from '../../src/cli/network-fetch.ts';
import { pinnedGet, pinnedLookup, type Get } from '../../src/cli/pinned-get.ts';

const TLS_DIR = new URL('../fixtures/tls/', import.meta.url);
const cert = readFileSync(new URL('pinned.example.crt', TLS_DIR));
const key = readFileSync(new URL('pinned.example.key', TLS_DIR));

interface Seen {
  url: string;
  host: string;
  accept: string;
  servername?: string | false | null;
}
let seen: Seen[] = [];
const handler: http.RequestListener = (req, res) => {
  seen.push({ url: req.url!, host: req.headers.host!, accept: req.headers.accept ?? '', servername: (req.socket as TLSSocket).servername });
  if (req.url === '/gzip') return res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
  if (req.url === '/empty') return res.writeHead(204).end();
  if (req.url === '/silent') return; // never answers
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":"local"}');
};
let plain: Server;
let tls: https.Server;
let port: number;
let tlsPort: number;

beforeAll(async () => {
  plain = createServer(handler);
  tls = https.createServer({ cert, key }, handler);
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  port = (plain.address() as AddressInfo).port;
  tlsPort = (tls.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const s of [plain, tls]) await new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
});

const signal = () => AbortSignal.timeout(4000);

/** A resolver that answers each name `answers[0]` the first time, `answers[1]` after (a rebinding DNS server), counting calls. */
function rebinding(...answers: string[][]): Lookup & { calls: number } {
  const f = Object.assign(async () => answers[Math.min(f.calls++, answers.length - 1)]!, { calls: 0 });
  return f;
}

/**
 * An agent whose sockets connect where the request's `lookup` says, as net.connect does, but only to
 * 127.0.0.1: any other answer fails as an unreachable network would, and nothing leaves the machine.
 */
class LoopbackOnlyAgent extends http.Agent {
  handed: string[][] = [];
  override createConnection(options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    const done = callback!;
    (options.lookup as LookupFunction)(options.host!, { all: true }, (err, list) => {
      const addresses = Array.isArray(list) ? list.map((a) => a.address) : [list];
      this.handed.push(addresses);
      if (err) return done(err, null!);
      if (addresses.includes('127.0.0.1')) return done(null, net.connect({ host: '127.0.0.1', port: Number(options.port) }));
      done(Object.assign(new Error(`connect ENETUNREACH ${addresses.join(', ')}`), { code: 'ENETUNREACH' }), null!);
    });
    return undefined;
  }
}

describe('pinned connections', () => {
  it('connects to the address the lookup answered, with the host name in Host (a name no DNS server knows reaches 127.0.0.1)', async () => {
    seen = [];
    const f = networkFetch({ allowOrigins: [`http://pinned.example:${port}`], lookup: async () => ['127.0.0.1'] });
    const res = await f(`http://pinned.example:${port}/a.json?x=1#frag`, { headers: { accept: 'application/ld+json' }, signal: signal() });
    expect(await res.json()).toEqual({ secret: 'local' });
    expect([res.status, res.url, res.redirected, res.headers.get('content-type')]).toEqual([200, `http://pinned.example:${port}/a.json?x=1#frag`, false, 'application/json']);
    expect(seen).toEqual([{ url: '/a.json?x=1', host: `pinned.example:${port}`, accept: 'application/ld+json', servername: undefined }]);
  });

  it('never connects to a second DNS answer: public to the check, 127.0.0.1 to the connection reaches nothing local', async () => {
    seen = [];
    const lookup = rebinding(['93.184.215.14'], ['127.0.0.1']);
    const agent = new LoopbackOnlyAgent();
    const get: Get = (u, init) => pinnedGet(u, { ...init, agent });
    const f = networkFetch({ allowOrigins: [], lookup, get });
    const err = await f(`http://rebind.example:${port}/a.json`, { signal: signal() }).catch((e: Error & { cause?: { code?: string } }) => e);
    expect(err).toMatchObject({ message: 'fetch failed', cause: { code: 'ENETUNREACH' } });
    expect(agent.handed).toEqual([['93.184.215.14']]);
    expect(lookup.calls).toBe(1);
    expect(seen).toEqual([]);
  });

  it('(the same test catches a fetch that looks the name up again to connect, as Node\'s fetch did)', async () => {
    seen = [];
    const lookup = rebinding(['93.184.215.14'], ['127.0.0.1']);
    const agent = new LoopbackOnlyAgent();
    const again: Get = async (u, init) => pinnedGet(u, { ...init, addresses: await lookup(u.hostname), agent });
    const res = await networkFetch({ allowOrigins: [], lookup, get: again })(`http://rebind.example:${port}/a.json`, { signal: signal() });
    expect(await res.json()).toEqual({ secret: 'local' });
    expect(seen.map((s) => s.url)).toEqual(['/a.json']);
  });

  it('checks the certificate against the host name, not the address connected to (SNI is the name)', async () => {
    seen = [];
    const agent = new https.Agent({ ca: cert });
    const get: Get = (u, init) => pinnedGet(u, { ...init, agent });
    const lookup = async () => ['127.0.0.1'];
    const good = networkFetch({ allowOrigins: [`https://pinned.example:${tlsPort}`], lookup, get });
    expect(await (await good(`https://pinned.example:${tlsPort}/a.json`, { signal: signal() })).json()).toEqual({ secret: 'local' });
    expect(seen).toEqual([{ url: '/a.json', host: `pinned.example:${tlsPort}`, accept: '', servername: 'pinned.example' }]);
    const other = networkFetch({ allowOrigins: [`https://other.example:${tlsPort}`], lookup, get });
    await expect(other(`https://other.example:${tlsPort}/a.json`, { signal: signal() })).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } });
    // The system's trust store: the test's certificate is trusted by nothing.
    const system = networkFetch({ allowOrigins: [`https://pinned.example:${tlsPort}`], lookup });
    await expect(system(`https://pinned.example:${tlsPort}/a.json`, { signal: signal() })).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
  });

  it('answers as fetch did: a gzip body decoded, a 204 without a body', async () => {
    const f = networkFetch({ allowOrigins: [`http://127.0.0.1:${port}`] });
    expect(await (await f(`http://127.0.0.1:${port}/gzip`, { signal: signal() })).json()).toEqual({ zipped: true });
    const empty = await f(`http://127.0.0.1:${port}/empty`, { signal: signal() });
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it('gives up with the signal\'s reason, before the answer or during its body', async () => {
    const f = networkFetch({ allowOrigins: [`http://127.0.0.1:${port}`] });
    const late = new AbortController();
    setTimeout(() => late.abort(new DOMException('no complete answer within 5 s', 'TimeoutError')), 100);
    await expect(f(`http://127.0.0.1:${port}/silent`, { signal: late.signal })).rejects.toMatchObject({ name: 'TimeoutError', message: 'no complete answer within 5 s' });
    const mid = new AbortController();
    const res = await f(`http://127.0.0.1:${port}/a.json`, { signal: mid.signal });
    mid.abort(new DOMException('no complete answer within 5 s', 'TimeoutError'));
    await expect(res.text()).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('pinnedLookup', () => {
  const ask = (lookup: LookupFunction, options: Parameters<LookupFunction>[1]) =>
    new Promise<unknown>((resolve) => lookup('any.example', options, (err, address, family) => resolve(err ? { code: (err as NodeJS.ErrnoException).code } : { address, family })));

  it('answers only the addresses given, in both of net\'s forms, by family when asked, and never a blank one', async () => {
    const l = pinnedLookup(['93.184.215.14', '2606:4700::1111']);
    expect(await ask(l, { all: true })).toEqual({ address: [{ address: '93.184.215.14', family: 4 }, { address: '2606:4700::1111', family: 6 }], family: undefined });
    expect(await ask(l, {})).toEqual({ address: '93.184.215.14', family: 4 });
    expect(await ask(l, { family: 6 })).toEqual({ address: '2606:4700::1111', family: 6 });
    expect(await ask(pinnedLookup(['93.184.215.14']), { family: 6 })).toEqual({ code: 'ENOTFOUND' });
    expect(await ask(pinnedLookup([]), { all: true })).toEqual({ code: 'ENOTFOUND' });
  });
});
