/**
 * A listing that never ends (sync-bound.ts): a backpack whose next links keep moving on, the
 * offset past every page read, never runs out. The test backpack's listing grows at every request
 * (`onRequest`: new badges at the top of Badge Connect's newest-first listing, OB 2.1
 * §"Pagination"), so that each page's next link leads to one more page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isOb2 } from '../backpack/api/badgr-backpack.ts';
import { ADA } from '../backpack/seed-data.ts';
import { allowance, announce, followNext, MAX_BADGES, MAX_PAGES } from '../../src/background/services/sync-bound.ts';
import type { SyncRun } from '../../src/platform/records.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const LIST = '/ims/ob/v2p1/assertions';
const PAGE = 3;
/** How many badges Ada's Badge Connect listing holds. */
function listed(): number {
  const state = ctx.bp.control.stateForTests;
  const user = [...state.accounts.values()].find((a) => a.username === ADA.username)!.entityId;
  return state.badgesOf(user).filter((b) => isOb2(b) && b.acceptance !== 'Rejected' && !state.isPending(b)).length;
}
const offsetOf = (url: string): number => Number(new URL(url, 'http://x').searchParams.get('offset') ?? 0);

afterEach(() => ctx.bp.control.clearFaults());

describe('the allowance', () => {
  const account = { user: 'ada@example.org', baseUrl: 'https://backpack.example' };
  const run = (): SyncRun => ({ id: 'r', startedAt: '2026-01-01T00:00:00Z', doneBeforePage: 0 });

  it('is the announced total and a margin, within the absolute caps', () => {
    expect(allowance(undefined)).toEqual({ badges: MAX_BADGES, pages: MAX_PAGES });
    expect(allowance(10)).toEqual({ badges: 60, pages: 61 });
    expect(allowance(4000)).toEqual({ badges: 4400, pages: MAX_PAGES });
    expect(allowance(1e9)).toEqual({ badges: MAX_BADGES, pages: MAX_PAGES });
  });

  it('stops a run that follows more pages than announced and the margin, then opens a new window from there', () => {
    const r = run();
    announce(r, 0, 10);
    announce(r, 0, 5000); // a later answer's total does not widen it
    // Next links that bring nothing new (the listing moving down under the reader): the page allowance.
    for (let i = 0; i < 61; i++) expect(followNext(r, 9, account)).toBeUndefined();
    const stop = followNext(r, 9, account);
    expect(stop).toMatchObject({ code: 'PROTOCOL', message: expect.stringContaining('ada@example.org at backpack.example') });
    expect(stop?.message).toContain('62 pages (it announced 10)');
    expect(r.window).toEqual({ from: 9, pages: 0 });
    announce(r, 9, 200);
    expect(followNext(r, 150, account)).toBeUndefined();
  });

  it('a total the run has read as many badges as, with a next link still to follow, is no total (sync-total-outrun.test.ts)', () => {
    const r = run();
    announce(r, 0, 10);
    expect(followNext(r, 10, account)).toBeUndefined();
    expect(r.window).toMatchObject({ outrun: true });
    expect(r.window?.announced).toBeUndefined();
    // Not taken again from a later answer: bounded as a backpack that announces nothing.
    announce(r, 10, 10);
    expect(r.window?.announced).toBeUndefined();
    expect(followNext(r, 61 + 10, account)).toBeUndefined();
    expect(followNext(r, MAX_BADGES + 1, account)?.message).toContain('(it listed more than the count it gave)');
  });

  it('stops a run whose next links bring nothing new past the page cap', () => {
    const r = run();
    for (let i = 0; i < MAX_PAGES; i++) expect(followNext(r, 0, account)).toBeUndefined();
    expect(followNext(r, 0, account)?.message).toContain(`${MAX_PAGES + 1} pages (it did not say how many it holds)`);
  });
});

describe('Badge Connect: next links that never run out', () => {
  it('stops with a PROTOCOL error naming the account, keeps what it read, and the next run resumes at the stored link', async () => {
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    // PAGE new badges at the top before every answer: every page has a next link, forever (up to 400 requests, then the listing ends).
    ctx.bp.control.onRequest({ path: LIST, count: 400 }, () => {
      ctx.bp.control.advanceTime(1000); // newer than every badge listed: at the top
      for (let i = 0; i < PAGE; i++) ctx.bp.control.issueBadge();
    });
    const from = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    const asked = ctx.bp.control.requests.slice(from).filter((r) => r.path === LIST);
    // Before: the run followed all 400 links and ended `idle`.
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringContaining(`${ADA.username} at ${new URL(ctx.bp.baseUrl).host}`) } });
    // Each next link brings the badges already read again (the listing moves down under the reader): the run stops at its page allowance.
    const announced = Number(/it announced (\d+)/.exec(s.error!.message)?.[1]);
    const { pages } = allowance(announced);
    expect(s.error?.message).toContain(`past ${pages + 1} pages`);
    expect(asked.length).toBe(pages + 1);
    // What was read is kept, and the run stays with its cursor (a retry time, as any failed run).
    expect((await h.db.badges.byAccount(id)).length).toBe(s.done);
    expect(s.done).toBeGreaterThan(0);
    expect(s.run?.cursor).toBeDefined();
    expect(s.retryAt).toBeGreaterThan(Date.now());
    expect(await h.db.syncState.get(id)).toMatchObject({ status: 'error', run: { cursor: s.run!.cursor, window: { pages: 0 } } });

    // The backpack stops growing; a new worker resumes at the stored link (one item early, the anchor) and ends.
    ctx.bp.control.clearFaults();
    const h2 = await h.restart();
    const again = ctx.bp.control.requests.length;
    expect(await h2.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const first = ctx.bp.control.requests.slice(again).find((r) => r.path === LIST)!;
    expect(offsetOf(first.search ?? '')).toBe(offsetOf(s.run!.cursor!) - 1);
    expect(ctx.bp.control.requests.slice(again).filter((r) => r.path === LIST && !(r.search ?? '').includes('offset='))).toEqual([]);
    // Nothing lost: what was added at the top while the first run read (before the pages it had read)
    // is for the next run, which lists what changed since the run began (sync-anchor.ts); the resumed
    // run goes on at its page and does not list it all again from the first (sync-resume-paging.test.ts).
    const resumed = (await h2.db.syncState.get(id))!;
    expect(Date.parse(resumed.since!)).toBeLessThanOrEqual(Date.parse(s.run!.startedAt));
    expect(await h2.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h2.db.badges.byAccount(id)).length).toBe(listed());
  });
});
