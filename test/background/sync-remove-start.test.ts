/**
 * A Remove in the instant a sync starts: the run registered after the Remove had looked for a run
 * going on (library.ts remove: none yet) and before the badge was deleted, so the run knew nothing
 * of it, read the sync state before the Remove could mark it (or there was no stored run to mark),
 * listed the badge and wrote it back. Now a run that starts while a Remove is under way takes that
 * Remove as one made during it (sync-removed.ts): the badge stays removed. A run that starts once
 * the Remove is over is a later sync (sync-remove.test.ts: it stores the badge again).
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 9 });
const source = (entityId: string) => `${ctx.bp.baseUrl}/public/assertions/${entityId}`;
const text = (input: Uint8Array | string) => (typeof input === 'string' ? input : new TextDecoder().decode(input));

async function until(cond: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

/**
 * Ada's Badge Connect account, synced once; the next run lists everything. The verification of
 * `held` waits until `release()`, so that run's write of it comes after the Remove has returned.
 */
async function synced(held: string) {
  const gate = { closed: false };
  let release: () => void = () => undefined;
  const h = await harness({
    syncOptions: { pageSize: 3, sleep: async () => undefined, reverifyAfterMs: 0, timeout: () => new AbortController().signal },
    wrapVerifier: (v) => ({
      verify: async (input, ids, o) => {
        if (gate.closed && text(input).includes(held)) {
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
  const key = badgeKey(id, source(held));
  /** A sync of the account starts the moment the Remove has looked for one (library.ts onRemoving), before the badge is deleted. */
  const startDuringRemove = () => {
    const removing = h.app.sync.removing.bind(h.app.sync);
    let started: Promise<unknown> | undefined;
    h.app.sync.removing = (accountId, k) => {
      const r = removing(accountId, k);
      started ??= h.app.sync.run(accountId);
      return r;
    };
    return () => started;
  };
  /** The Remove has returned: a verification held meanwhile goes on, and none is held any more. */
  const open = () => {
    gate.closed = false;
    release();
  };
  return { h, id, open, key, startDuringRemove };
}

describe('a Remove in the instant a sync starts', () => {
  it('is not undone by that run (no run stored to mark)', async () => {
    const { h, id, open, key, startDuringRemove } = await synced('ada-poetical');
    expect((await h.db.syncState.get(id))?.run).toBeUndefined();
    const started = startDuringRemove();
    expect(await h.app.library.remove(key)).toEqual({ removed: true });
    expect(started()).toBeDefined();
    open();
    expect(await started()).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.get(key)).toBeUndefined();
    // The run wrote the others.
    expect(await h.db.badges.get(badgeKey(id, source('gen-7')))).toBeDefined();
  });

  it('is not undone when it resumes a run a stopped worker left (its stored run read before the Remove marked it)', async () => {
    const { h, id, open, key, startDuringRemove } = await synced('ada-poetical');
    // A run a stopped worker left at the first page, with an error (a run resumed goes back to `syncing`).
    const s = (await h.db.syncState.get(id))!;
    await h.db.syncState.put({ ...s, status: 'error', run: { id: 'left', startedAt: new Date().toISOString(), doneBeforePage: 0 } });
    // The Remove marks the stored run only once the run has read it and stored itself as going on.
    const update = h.db.syncState.update.bind(h.db.syncState);
    h.db.syncState.update = async (...args) => {
      await until(async () => (await h.db.syncState.get(id))?.status === 'syncing');
      return update(...args);
    };
    const started = startDuringRemove();
    expect(await h.app.library.remove(key)).toEqual({ removed: true });
    expect((await h.db.syncState.get(id))?.run?.removed).toEqual([key]);
    open();
    expect(await started()).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.get(key)).toBeUndefined();
  });
});
