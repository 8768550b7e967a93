/** A sync run's shared documents and its bounded concurrency (run-documents.ts, sync-limits.ts eachConcurrently). */
import { describe, expect, it } from 'vitest';
import { createRunDocuments } from '../../src/background/services/run-documents.ts';
import { eachConcurrently } from '../../src/background/services/sync-limits.ts';
import { JSON_ACCEPT } from '../../src/core/verify/context.ts';

function server(status = (_n: number) => 200) {
  const calls: string[] = [];
  const inner = async (url: string) => {
    calls.push(url);
    await new Promise((r) => setTimeout(r, 5));
    return new Response(JSON.stringify({ url, n: calls.length }), { status: status(calls.length), headers: { 'content-type': 'application/json' } });
  };
  return { calls, inner };
}
const json = { headers: { accept: JSON_ACCEPT } };

describe('run documents', () => {
  it('fetches a JSON document once per run, concurrent requests included, each caller with its own body', async () => {
    const s = server();
    const f = createRunDocuments().wrap(s.inner);
    const bodies = await Promise.all([1, 2, 3].map(async () => (await f('https://i.example/issuer', json)).json()));
    expect(await (await f('https://i.example/issuer', json)).json()).toEqual({ url: 'https://i.example/issuer', n: 1 });
    expect(bodies).toEqual([1, 2, 3].map(() => ({ url: 'https://i.example/issuer', n: 1 })));
    expect(s.calls).toEqual(['https://i.example/issuer']);
  });

  it("hands each caller a Response of its own with the first one's status, headers, url and redirected", async () => {
    let calls = 0;
    const inner = async (url: string) => {
      calls++;
      const res = new Response(JSON.stringify({ url }), { status: 200, statusText: 'OK', headers: { 'content-type': 'application/ld+json', etag: '"1"' } });
      Object.defineProperties(res, { url: { value: `${url}/moved` }, redirected: { value: true } });
      return res;
    };
    const f = createRunDocuments().wrap(inner);
    const a = await f('https://i.example/issuer', json);
    const bytes = new Uint8Array(await a.arrayBuffer());
    bytes.fill(0); // a caller that scribbles over its copy changes no one else's
    for (const r of [await f('https://i.example/issuer', json), await f('https://i.example/issuer', json)]) {
      expect([r.status, r.statusText, r.headers.get('content-type'), r.headers.get('etag'), r.url, r.redirected]).toEqual([200, 'OK', 'application/ld+json', '"1"', 'https://i.example/issuer/moved', true]);
      expect(await r.json()).toEqual({ url: 'https://i.example/issuer' });
    }
    expect(calls).toBe(1);
  });

  it('shares nothing across runs, after MAX_AGE, for failures, or for non-JSON requests (images)', async () => {
    let now = 0;
    const s = server((n) => (n === 1 ? 500 : 200));
    const run = createRunDocuments(() => now);
    const f = run.wrap(s.inner);
    expect((await f('https://i.example/list', json)).status).toBe(500);
    expect((await f('https://i.example/list', json)).status).toBe(200);
    expect((await f('https://i.example/list', json)).status).toBe(200);
    expect(s.calls).toHaveLength(2);
    now += 61_000;
    await f('https://i.example/list', json);
    expect(s.calls).toHaveLength(3);
    await createRunDocuments(() => now).wrap(s.inner)('https://i.example/list', json);
    expect(s.calls).toHaveLength(4);
    await f('https://i.example/image.png', { headers: { accept: 'image/png' } });
    await f('https://i.example/image.png', { headers: { accept: 'image/png' } });
    expect(s.calls).toHaveLength(6);
  });
});

describe('eachConcurrently', () => {
  it('runs every item, at most `width` at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachConcurrently([...Array(20).keys()], 6, async (i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 1 + (i % 3)));
      seen.push(i);
      running--;
    });
    expect(most).toBe(6);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('after a failure starts no new item, waits for the running ones, then throws the first failure', async () => {
    const ended: number[] = [];
    let running = 0;
    const p = eachConcurrently([...Array(20).keys()], 3, async (i) => {
      running++;
      await new Promise((r) => setTimeout(r, i === 1 ? 1 : 20));
      running--;
      if (i === 1) throw new Error('boom');
      ended.push(i);
    });
    await expect(p).rejects.toThrow('boom');
    expect(running).toBe(0);
    expect(ended.sort()).toEqual([0, 2]);
  });
});
