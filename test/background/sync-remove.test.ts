/**
 * A Remove made while a sync runs (the user removes a synced badge from the badge page) was undone
 * by that run: it verified the badge (or reached it on a later page) and wrote it back, and the
 * badge the user had just removed came back. Now a Remove wins over the run going on: after it
 * returns, the run writes that badge no more, also when its worker is stopped and the run resumed
 * (sync-removed.ts). A later sync that lists it stores it again, as any badge the provider lists.
 *
 * A Remove in the instant a sync starts: the run registered after the Remove had looked for a run
 * going on (library.ts remove: none yet) and before the badge was deleted, so the run knew nothing
 * of it, read the sync state before the Remove could mark it (or there was no stored run to mark),
 * listed the badge and wrote it back. Now a run that starts while a Remove is under way takes that
 * Remove as one made during it: the badge stays removed. A run that starts once the Remove is over
 * is a later sync.
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 9 });
const BC = '/ims/ob/v2p1/assertions';
const source = (entityId: string) => `${ctx.bp.baseUrl}/public/assertions/${entityId}`;
const text = (input: Uint8Array | string) => (typeof input === 'string' ? input : new TextDecoder().decode(input));

async function until(cond: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

/**
 * Ada's Badge Connect account, synced once; the next run lists everything again (no `since`) and
 * verifies every badge again. `held`: the badge whose verification waits until `release()`.
 */
async function synced(held: string) {
  const gate = { closed: false, reached: false, open: () => undefined as void };
  let release: () => void = () => undefined;
  const h = await harness({
    syncOptions: { pageSize: 3, sleep: async () => undefined, reverifyAfterMs: 0, timeout: () => new AbortController().signal },
    wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
      verify: async (input, ids, o) => {
        if (gate.closed && text(input).includes(held)) {
          gate.reached = true;
          await new Promise<void>((r) => (release = r));
        }
        return v.verify(input, ids, o);
      },
    }),
  });
  const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
  await until(() => !h.app.sync.isRunning(id));
  await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
  gate.closed = true;
  const stored = async () => new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId));
  return { h, id, gate, release: () => release(), stored, key: (entityId: string) => badgeKey(id, source(entityId)) };
}

describe('a Remove during a sync', () => {
  it('wins over the run verifying that very badge: it is not written back', async () => {
    const { h, id, gate, release, stored, key } = await synced('ada-poetical');
    expect((await stored()).has(source('ada-poetical'))).toBe(true);
    const run = h.app.sync.run(id);
    await until(() => gate.reached);
    expect(await h.app.library.remove(key('ada-poetical'))).toEqual({ removed: true });
    release();
    expect(await run).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.get(key('ada-poetical'))).toBeUndefined();
    expect(await h.db.originals.get(key('ada-poetical'))).toBeUndefined();
    // The run wrote the others.
    expect((await stored()).has(source('gen-7'))).toBe(true);
  });

  it('wins over the run for a badge on a page it has not reached yet', async () => {
    const { h, id, gate, release, stored, key } = await synced('ada-poetical');
    const run = h.app.sync.run(id);
    await until(() => gate.reached);
    expect(await h.app.library.remove(key('gen-3'))).toEqual({ removed: true });
    release();
    const s = await run;
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect((await stored()).has(source('gen-3'))).toBe(false);
    expect((await stored()).has(source('gen-2'))).toBe(true);
    // The run is over: its list of removed badges went with it.
    expect((await h.db.syncState.get(id))?.run).toBeUndefined();
  });

  it('holds when the worker is stopped and the run resumed, and for a run a stopped worker left', async () => {
    const { h, id, gate, key, stored } = await synced('ada-poetical');
    void h.app.sync.run(id);
    await until(() => gate.reached);
    // Removed during the run; then the worker "dies" (its held verification never ends).
    await h.app.library.remove(key('gen-5'));
    expect((await h.db.syncState.get(id))?.run?.removed).toEqual([key('gen-5')]);
    const h2 = await h.restart();
    // Removed in the new worker before the stored run is resumed.
    expect(await h2.app.library.remove(key('gen-4'))).toEqual({ removed: true });
    gate.closed = false;
    expect(await h2.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const now = await stored();
    expect(now.has(source('gen-5'))).toBe(false);
    expect(now.has(source('gen-4'))).toBe(false);
    expect(now.has(source('ada-poetical'))).toBe(true);
    h.app.sync.destroy();
  });

  it('a later sync that lists the badge stores it again (Remove takes it out of this browser, not out of the backpack)', async () => {
    const { h, id, gate, release, stored, key } = await synced('ada-poetical');
    const run = h.app.sync.run(id);
    await until(() => gate.reached);
    await h.app.library.remove(key('ada-poetical'));
    release();
    await run;
    expect((await stored()).has(source('ada-poetical'))).toBe(false);
    gate.closed = false;
    // Badge Connect's next run asks only what changed since this one began: the badge did not change.
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await stored()).has(source('ada-poetical'))).toBe(false);
    // A full listing (as every Badgr and OB 3.0 run is) stores it again.
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await stored()).has(source('ada-poetical'))).toBe(true);
  });
});

describe('a Remove in the instant a sync starts', () => {
  /** A sync of the account starts the moment the Remove has looked for one (library.ts onRemoving), before the badge is deleted. */
  function startDuringRemove(h: Awaited<ReturnType<typeof synced>>['h']) {
    const removing = h.app.sync.removing.bind(h.app.sync);
    let started: Promise<unknown> | undefined;
    h.app.sync.removing = (accountId, k) => {
      const r = removing(accountId, k);
      started ??= h.app.sync.run(accountId);
      return r;
    };
    return () => started;
  }

  it('is not undone by that run (no run stored to mark)', async () => {
    const { h, id, gate, release, stored, key } = await synced('ada-poetical');
    expect((await h.db.syncState.get(id))?.run).toBeUndefined();
    const started = startDuringRemove(h);
    expect(await h.app.library.remove(key('ada-poetical'))).toEqual({ removed: true });
    expect(started()).toBeDefined();
    // The Remove has returned: a verification held meanwhile goes on, and none is held any more.
    gate.closed = false;
    release();
    expect(await started()).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.get(key('ada-poetical'))).toBeUndefined();
    // The run wrote the others.
    expect((await stored()).has(source('gen-7'))).toBe(true);
  });

  it('is not undone when it resumes a run a stopped worker left (its stored run read before the Remove marked it)', async () => {
    const { h, id, gate, release, key } = await synced('ada-poetical');
    // A run a stopped worker left at the first page, with an error (a run resumed goes back to `syncing`).
    const s = (await h.db.syncState.get(id))!;
    await h.db.syncState.put({ ...s, status: 'error', run: { id: 'left', startedAt: new Date().toISOString(), doneBeforePage: 0 } });
    // The Remove marks the stored run only once the run has read it and stored itself as going on. The run's
    // own writes (an update too, never over a sign-out's mark: sync-save.ts) make a record from none; the Remove's do not.
    const update = h.db.syncState.update.bind(h.db.syncState);
    h.db.syncState.update = async (...args) => {
      if (args[1](undefined) === undefined) await until(async () => (await h.db.syncState.get(id))?.status === 'syncing');
      return update(...args);
    };
    const started = startDuringRemove(h);
    expect(await h.app.library.remove(key('ada-poetical'))).toEqual({ removed: true });
    expect((await h.db.syncState.get(id))?.run?.removed).toEqual([key('ada-poetical')]);
    gate.closed = false;
    release();
    expect(await started()).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.get(key('ada-poetical'))).toBeUndefined();
  });
});
