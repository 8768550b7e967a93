/**
 * OB 3.0 and Badge Connect answers hold their JSON and their compact JWS entries in two lists
 * (test/backpack/api/ob3-api.ts and badge-connect.ts split each page of the newest-first listing so),
 * and the run's anchor, the badge each next page must list again (sync-anchor.ts), was the last of
 * the two lists joined: the last JWS entry, while the page's last in the listing could be a JSON
 * one. The next page did not hold it, and the run listed again from the first page, three times,
 * then ended without moving `since` on; a resumed run (its worker stopped mid-sync) did the same
 * at its saved page. Now the anchors are the last entry of each list, one of which is the page's
 * last in the listing: every run reads each page once and a resumed one goes on at its saved page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anchorHolds, setAnchors } from '../../src/background/services/sync-anchor.ts';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

// One each in turn of OB 2.0 hosted, OB 2.0 signed, VC-JWT and Data Integrity: both lists on most pages.
const ctx = useBackpack({ badges: 12, mix: true });
const OB3 = { kind: 'ob3', path: '/ims/ob/v3p0/credentials', source: (id: string) => `${ctx.bp.baseUrl}/ob3/credentials/${id}` } as const;
const BC = { kind: 'badge-connect', path: '/ims/ob/v2p1/assertions', source: (id: string) => `${ctx.bp.baseUrl}/public/assertions/${id}` } as const;
type Api = typeof OB3 | typeof BC;
const PAGE = 3;

/** Ada's badges as the API lists them now, newest first, and whether each is a compact JWS. */
const listing = (api: Api): { id: string; jws: boolean }[] => adaListing(ctx.bp, api.kind).map((b) => ({ id: b.entityId, jws: b.compact !== undefined }));

const offsetOf = (search: string | undefined): number | undefined => {
  const o = new URLSearchParams(search ?? '').get('offset');
  return o === null ? undefined : Number(o);
};

afterEach(() => ctx.bp.control.clearFaults());

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

/** `hang`: the list request (counted from 1 after the sign-in's sync) that never answers, as if the worker were stopped while it waited. */
async function signedIn(api: Api, hang?: number) {
  const lists = { armed: false, n: 0 };
  const h = await harness({
    syncOptions: { pageSize: PAGE, sleep: async () => undefined },
    fetch: (url: string, init?: RequestInit) => (lists.armed && new URL(url).pathname === api.path && ++lists.n === hang ? new Promise<Response>(() => undefined) : fetch(url, init)),
  });
  const { id } = await h.app.accounts.signIn({ kind: api.kind, baseUrl: ctx.bp.baseUrl });
  // The sign-in's first sync (started in the background: this joins it, or it finds this one running).
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
  await until(async () => !h.app.sync.isRunning(id));
  // The next run lists everything (Badge Connect's `since` would list nothing), and writes every badge anew.
  await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
  await h.db.badges.deleteByAccount(id);
  lists.armed = true;
  return { h, id, cachedSources: async () => (await h.db.badges.byAccount(id)).map((r) => r.sourceId).sort() };
}

/** The run's list requests since `from`. */
const listRequests = (api: Api, from: number) => ctx.bp.control.requests.slice(from).filter((r) => r.path === api.path);

