/**
 * What the command line reaches on the network (src/cli/network-fetch.ts): never a host on a local or
 * private network that a badge names (a hostile badge made `lanyard badge.json` GET the verifying
 * machine's own services, and --json printed their JSON answers), nor one a public server redirects
 * to; always the sites of the URLs the user gave. Servers on 127.0.0.1 count what they are asked.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { MAX_REDIRECTS, networkFetch } from '../../src/cli/network-fetch.ts';

const NOW = ['--now', '2026-11-26T00:00:00Z'];
const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-net-'));

/** A server that answers `routes` and counts every request. */
async function serve(routes: (base: string) => Record<string, { status?: number; headers?: Record<string, string>; body?: unknown }>): Promise<{ base: string; asked: string[]; server: Server }> {
  const asked: string[] = [];
  let table: ReturnType<typeof routes> = {};
  const server = createServer((req, res) => {
    asked.push(req.url!);
    const r = table[req.url!];
    if (!r) return res.writeHead(404).end();
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers }).end(r.body === undefined ? '' : JSON.stringify(r.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(base);
  return { base, asked, server };
}

/** An OB 2.0 hosted badge whose documents are all on `base`. */
const hosted = (base: string) => ({
  '/a.json': { body: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${base}/a.json`, recipient: { type: 'email', hashed: false, identity: 'me@example.org' }, issuedOn: '2016-12-31T23:59:59Z', badge: `${base}/class.json`, verification: { type: 'hosted' } } },
  '/class.json': { body: { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${base}/class.json`, name: 'Internal secret', description: 'd', image: `${base}/i.png`, criteria: { narrative: 'n' }, issuer: `${base}/issuer.json` } },
  '/issuer.json': { body: { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${base}/issuer.json`, name: 'Local issuer', url: `${base}/`, email: 'i@example.org' } },
});

async function run(argv: string[]): Promise<{ code: number; lines: Record<string, any>[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, lines: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)), stderr };
}
const check = (line: Record<string, any>, id: string) => line.checks.find((c: { id: string }) => c.id === id);

let local: Awaited<ReturnType<typeof serve>>;
let other: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  local = await serve(hosted);
  other = await serve((base) => ({ ...hosted(base), '/to-local': { status: 302, headers: { location: `${local.base}/a.json` } } }));
});
afterAll(async () => {
  for (const s of [local, other]) await new Promise<void>((r) => (s.server.closeAllConnections(), s.server.close(() => r())));
});

describe('lanyard on the network', () => {
  it('does not fetch a local or private host a badge file names: the check is indeterminate and says why', async () => {
    const file = path.join(dir, 'names-local.json');
    writeFileSync(file, JSON.stringify(hosted(local.base)['/a.json'].body));
    local.asked.length = 0;
    const r = await run([file, '--json', ...NOW, '--recipient', 'me@example.org']);
    expect(local.asked).toEqual([]);
    expect(r.lines[0]!.verdict).toBe('indeterminate');
    expect(check(r.lines[0]!, 'hosted')).toMatchObject({ outcome: 'indeterminate', message: expect.stringContaining(`${new URL(local.base).host} is on a local or private network`) });
    expect(JSON.stringify(r.lines[0])).not.toContain('Internal secret');
    expect(r.code).toBe(1);
  });

  it('fetches the site of a URL the user gave, even on the loopback, and verifies it', async () => {
    local.asked.length = 0;
    const r = await run([`${local.base}/a.json`, '--json', ...NOW, '--recipient', 'me@example.org']);
    expect(local.asked).toEqual(expect.arrayContaining(['/a.json', '/class.json', '/issuer.json']));
    expect(r.lines[0]).toMatchObject({ verdict: 'valid', badge: { name: 'Internal secret' } });
    expect(r.code).toBe(0);
  });

  it('does not follow a redirect from the site given to another local site', async () => {
    local.asked.length = 0;
    const r = await run([`${other.base}/to-local`, '--json', ...NOW]);
    expect(local.asked).toEqual([]);
    expect(check(r.lines[0]!, 'hosted')).toMatchObject({ outcome: 'indeterminate', message: expect.stringContaining('is on a local or private network') });
  });
});

describe('networkFetch', () => {
  const calls: string[] = [];
  const fake = (answers: Record<string, Response | (() => Response)>) => (async (u: string | URL | Request) => {
    const url = String(u);
    calls.push(url);
    const a = answers[url];
    if (!a) throw new TypeError(`unexpected ${url}`);
    return typeof a === 'function' ? a() : a;
  }) as typeof globalThis.fetch;
  const signal = new AbortController().signal;
  const redirect = (to: string, status = 302) => new Response(null, { status, headers: { location: to } });

  it('reaches an origin the user gave, and the same host upgraded to https, but not its other ports', async () => {
    calls.length = 0;
    const ok = () => Response.json({});
    const f = networkFetch({ allowOrigins: ['http://badges.corp'], lookup: async () => ['10.1.2.3'], fetch: fake({ 'http://badges.corp/a': ok, 'https://badges.corp/i': ok }) });
    expect((await f('http://badges.corp/a', { signal })).status).toBe(200);
    expect((await f('https://badges.corp/i', { signal })).status).toBe(200);
    await expect(f('http://badges.corp:8080/admin', { signal })).rejects.toThrow('badges.corp:8080 is on a local or private network');
    expect(calls).toEqual(['http://badges.corp/a', 'https://badges.corp/i']);
  });

  it('gives up a name lookup that hangs when the fetch\'s time is up', async () => {
    const f = networkFetch({ allowOrigins: [], lookup: () => new Promise<string[]>(() => undefined), fetch: fake({}) });
    const late = new AbortController();
    setTimeout(() => late.abort(new DOMException('no complete answer within 5 s', 'TimeoutError')), 50);
    await expect(f('https://slow-dns.example/a', { signal: late.signal })).rejects.toThrow('no complete answer within 5 s');
  });

  it('refuses a name that resolves to a private address, before any request', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14', '10.0.0.7'], fetch: fake({}) });
    await expect(f('https://rebound.example/issuer.json', { signal })).rejects.toThrow('rebound.example is on a local or private network');
    expect(calls).toEqual([]);
  });

  it('refuses a public server\'s redirect to the cloud metadata address, asking only the first', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], fetch: fake({ 'https://issuer.example/key': redirect('http://169.254.169.254/latest/meta-data/') }) });
    await expect(f('https://issuer.example/key', { signal })).rejects.toThrow('169.254.169.254 is on a local or private network');
    expect(calls).toEqual(['https://issuer.example/key']);
  });

  it('follows a public redirect and keeps where it ended, for the same-site rule; stops after MAX_REDIRECTS', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], fetch: fake({ 'http://issuer.example/b': redirect('https://issuer.example/b', 301), 'https://issuer.example/b': () => Response.json({ ok: 1 }) }) });
    const res = await f('http://issuer.example/b', { signal });
    expect([res.status, res.url, res.redirected]).toEqual([200, 'https://issuer.example/b', true]);
    const loop = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], fetch: fake({ 'https://issuer.example/loop': () => redirect('/loop') }) });
    calls.length = 0;
    await expect(loop('https://issuer.example/loop', { signal })).rejects.toThrow(`more than ${MAX_REDIRECTS} redirects`);
    expect(calls).toHaveLength(MAX_REDIRECTS + 1);
  });
});
