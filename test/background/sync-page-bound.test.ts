/**
 * What a run handles of one answer (src/background/services/sync-slice.ts): no more than the page's
 * `limit` at a time from an answer that holds far more (OB 3.0 api.html "Paging"; OB 2.1
 * §"Pagination"), losing nothing and resuming after a failure; and one entry per badge, the later,
 * when an answer lists a badge twice. The test backpack's `state.pagingIgnored` plays the backpack
 * that does not page as asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isOb2 } from '../backpack/api/badgr-backpack.ts';
import { ADA } from '../backpack/seed-data.ts';
import { createSlicer, lastOfEach } from '../../src/background/services/sync-slice.ts';
import { sha256Hex } from '../../src/background/services/badge-record.ts';
import type { SyncItem } from '../../src/background/services/providers/index.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 9 });
const OB3 = { kind: 'ob3', path: '/ims/ob/v3p0/credentials' } as const;
const BC = { kind: 'badge-connect', path: '/ims/ob/v2p1/assertions' } as const;
type Api = typeof OB3 | typeof BC;
const PAGE = 3;

/** Ada's badges in the API's listing. */
function listed(api: Api) {
  const state = ctx.bp.control.stateForTests;
  const user = [...state.accounts.values()].find((a) => a.username === ADA.username)!.entityId;
  return state.badgesOf(user).filter((b) => (api === OB3 ? b.kind === 'ob3-jwt' || b.kind === 'ob3-di' : isOb2(b) && b.acceptance !== 'Rejected') && !state.isPending(b));
}

const listRequests = (api: Api, from: number) => ctx.bp.control.requests.slice(from).filter((r) => r.path === api.path);
const item = (sourceId: string, fingerprint = sourceId): SyncItem => ({ sourceId, fingerprint, text: fingerprint });

afterEach(() => {
  ctx.bp.control.stateForTests.pagingIgnored = undefined;
  ctx.bp.control.clearFaults();
});

describe('lastOfEach and the slicer', () => {
  it('keeps the later entry of a source id, in the order of the entries kept', () => {
    const kept = lastOfEach([item('a', 'a1'), item('b'), item('a', 'a2'), item('c'), item('b', 'b2')]);
    expect(kept.map((i) => i.fingerprint)).toEqual(['a2', 'c', 'b2']);
  });

  it('hands out at most `limit` new entries of an answer, asks for the page again until it brings no more, then stops if it still does', () => {
    const s = createSlicer();
    const ten = Array.from({ length: 10 }, (_, i) => item(`i${i}`));
    expect(s.take(undefined, ten, undefined)).toEqual({ items: ten, again: false });
    expect(s.take('p', ten, 4)).toEqual({ items: ten.slice(0, 4), again: true });
    expect(s.take('p', ten.slice(4), 4)).toEqual({ items: ten.slice(4, 8), again: true });
    expect(s.take('p', ten.slice(8), 4)).toEqual({ items: ten.slice(8), again: false });
    // An answer with other entries every time: three answers allowed for its first ten, then the run stops.
    const t = createSlicer();
    const fresh = (n: number) => Array.from({ length: 10 }, (_, i) => item(`n${n}-${i}`));
    expect(t.take('q', fresh(1), 4).again).toBe(true);
    expect(t.take('q', fresh(2), 4).again).toBe(true);
    expect(t.take('q', fresh(3), 4).again).toBe(true);
    const last = t.take('q', fresh(4), 4);
    expect(last).toMatchObject({ again: false, stop: { code: 'PROTOCOL', message: expect.stringContaining('10 new for a limit of 4') } });
    expect(last.items).toHaveLength(4);
  });
});

describe.each([OB3, BC])('$kind: a backpack that answers more than `limit`', (api) => {
  async function signedIn() {
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: api.kind, baseUrl: ctx.bp.baseUrl });
    return { h, id };
  }

  it.each(['limit', 'limit-and-offset'] as const)('ignoring %s: at most a limit handled an answer, the page asked again for the rest, every badge kept', async (ignored) => {
    const { h, id } = await signedIn();
    const total = listed(api).length;
    expect(total).toBeGreaterThan(3 * PAGE);
    ctx.bp.control.stateForTests.pagingIgnored = ignored;
    const from = ctx.bp.control.requests.length;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', done: total });
    expect((await h.db.badges.byAccount(id)).length).toBe(total);
    // Before, one answer was handled whole: one request. Now PAGE badges an answer.
    expect(listRequests(api, from)).toHaveLength(Math.ceil(total / PAGE));
  });

  it('a failure between two answers of the page: the next run reads the page again and loses nothing', async () => {
    const { h, id } = await signedIn();
    const total = listed(api).length;
    ctx.bp.control.stateForTests.pagingIgnored = 'limit';
    ctx.bp.control.failNext({ status: 500, path: api.path, skip: 2, count: 10 });
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error' });
    expect((await h.db.badges.byAccount(id)).length).toBe(2 * PAGE);
    ctx.bp.control.clearFaults();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h.db.badges.byAccount(id)).length).toBe(total);
  });
});

describe('Badge Connect: an answer with other badges every time it is asked', () => {
  it('stops after as many answers as its first needed, keeping what it read and saying why', async () => {
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    ctx.bp.control.stateForTests.pagingIgnored = 'limit';
    // PAGE new badges at the top before every answer: the page never runs dry.
    ctx.bp.control.onRequest({ path: BC.path, count: 1000 }, () => {
      for (let i = 0; i < PAGE; i++) ctx.bp.control.issueBadge();
    });
    const first = listed(BC).length + PAGE;
    const from = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringContaining('other ones each time') } });
    expect(listRequests(BC, from)).toHaveLength(Math.ceil(first / PAGE) + 1);
    expect((await h.db.badges.byAccount(id)).length).toBe(s.done);
  });
});

describe('Badge Connect: the same badge twice in one answer', () => {
  it('keeps the later entry, whichever it is, and verifies only that one', async () => {
    const h = await harness({ syncOptions: { sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const json = listed(BC).find((b) => b.compact === undefined)!.json as Record<string, unknown>;
    const other = { ...json, narrative: 'a second entry with the same id' };
    for (const [a, b] of [[json, other], [other, json]]) {
      ctx.bp.control.failNext({ status: 200, path: BC.path, body: { status: { error: null, statusCode: 200, statusText: 'OK' }, assertions: [a, b] } });
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', done: 1 });
      const kept = await h.db.badges.get(`${id}|${json.id as string}`);
      expect(kept?.contentHash).toBe(await sha256Hex(JSON.stringify(b)));
    }
  });
});