describe.each([OB3, BC])('$kind: pages whose answer holds JSON and compact JWS entries', (api) => {
  it('a run reads each page once, and moves `since` on', async () => {
    const all = listing(api);
    // Some page's last in the listing is a JSON entry, and that page holds a JWS one (the case that relisted).
    const pages = Array.from({ length: Math.ceil(all.length / PAGE) }, (_, i) => all.slice(i * PAGE, (i + 1) * PAGE));
    expect(pages.slice(0, -1).some((p) => p.some((b) => b.jws) && !p.at(-1)!.jws)).toBe(true);
    const { h, id, cachedSources } = await signedIn(api);
    const from = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.since).toBeDefined();
    const firstPages = listRequests(api, from).filter((r) => offsetOf(r.search) === undefined);
    expect(firstPages).toHaveLength(1);
    expect(await cachedSources()).toEqual(all.map((b) => api.source(b.id)).sort());
    expect(s.done).toBe(all.length);
  });

  it('a run whose worker stopped goes on at its saved page, losing and repeating no badge', async () => {
    const all = listing(api);
    // The third page never answers: the run has saved its cursor past the second when the worker "dies".
    const { h, id, cachedSources } = await signedIn(api, 3);
    void h.app.sync.run(id);
    await until(async () => ((await h.db.syncState.get(id))?.run?.doneBeforePage ?? 0) >= 2 * PAGE);
    const stored = (await h.db.syncState.get(id))!;
    expect(stored.run!.doneBeforePage).toBe(2 * PAGE);
    expect(stored.run).toMatchObject({ cursor: expect.stringContaining('offset=') });
    expect(stored.run!.relists).toBeUndefined();

    const h2 = await h.restart();
    h.app.sync.destroy();
    const from = ctx.bp.control.requests.length;
    const written: string[] = [];
    const save = h2.db.saveBadges.bind(h2.db);
    h2.db.saveBadges = (badges, sync) => {
      written.push(...badges.map((b) => b.record.sourceId));
      return save(badges, sync);
    };
    const s = await h2.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.since).toBeDefined();
    const asked = listRequests(api, from).map((r) => offsetOf(r.search));
    // At the saved page (one item early, the overlap), never the first page again.
    expect(asked[0]).toBe(Number(new URL(stored.run!.cursor!).searchParams.get('offset')) - 1);
    expect(asked).not.toContain(undefined);
    // Nothing lost; nothing the stopped run had stored written again.
    expect(await cachedSources()).toEqual(all.map((b) => api.source(b.id)).sort());
    expect(new Set(written).size).toBe(written.length);
    expect(written.sort()).toEqual(all.slice(2 * PAGE).map((b) => api.source(b.id)).sort());
    expect(s.done).toBe(all.length);
  });

  it('a badge deleted at the provider between two pages is still noticed: the run lists again and misses none', async () => {
    const { h, id, cachedSources } = await signedIn(api);
    const before = listing(api);
    const deleted = before[1]!.id;
    ctx.bp.control.onRequest({ path: api.path, skip: 1 }, () => ctx.bp.control.deleteBadge(deleted));
    const from = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(listRequests(api, from).filter((r) => offsetOf(r.search) === undefined)).toHaveLength(2);
    const cached = new Set(await cachedSources());
    expect(listing(api).filter((b) => !cached.has(api.source(b.id)))).toEqual([]);
  });
});

describe('a run saved by an older version', () => {
  it('is resumed with its one anchor', () => {
    const run = { id: 'r', startedAt: new Date(0).toISOString(), doneBeforePage: 3, cursor: 'https://b.example/x?offset=3', anchor: 'a' };
    const item = (sourceId: string) => ({ sourceId, fingerprint: sourceId });
    expect(anchorHolds({ ...run }, { items: [item('a'), item('b')], overlapsPrevious: true })).toBe(true);
    expect(anchorHolds({ ...run }, { items: [item('b'), item('c')], overlapsPrevious: true })).toBe(false);
  });
});

describe('anchors from a hostile backpack', () => {
  it('a source id of 100,000 characters is kept as its SHA-256, and still found on the next page', () => {
    const long = `urn:x:${'a'.repeat(100_000)}`;
    const item = (sourceId: string) => ({ sourceId, fingerprint: sourceId });
    const run: Parameters<typeof setAnchors>[0] = { id: 'r', startedAt: new Date(0).toISOString(), doneBeforePage: 0 };
    setAnchors(run, { items: [item('a'), item(long)], ends: ['a', long] });
    expect(JSON.stringify(run.anchors).length).toBeLessThan(400);
    expect(run.anchors).toContain('a');
    expect(anchorHolds({ ...run }, { items: [item(long), item('c')], overlapsPrevious: true })).toBe(true);
    expect(anchorHolds({ ...run }, { items: [item(`${long}b`), item('c')], overlapsPrevious: true })).toBe(false);
  });

  it('a long anchor a run of an older version stored as it was is still found', () => {
    const long = 'b'.repeat(5_000);
    const run = { id: 'r', startedAt: new Date(0).toISOString(), doneBeforePage: 3, anchor: long };
    expect(anchorHolds({ ...run }, { items: [{ sourceId: long, fingerprint: '' }], overlapsPrevious: true })).toBe(true);
  });
});
