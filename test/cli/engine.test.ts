/** The CLI's engine: created once per run, its caches shared by every input, its verdicts unchanged by them. */
import { describe, expect, it } from 'vitest';
import { cachingFetch, createEngine, MAX_KEPT_DOCUMENT_BYTES, memoryFacts } from '../../src/cli/engine.ts';
import { assertion, BADGE, ISSUER, makeIssuer, NOW } from '../core/formats/ob2-fixtures.ts';

const hosted = (n: number) => assertion({ id: `https://issuer.test/assertions/${n}.json`, verification: { type: 'HostedBadge' } });

describe('the CLI engine', () => {
  it('fetches a document once for many inputs (the issuer and badge class of two badges), with the same verdicts', async () => {
    const { web } = await makeIssuer();
    const [a1, a2] = [await hosted(1), await hosted(2)];
    web.json(String(a1.id), a1).json(String(a2.id), a2);
    const engine = createEngine({ fetch: web.fetch, now: NOW, identities: [] });
    const r1 = await engine.verify(JSON.stringify(a1));
    const r2 = await engine.verify(JSON.stringify(a2));
    expect([r1.verdict, r2.verdict]).toEqual(['valid', 'valid']);
    expect(web.requested.filter((u) => u === ISSUER)).toHaveLength(1);
    expect(web.requested.filter((u) => u === BADGE)).toHaveLength(1);
    // The same input again: the same result.
    expect((await engine.verify(JSON.stringify(a1))).checks).toEqual(r1.checks);
  });

  it('does not keep failures or non-200 answers', async () => {
    let calls = 0;
    const f = cachingFetch(async (url) => {
      calls++;
      if (url.endsWith('/down')) throw new TypeError('unreachable');
      return new Response('{}', { status: url.endsWith('/404') ? 404 : 200, headers: { 'content-type': 'application/json' } });
    });
    for (let i = 0; i < 2; i++) {
      await expect(f('https://x.test/down')).rejects.toThrow('unreachable');
      expect((await f('https://x.test/404')).status).toBe(404);
      expect(await (await f('https://x.test/ok', { headers: { accept: 'application/json' } })).text()).toBe('{}');
    }
    expect(calls).toBe(5); // down twice, 404 twice, ok once
  });

  it('keeps at most its bound of facts, oldest out first', () => {
    const facts = memoryFacts(2);
    facts.set('a', true);
    facts.set('b', true);
    facts.set('c', true);
    expect([facts.get('a'), facts.get('b'), facts.get('c')]).toEqual([undefined, true, true]);
  });

  it('keeps no document over 1 MiB (as the extension keeps none: document-cache.ts), and at most its budget of bytes, oldest out first', async () => {
    // A folder of hostile badges each naming other 8 MiB documents held every one of them for the whole run.
    const calls: string[] = [];
    const f = cachingFetch(async (url) => {
      calls.push(url);
      const size = url.endsWith('/big') ? MAX_KEPT_DOCUMENT_BYTES + 1 : 400;
      return new Response(new Uint8Array(size), { status: 200, headers: { 'content-type': 'application/json' } });
    }, 1000);
    for (let i = 0; i < 2; i++) expect((await (await f('https://x.test/big')).arrayBuffer()).byteLength).toBe(MAX_KEPT_DOCUMENT_BYTES + 1);
    expect(calls.filter((u) => u.endsWith('/big'))).toHaveLength(2);
    for (const u of ['a', 'b', 'c', 'a', 'c']) expect((await (await f(`https://x.test/${u}`)).arrayBuffer()).byteLength).toBe(400);
    // a and b fit the 1,000 bytes; c pushed a out; then a pushed b out, and c stayed.
    expect(calls.filter((u) => !u.endsWith('/big'))).toEqual(['https://x.test/a', 'https://x.test/b', 'https://x.test/c', 'https://x.test/a']);
  });
});
