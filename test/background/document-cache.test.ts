/** HTTP caching of fetched documents (RFC 9111): fresh copies served, stale ones revalidated, no-store never kept. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCachingFetch, freshUntil, MAX_AGE_MS, MAX_DOCUMENTS } from '../../src/background/services/document-cache.ts';
import { JSON_ACCEPT } from '../../src/core/verify/context.ts';
import { openDb } from '../../src/platform/db.ts';

let n = 0;
async function setup(answer: (url: string, headers: Record<string, string>) => Response) {
  const db = await openDb({ name: `doc-cache-${n++}` });
  const calls: Record<string, string>[] = [];
  let now = 1_000_000;
  const inner = async (url: string, init?: { headers?: Record<string, string> }) => {
    calls.push(init?.headers ?? {});
    return answer(url, init?.headers ?? {});
  };
  return { f: createCachingFetch(inner, db.documents, () => now), calls, db, tick: (ms: number) => (now += ms) };
}
const json = (body: unknown, headers: Record<string, string>) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...headers } });
const get = (f: Awaited<ReturnType<typeof setup>>['f'], url = 'https://issuer.example/profile') => f(url, { headers: { accept: JSON_ACCEPT } });

describe('document cache', () => {
  it('serves a fresh copy without asking, then revalidates with the ETag', async () => {
    const t = await setup((_, h) => (h['if-none-match'] === '"v1"' ? new Response(null, { status: 304, headers: { 'cache-control': 'max-age=60' } }) : json({ v: 1 }, { 'cache-control': 'max-age=60', etag: '"v1"' })));
    expect(await (await get(t.f)).json()).toEqual({ v: 1 });
    expect(await (await get(t.f)).json()).toEqual({ v: 1 });
    expect(t.calls).toHaveLength(1);
    t.tick(61_000);
    expect(await (await get(t.f)).json()).toEqual({ v: 1 });
    expect(t.calls).toHaveLength(2);
    expect(t.calls[1]).toMatchObject({ 'if-none-match': '"v1"' });
  });

  it('never keeps no-store answers, errors, or answers to other requests (images)', async () => {
    const t = await setup((url) => (url.endsWith('/gone') ? new Response('', { status: 404 }) : json({ v: 2 }, { 'cache-control': 'no-store' })));
    await get(t.f);
    await get(t.f);
    await get(t.f, 'https://issuer.example/gone');
    await t.f('https://issuer.example/profile', { headers: { accept: 'image/png' } });
    expect(t.calls).toHaveLength(4);
    expect(await t.db.documents.all()).toEqual([]);
  });

  it('reads Cache-Control and Expires', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(freshUntil(h({ 'cache-control': 'public, max-age=10' }), 0)).toBe(10_000);
    expect(freshUntil(h({ 'cache-control': 'no-cache' }), 5)).toBe(5);
    expect(freshUntil(h({ 'cache-control': 'private, no-store' }), 0)).toBe('no-store');
    expect(freshUntil(h({ expires: 'Thu, 01 Jan 1970 00:01:00 GMT' }), 0)).toBe(60_000);
    expect(freshUntil(h({}), 7)).toBe(7);
  });

  it('never keeps a document that came from another origin after a redirect under the URL asked for', async () => {
    const t = await setup(() => {
      const r = json({ v: 'elsewhere' }, { 'cache-control': 'max-age=600' });
      Object.defineProperties(r, { redirected: { value: true }, url: { value: 'https://other.example/doc' } });
      return r;
    });
    await get(t.f);
    await get(t.f);
    expect(t.calls).toHaveLength(2);
    expect(await t.db.documents.all()).toEqual([]);
  });

  it('never hides a same-origin redirect: the answer keeps where it ended, and is not kept as the URL asked for', async () => {
    // fetch-once.ts finalUrl judges where a copy was served from (hosted-scope.ts landedInScope): an answer
    // rebuilt from the store, or this one rebuilt, would say it came from the URL asked for.
    const t = await setup(() => {
      const r = json({ v: 'uploads' }, { 'cache-control': 'max-age=600' });
      Object.defineProperties(r, { redirected: { value: true }, url: { value: 'https://issuer.example/uploads/doc' } });
      return r;
    });
    for (let i = 0; i < 2; i++) {
      const res = await get(t.f, 'https://issuer.example/badges/doc');
      expect(res.redirected).toBe(true);
      expect(res.url).toBe('https://issuer.example/uploads/doc');
    }
    expect(t.calls).toHaveLength(2);
    expect(await t.db.documents.all()).toEqual([]);
  });

  it('keeps at most MAX_DOCUMENTS, the newest, and none past MAX_AGE_MS however long they say they are fresh', async () => {
    const t = await setup(() => json({ v: 1 }, { 'cache-control': 'max-age=31536000' }));
    for (let i = 0; i < MAX_DOCUMENTS + 30; i++) {
      t.tick(1);
      await get(t.f, `https://issuer.example/doc/${i}`);
    }
    await get(t.f, 'https://issuer.example/doc/last');
    const kept = await t.db.documents.all();
    expect(kept.length).toBeLessThanOrEqual(MAX_DOCUMENTS + 20);
    expect(kept.map((d) => d.url)).not.toContain('https://issuer.example/doc/0');
    expect(Math.max(...kept.map((d) => d.freshUntil - d.storedAt))).toBeLessThanOrEqual(MAX_AGE_MS);
    const calls = t.calls.length;
    t.tick(MAX_AGE_MS);
    await get(t.f, 'https://issuer.example/doc/last');
    expect(t.calls.length).toBe(calls + 1);
  });
});
