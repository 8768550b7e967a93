/**
 * A paged Badgr listing as a whole has an end, as one answer has (http.ts MAX_ANSWER_BYTES): each page
 * was read up to 32 MB, but the pages were gathered into one list before any badge was handled, up to
 * MAX_BADGR_PAGES (500) of them, so a backpack paging on (hostile, or one whose listing grows as it is
 * read) had the worker hold 500 × 32 MB, and the sync then handle every entry in one run (sync-bound.ts
 * bounds a run's next links, which a Badgr listing does not give it). The listing stops at
 * MAX_BADGR_LIST_BYTES and MAX_BADGR_ENTRIES, keeping what it read (PartialListError), as at a refused
 * next page.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { MAX_BADGR_ENTRIES, MAX_BADGR_LIST_BYTES } from '../../src/backpack/badgr-request.ts';
import { BackpackErrorCodes as C, PartialListError } from '../../src/backpack/errors.ts';
import { BADGR_BASE, badgrAssertion } from './badgr-assertion.ts';

const BASE = BADGR_BASE;
const assertion = badgrAssertion;

/** A Badgr whose page n holds `perPage` assertions (each padded by `pad`) and links to page n+1, up to `last`. */
function pagingBadgr(perPage: number, last: number, pad = '') {
  let requests = 0;
  const fetch = async (url: string): Promise<Response> => {
    requests += 1;
    const n = Number(new URL(url).searchParams.get('page') ?? '1');
    const result = Array.from({ length: perPage }, (_, i) => assertion(`p${n}-${i}`, pad));
    const more = n < last;
    const body = { status: { success: true, description: 'ok' }, result, pagination: { hasNext: more, nextResults: more ? `${BASE}/v2/backpack/assertions?page=${n + 1}` : null } };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { client: new BadgrClient({ fetch, apiBase: BASE }), requests: () => requests };
}

describe('a paged Badgr listing is bounded as a whole', () => {
  it('stops past MAX_BADGR_ENTRIES entries, keeping those read, and asks for no page after', async () => {
    const perPage = 100;
    const { client, requests } = pagingBadgr(perPage, 1000);
    const e = await client.assertions('tok').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PartialListError);
    const p = e as PartialListError;
    expect(p.code).toBe(C.PROTOCOL);
    expect(p.message).toMatch(/more than 10000 badges/);
    expect(p.items).toHaveLength(MAX_BADGR_ENTRIES);
    expect(requests()).toBe(MAX_BADGR_ENTRIES / perPage);
  });

  it('stops past MAX_BADGR_LIST_BYTES of answers, though each page is within one answer\'s bound', async () => {
    const pad = 'x'.repeat(2 * 1024 * 1024);
    const { client, requests } = pagingBadgr(1, 40, pad);
    const e = await client.assertions('tok').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PartialListError);
    expect((e as PartialListError).message).toMatch(/more than 32768 KB/);
    const pages = Math.ceil(MAX_BADGR_LIST_BYTES / pad.length);
    expect(requests()).toBeLessThanOrEqual(pages);
    expect((e as PartialListError).items).toHaveLength(requests());
  });

  it('a listing within both bounds is read whole, as before', async () => {
    const { client, requests } = pagingBadgr(100, 5);
    expect(await client.assertions('tok')).toHaveLength(500);
    expect(requests()).toBe(5);
  });
});
