/** The CLI's `--map PREFIX=DIR` fetch: files under DIR only, by name and by real path. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapFetch } from '../../src/cli/map-fetch.ts';

let base: string;
let dir: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'lanyard-map-'));
  dir = path.join(base, 'hosts');
  mkdirSync(path.join(dir, 'issuers'), { recursive: true });
  writeFileSync(path.join(dir, 'issuers', 'one.json'), '{"id":"https://issuer.example/issuers/one"}');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the mapped directory');
  symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'leak'));
  // A link to another file inside the directory is fine.
  symlinkSync(path.join(dir, 'issuers', 'one.json'), path.join(dir, 'alias.json'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const fetchIn = () => createMapFetch([{ prefix: 'https://issuer.example/', dir }], { offline: true, timeoutMs: 1000 });

describe('createMapFetch', () => {
  it('serves a mapped file, as is or with .json, with its type; query and fragment ignored', async () => {
    const f = fetchIn();
    const r = await f('https://issuer.example/issuers/one?x=1#key-1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual({ id: 'https://issuer.example/issuers/one' });
    expect((await f('https://issuer.example/alias')).status).toBe(200);
  });

  it('answers 404 for a path that climbs out, a link that points out, or a malformed escape', async () => {
    const f = fetchIn();
    expect((await f('https://issuer.example/../secret.txt')).status).toBe(404);
    expect((await f('https://issuer.example/%2e%2e/secret.txt')).status).toBe(404);
    expect((await f('https://issuer.example/leak')).status).toBe(404);
    expect((await f('https://issuer.example/%E0%A4%A')).status).toBe(404);
    expect((await f('https://issuer.example/')).status).toBe(404);
  });

  it('maps a prefix without a trailing slash (it answered 404 for everything), for that host only, not a longer host name or another port', async () => {
    const f = createMapFetch([{ prefix: 'https://issuer.example', dir }], { offline: true, timeoutMs: 1000 });
    expect((await f('https://issuer.example/issuers/one')).status).toBe(200);
    await expect(f('https://issuer.example.evil.test/issuers/one')).rejects.toThrow(/offline/);
    await expect(f('https://issuer.example:8443/issuers/one')).rejects.toThrow(/offline/);
    expect((await f('https://issuer.example/../secret.txt')).status).toBe(404);
    expect((await f('https://issuer.example//etc/passwd')).status).toBe(404);
  });

  it('compares URLs as URLs: a host in capitals or a default port named is still under the prefix (they went past the map, offline they failed)', async () => {
    const f = createMapFetch([{ prefix: 'https://issuer.example/', dir }, { prefix: 'HTTP://Other.Example:80/keys/', dir }], { offline: true, timeoutMs: 1000 });
    expect((await f('https://ISSUER.example/issuers/one')).status).toBe(200);
    expect((await f('https://issuer.example:443/issuers/one#key-1')).status).toBe(200);
    expect((await f('http://other.example/keys/issuers/one')).status).toBe(200);
    await expect(f('https://issuer.example:8443/issuers/one')).rejects.toThrow(/offline/);
    await expect(f('http://other.example/keysmith/x')).rejects.toThrow(/offline/);
  });

  it('online, reads no local file through a URL that is not mapped: file: and data: URLs are refused, no request made', async () => {
    const asked: string[] = [];
    const f = createMapFetch([{ prefix: 'https://issuer.example/', dir }], { offline: false, timeoutMs: 1000, lookup: async () => ['93.184.215.14'], get: async (u) => (asked.push(u.href), new Response('{}')) });
    await expect(f(`file://${path.join(dir, 'issuers', 'one.json')}`)).rejects.toThrow('file: URLs are not fetched');
    await expect(f('data:application/json,{"id":"https://issuer.example/issuers/one"}')).rejects.toThrow('data: URLs are not fetched');
    expect(asked).toEqual([]);
  });

  it('is unreachable offline for anything not mapped', async () => {
    await expect(fetchIn()('https://elsewhere.example/x')).rejects.toThrow(/offline/);
  });
});
