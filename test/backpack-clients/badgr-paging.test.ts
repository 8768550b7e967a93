/**
 * BadgrClient over a Badgr that pages its backpack list (hosted servers may; the open-source one
 * and the test backpack answer one page): the envelope's `pagination.nextResults` and the
 * `Link: rel="next"` header are both followed, on the same origin only, never in a loop.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { BADGR_BASE, badgrAssertion } from './badgr-assertion.ts';

const BASE = BADGR_BASE;
const assertion = (id: string) => badgrAssertion(id);

interface PageSpec {
  ids: string[];
  pagination?: Record<string, unknown>;
  link?: string;
}

/** An in-memory Badgr: each URL answers its page; every request is recorded with its Authorization header. */
function fakeBadgr(pages: Record<string, PageSpec>) {
  const seen: { url: string; auth: string | null }[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    seen.push({ url, auth: new Headers(init?.headers).get('authorization') });
    const path = new URL(url).pathname + new URL(url).search;
    const key = Object.keys(pages).find((k) => path.startsWith(k));
    const page = key ? pages[key] : undefined;
    if (!page) return new Response('{"detail":"Not found."}', { status: 404 });
    const body = { status: { success: true, description: 'ok' }, result: page.ids.map(assertion), ...(page.pagination ? { pagination: page.pagination } : {}) };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...(page.link ? { link: page.link } : {}) } });
  };
  return { client: new BadgrClient({ fetch, apiBase: BASE }), seen };
}

const LIST = '/v2/backpack/assertions?';

describe('a paged Badgr backpack', () => {
  it('follows pagination.nextResults, then a Link rel="next", and keeps every badge in order', async () => {
    const { client, seen } = fakeBadgr({
      [LIST]: { ids: ['a1', 'a2'], pagination: { hasNext: true, nextResults: `${BASE}/v2/backpack/assertions/page2`, hasPrevious: false, previousResults: null } },
      '/v2/backpack/assertions/page2': { ids: ['a3'], link: '</v2/backpack/assertions/page3?cursor=x>; rel="next", </v2/backpack/assertions?>; rel="prev"' },
      '/v2/backpack/assertions/page3': { ids: ['a4'], pagination: { hasNext: false, nextResults: null } },
    });
    const list = await client.assertions('tok');
    expect(list.map((a) => a.entityId)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(['/v2/backpack/assertions', '/v2/backpack/assertions/page2', '/v2/backpack/assertions/page3']);
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
  });

  it('reads one page when the server does not page (the open-source Badgr)', async () => {
    const { client, seen } = fakeBadgr({ [LIST]: { ids: ['a1'] } });
    expect((await client.assertions('tok')).map((a) => a.entityId)).toEqual(['a1']);
    expect(seen).toHaveLength(1);
  });

  it('ignores nextResults when hasNext is false', async () => {
    const { client, seen } = fakeBadgr({ [LIST]: { ids: ['a1'], pagination: { hasNext: false, nextResults: `${BASE}/v2/backpack/assertions/page2` } } });
    expect(await client.assertions('tok')).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('refuses a next page on another site: the token is not sent there', async () => {
    const { client, seen } = fakeBadgr({ [LIST]: { ids: ['a1'], link: '<https://evil.example/steal>; rel="next"' } });
    const e = await client.assertions('tok').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackpackError);
    expect((e as BackpackError).code).toBe(C.PROTOCOL);
    expect((e as BackpackError).message).toMatch(/another site/);
    expect(seen.map((s) => new URL(s.url).host)).toEqual(['api.badgr.example']);
  });

  it('stops a server that sends the same page again', async () => {
    const { client, seen } = fakeBadgr({
      [LIST]: { ids: ['a1'], pagination: { hasNext: true, nextResults: `${BASE}/v2/backpack/assertions/loop` } },
      '/v2/backpack/assertions/loop': { ids: ['a2'], link: '</v2/backpack/assertions/loop>; rel="next"' },
    });
    await expect(client.assertions('tok')).rejects.toMatchObject({ code: C.PROTOCOL, message: expect.stringMatching(/same page twice/) });
    expect(seen).toHaveLength(2);
  });

  it('pages the collections the same way', async () => {
    const collection = (id: string) => ({ entityId: id, entityType: 'BackpackCollection', name: id, description: '', share_url: '', published: false, assertions: [] });
    const fetch = async (url: string): Promise<Response> => {
      const second = url.endsWith('?page=2');
      const body = { status: { success: true, description: 'ok' }, result: [collection(second ? 'c2' : 'c1')] };
      return new Response(JSON.stringify(body), { headers: second ? {} : { link: `<${BASE}/v2/backpack/collections?page=2>; rel=next` } });
    };
    const client = new BadgrClient({ fetch, apiBase: BASE });
    expect((await client.collections('tok')).map((c) => c.entityId)).toEqual(['c1', 'c2']);
  });
});
