/**
 * A saved page cursor the backpack no longer takes. A run cut short keeps its page's address (the
 * next link, or an offset cursor) and the next run resumes there; a backpack whose cursors expire
 * (Badgr's cursor pagination, an OB 3.0 server) answers that resumed page 400, 404 or 410, and the
 * account failed at that page on every run, never starting over. Now a resumed page so refused
 * starts the listing again from its first page, once a run: nothing lost, nothing marked no
 * longer listed from the partial run, and a page refused again fails the run with its cursor dropped.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const ASSERTIONS = '/v2/backpack/assertions';

/**
 * The backpack's Badgr listing as two pages of two, page 2 asked with `cursor=<token>`: a cursor
 * other than the current token (any, while `refuseAll`) is answered `refusal` (an expired cursor), page 2 fails 502 while `failing`.
 */
function cursorPaged() {
  const state = { token: 'a', failing: false, refusal: 410, refuseAll: false, asked: [] as string[], listed: 0 };
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url);
    if (u.pathname !== ASSERTIONS) return fetch(url, init);
    state.asked.push(url);
    const cursor = u.searchParams.get('cursor');
    const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (cursor !== null && state.failing) return json({ detail: 'Bad gateway' }, 502);
    if (cursor !== null && (cursor !== state.token || state.refuseAll)) return json({ detail: 'Invalid cursor' }, state.refusal);
    u.searchParams.delete('cursor');
    const body = (await (await fetch(u.toString(), init)).json()) as { result: unknown[] };
    state.listed = body.result.length;
    u.searchParams.set('cursor', state.token);
    const page = cursor !== null
      ? { ...body, result: body.result.slice(2), pagination: { hasNext: false, nextResults: null } }
      : { ...body, result: body.result.slice(0, 2), pagination: { hasNext: true, nextResults: u.toString() } };
    return json(page, 200);
  };
  return { state, fetchFn };
}

/** Signed in, its first run stopped at page 2 (a 502), the cursor `cursor=a` saved. */
async function stoppedAtPage2() {
  const { state, fetchFn } = cursorPaged();
  state.failing = true;
  const h = await harness({ fetch: fetchFn });
  const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
  const failed = await h.app.sync.run(id);
  expect(failed).toMatchObject({ status: 'error' });
  expect(failed.run?.cursor).toMatch(/cursor=a/);
  expect(await h.db.badges.byAccount(id)).toHaveLength(2);
  state.failing = false;
  state.asked.length = 0;
  h.clock.offsetMs = 2 * 3600_000;
  return { h, id, state };
}

describe('Badgr: the saved cursor is refused', () => {
  it.each([400, 404, 410])('a resumed page answered %i starts the listing over once, and loses nothing', async (status) => {
    const { h, id, state } = await stoppedAtPage2();
    state.token = 'b';
    state.refusal = status;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.run).toBeUndefined();
    // The saved page, refused; the first page; the new page 2.
    expect(state.asked.map((u) => new URL(u).searchParams.get('cursor'))).toEqual(['a', null, 'b']);
    const all = await h.db.badges.byAccount(id);
    expect(state.listed).toBeGreaterThan(2);
    expect(all).toHaveLength(state.listed);
    expect(all.filter((r) => r.unlisted)).toEqual([]);
    // Page 1's badges, done by the run before, are counted once.
    expect(s.done).toBe(state.listed);
  });

  it('a page refused again after the start over fails the run, its cursor dropped: no loop, nothing marked', async () => {
    const { h, id, state } = await stoppedAtPage2();
    // Every cursor refused: the listing cannot get past its first page.
    state.token = 'b';
    state.refuseAll = true;
    state.refusal = 404;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'REJECTED' } });
    expect(state.asked.map((u) => new URL(u).searchParams.get('cursor'))).toEqual(['a', null, 'b']);
    // The next run begins at the first page, not at a cursor known to be refused.
    expect(s.run?.cursor).toBeUndefined();
    const all = await h.db.badges.byAccount(id);
    expect(all).toHaveLength(2);
    expect(all.filter((r) => r.unlisted)).toEqual([]);
  });

  it('a resumed page refused for the account (403) or failing (502) keeps its cursor: not a cursor fault', async () => {
    const { h, id, state } = await stoppedAtPage2();
    state.token = 'b';
    state.refusal = 403;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error' });
    expect(state.asked.map((u) => new URL(u).searchParams.get('cursor'))).toEqual(['a']);
    expect(s.run?.cursor).toMatch(/cursor=a/);
  });
});

describe('OB 3.0: the saved offset cursor is refused', () => {
  const PATH = '/ims/ob/v3p0/credentials';
  it('a resumed page answered 400 starts the listing over from the first page, and every badge is cached', async () => {
    // Offset pages fail 502 while `status` is 502; answer 400 `refuse` times.
    const f = { status: 0, refuse: 0, asked: [] as (string | null)[] };
    const h = await harness({
      syncOptions: { pageSize: 2, sleep: async () => undefined },
      fetch: (url: string, init?: RequestInit) => {
        const u = new URL(url);
        if (u.pathname !== PATH) return fetch(url, init);
        const offset = u.searchParams.get('offset');
        f.asked.push(offset);
        if (offset !== null && f.status === 502) return Promise.resolve(new Response('', { status: 502 }));
        if (offset !== null && f.refuse > 0) {
          f.refuse -= 1;
          const imsx = { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: 'offset out of date', imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'invalid_data' }] } };
          return Promise.resolve(new Response(JSON.stringify(imsx), { status: 400, headers: { 'content-type': 'application/json' } }));
        }
        return fetch(url, init);
      },
    });
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(id);
    while (h.app.sync.isRunning(id)) await new Promise((r) => setTimeout(r, 5));
    const listed = (await h.db.badges.byAccount(id)).length;
    expect(listed).toBeGreaterThan(2);
    // A whole run that stops at page 2, its cursor saved.
    await h.db.badges.deleteByAccount(id);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    f.status = 502;
    h.clock.offsetMs = 25 * 3600_000;
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error' });
    expect(failed.run?.cursor).toContain('offset=');
    f.status = 0;
    f.refuse = 1;
    f.asked.length = 0;
    h.clock.offsetMs = 50 * 3600_000;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(f.asked[0]).not.toBeNull();
    expect(f.asked[1]).toBeNull();
    const all = await h.db.badges.byAccount(id);
    expect(all).toHaveLength(listed);
    expect(all.filter((r) => r.unlisted)).toEqual([]);
    expect(s.done).toBe(listed);
  });
});
