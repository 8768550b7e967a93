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
import type { Get } from '../../src/cli/pinned-get.ts';

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
  /** One GET per hop, by URL: nothing leaves the test. */
  const fake = (answers: Record<string, Response | (() => Response)>): Get => async (u) => {
    const url = u.href;
    calls.push(url);
    const a = answers[url];
    if (!a) throw new TypeError(`unexpected ${url}`);
    return typeof a === 'function' ? a() : a;
  };
  const signal = new AbortController().signal;
  const redirect = (to: string, status = 302) => new Response(null, { status, headers: { location: to } });

  it('reaches an origin the user gave, and the same host upgraded to https, but not its other ports', async () => {
    calls.length = 0;
    const ok = () => Response.json({});
    const f = networkFetch({ allowOrigins: ['http://badges.corp'], lookup: async () => ['10.1.2.3'], get: fake({ 'http://badges.corp/a': ok, 'https://badges.corp/i': ok }) });
    expect((await f('http://badges.corp/a', { signal })).status).toBe(200);
    expect((await f('https://badges.corp/i', { signal })).status).toBe(200);
    await expect(f('http://badges.corp:8080/admin', { signal })).rejects.toThrow('badges.corp:8080 is on a local or private network');
    expect(calls).toEqual(['http://badges.corp/a', 'https://badges.corp/i']);
  });

  it('gives up a name lookup that hangs when the fetch\'s time is up', async () => {
    const f = networkFetch({ allowOrigins: [], lookup: () => new Promise<string[]>(() => undefined), get: fake({}) });
    const late = new AbortController();
    setTimeout(() => late.abort(new DOMException('no complete answer within 5 s', 'TimeoutError')), 50);
    await expect(f('https://slow-dns.example/a', { signal: late.signal })).rejects.toThrow('no complete answer within 5 s');
  });

  it('refuses a name that resolves to a private address, before any request', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14', '10.0.0.7'], get: fake({}) });
    await expect(f('https://rebound.example/issuer.json', { signal })).rejects.toThrow('rebound.example is on a local or private network');
    expect(calls).toEqual([]);
  });

  it('refuses a public server\'s redirect to the cloud metadata address, asking only the first', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], get: fake({ 'https://issuer.example/key': redirect('http://169.254.169.254/latest/meta-data/') }) });
    await expect(f('https://issuer.example/key', { signal })).rejects.toThrow('169.254.169.254 is on a local or private network');
    expect(calls).toEqual(['https://issuer.example/key']);
  });

  it('follows a public redirect and keeps where it ended, for the same-site rule; stops after MAX_REDIRECTS', async () => {
    calls.length = 0;
    const f = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], get: fake({ 'http://issuer.example/b': redirect('https://issuer.example/b', 301), 'https://issuer.example/b': () => Response.json({ ok: 1 }) }) });
    const res = await f('http://issuer.example/b', { signal });
    expect([res.status, res.url, res.redirected]).toEqual([200, 'https://issuer.example/b', true]);
    const loop = networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], get: fake({ 'https://issuer.example/loop': () => redirect('/loop') }) });
    calls.length = 0;
    await expect(loop('https://issuer.example/loop', { signal })).rejects.toThrow(`more than ${MAX_REDIRECTS} redirects`);
    expect(calls).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('hands each request exactly the addresses it checked, asking the resolver once per hop', async () => {
    const handed: [string, readonly string[]][] = [];
    const asked: string[] = [];
    const lookup = async (host: string) => (asked.push(host), host === 'issuer.example' ? ['93.184.215.14', '2606:4700::1111'] : ['198.41.0.4']);
    const get: Get = async (u, init) => (handed.push([u.href, init.addresses]), u.host === 'issuer.example' ? redirect('https://keys.example/k') : Response.json({}));
    expect((await networkFetch({ allowOrigins: [], lookup, get })('https://issuer.example/a', { signal })).url).toBe('https://keys.example/k');
    expect(handed).toEqual([['https://issuer.example/a', ['93.184.215.14', '2606:4700::1111']], ['https://keys.example/k', ['198.41.0.4']]]);
    expect(asked).toEqual(['issuer.example', 'keys.example']);
  });

  it.each([
    ['http://[::1]:8080/k', '[::1]:8080'],
    ['http://[::ffff:127.0.0.1]/k', '[::ffff:7f00:1]'],
    ['http://[::ffff:7f00:1]/k', '[::ffff:7f00:1]'],
    ['http://[fc00::1]/k', '[fc00::1]'],
    ['http://[fd12:3456::1]/k', '[fd12:3456::1]'],
    ['http://[fe80::1]/k', '[fe80::1]'],
    ['http://[febf:ffff::1]/k', '[febf:ffff::1]'],
  ])('refuses the IPv6 address %s before any request', async (url, host) => {
    calls.length = 0;
    await expect(networkFetch({ allowOrigins: [], lookup: async () => ['93.184.215.14'], get: fake({}) })(url, { signal })).rejects.toThrow(`${host} is on a local or private network`);
    expect(calls).toEqual([]);
  });

  it.each([[['::1']], [['::ffff:127.0.0.1']], [['fc00::7']], [['fdff::1']], [['fe80::1']], [['fe80::1%eth0']], [['2606:4700::1111', 'fe80::1']], [['93.184.215.14', '127.0.0.1']], [['2606:4700::1111', '::ffff:10.0.0.1']]])(
    'refuses a name resolving to %j (one private address among several is enough)',
    async (addresses) => {
      calls.length = 0;
      await expect(networkFetch({ allowOrigins: [], lookup: async () => addresses, get: fake({}) })('https://mixed.example/k', { signal })).rejects.toThrow('mixed.example is on a local or private network');
      expect(calls).toEqual([]);
    },
  );

  it('does not fetch a name that cannot be looked up, nor one that resolves to nothing (a second lookup could answer otherwise)', async () => {
    calls.length = 0;
    const dnsError = Object.assign(new Error('getaddrinfo EAI_AGAIN flaky.example'), { code: 'EAI_AGAIN' });
    await expect(networkFetch({ allowOrigins: [], lookup: () => Promise.reject(dnsError), get: fake({}) })('https://flaky.example/k', { signal })).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'EAI_AGAIN' } });
    await expect(networkFetch({ allowOrigins: [], lookup: async () => [], get: fake({}) })('https://empty.example/k', { signal })).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ENOTFOUND' } });
    expect(calls).toEqual([]);
  });

  it('refuses what Node\'s fetch refused, first URL or redirect: other schemes (file:, data:), a user name or password, the Fetch standard\'s bad ports', async () => {
    calls.length = 0;
    const targets = ['file:///etc/passwd', 'data:application/json,{"id":1}', 'ftp://files.example/k', 'https://user:pw@issuer.example/k', 'http://issuer.example:25/k', 'https://issuer.example:6000/k'];
    const reasons = ['file: URLs are not fetched', 'data: URLs are not fetched', 'ftp: URLs are not fetched', 'a URL with a user name or password is not fetched', 'port 25 is not fetched', 'port 6000 is not fetched'];
    const answers = Object.fromEntries(targets.map((t, i) => [`https://hop.example/${i}`, () => redirect(t)]));
    for (const [i, t] of targets.entries()) {
      const f = networkFetch({ allowOrigins: ['https://issuer.example', 'http://issuer.example:25'], lookup: async () => ['93.184.215.14'], get: fake(answers) });
      await expect(f(t, { signal })).rejects.toThrow(reasons[i]);
      await expect(f(`https://hop.example/${i}`, { signal })).rejects.toThrow(reasons[i]);
    }
    expect(calls).toEqual(targets.map((_, i) => `https://hop.example/${i}`));
  });
});
