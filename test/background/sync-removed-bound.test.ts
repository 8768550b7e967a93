/**
 * Bound session 29: the badges the user removed during a sync run (SyncRun.removed, removedAwards)
 * were kept with the run without bound, and each Remove rewrote the stored run with the whole list:
 * a run waiting on its retries can last days, and N Removes wrote N²/2 keys (512 characters at most
 * each). The run now keeps MAX_REMOVED_KEPT of them and past that only that there were more
 * (`removedMore`); the guarantee holds: a Remove during a run is never undone, also when the worker is
 * stopped and the run resumed by another that did not see the Removes (it then writes no badge it does
 * not hold, and leaves `since` where it was, so the next run lists again what it left out).
 */
import { describe, expect, it } from 'vitest';
import { markRemoved, MAX_REMOVED_KEPT, removedDuringRun } from '../../src/background/services/sync-removed.ts';
import { nextSince } from '../../src/background/services/sync-anchor.ts';
import { badgeKey } from '../../src/platform/badge-key.ts';
import type { SyncRun } from '../../src/platform/records.ts';
import { harness, useBackpack } from './harness.ts';

const REMOVES = 2000;
const longKey = (i: number) => `acct|https://backpack.example/assertions/${String(i).padStart(6, '0')}${'x'.repeat(400)}`;
const size = (v: unknown): number => JSON.stringify(v).length;

describe('the Removes a run keeps are bounded', () => {
  it(`${REMOVES} Removes against a stored run: each write stays small, the run says there were more (was every key, ~${Math.round((REMOVES * 450) / 1e6)} MB a write)`, async () => {
    const h = await harness();
    await h.db.syncState.put({ accountId: 'acct', status: 'error', done: 0, total: 0, failures: 1, run: { id: 'r', startedAt: '2026-01-01T00:00:00.000Z', doneBeforePage: 0 } });
    for (let i = 0; i < REMOVES; i++) await markRemoved(h.db, 'acct', longKey(i), `award-${i}`);
    const run = (await h.db.syncState.get('acct'))!.run!;
    expect(run.removed).toHaveLength(MAX_REMOVED_KEPT);
    expect(run.removedAwards).toHaveLength(MAX_REMOVED_KEPT);
    expect(run.removedMore).toBe(true);
    expect(size(run)).toBeLessThan(MAX_REMOVED_KEPT * 1200);
  });

  it('in the worker running it: every Remove is known, the run it stores keeps the bound', () => {
    const removed = removedDuringRun();
    const run: SyncRun = { id: 'r', startedAt: '2026-01-01T00:00:00.000Z', doneBeforePage: 0 };
    removed.add(longKey(0), 'award-0');
    removed.attach(run);
    for (let i = 1; i < REMOVES; i++) removed.add(longKey(i), `award-${i}`);
    for (let i = 0; i < REMOVES; i++) expect(removed.has(longKey(i))).toBe(true);
    expect(removed.award(longKey(REMOVES - 1))).toBe(`award-${REMOVES - 1}`);
    expect(run.removed).toHaveLength(MAX_REMOVED_KEPT);
    expect(run.removed?.[0]).toBe(longKey(0));
    expect(run.removedMore).toBe(true);
    // This worker saw every Remove: it leaves out exactly those.
    expect(removed.unknown()).toBe(false);
    // Another worker resuming it did not: it knows there were more than it kept.
    const resumed = removedDuringRun();
    resumed.attach(structuredClone(run));
    expect(resumed.unknown()).toBe(true);
    expect(resumed.has(longKey(0))).toBe(true);
  });

  it('a run that kept all it was told of moves `since` on; one that left out badges it did not hold does not', () => {
    const run: SyncRun = { id: 'r', startedAt: '2026-02-01T00:00:00.000Z', doneBeforePage: 0, since: '2026-01-01T00:00:00.000Z' };
    expect(nextSince(run, 0)).toEqual({ since: '2026-02-01T00:00:00.000Z' });
    expect(nextSince({ ...run, removedMore: true }, 0)).toEqual({ since: '2026-01-01T00:00:00.000Z' });
    expect(nextSince({ ...run, since: undefined, removedMore: true }, 0)).toEqual({});
  });
});

const ctx = useBackpack({ badges: 9 });
const source = (entityId: string) => `${ctx.bp.baseUrl}/public/assertions/${entityId}`;
const text = (input: Uint8Array | string) => (typeof input === 'string' ? input : new TextDecoder().decode(input));

async function until(cond: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

describe('past the bound, a Remove during a run is still never undone', () => {
  it('the worker stopped after more Removes than the run keeps: the run resumed elsewhere writes none of them back', async () => {
    const gate = { closed: false, reached: false };
    const h = await harness({
      syncOptions: { pageSize: 3, sleep: async () => undefined, reverifyAfterMs: 0, timeout: () => new AbortController().signal },
      wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
        verify: async (input, ids, o) => {
          if (gate.closed && text(input).includes('ada-poetical')) {
            gate.reached = true;
            await new Promise<void>(() => undefined);
          }
          return v.verify(input, ids, o);
        },
      }),
    });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    const key = (entityId: string) => badgeKey(id, source(entityId));
    const stored = async () => new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId));
    gate.closed = true;
    void h.app.sync.run(id);
    await until(() => gate.reached);
    // As many Removes as the run keeps (of badges held elsewhere, as library.ts remove marks them), then two real ones past the bound.
    for (let i = 0; i < MAX_REMOVED_KEPT; i++) {
      const end = h.app.sync.removing(id, `${id}|gone-${i}`);
      await markRemoved(h.db, id, `${id}|gone-${i}`);
      end();
    }
    expect(await h.app.library.remove(key('gen-5'))).toEqual({ removed: true });
    expect(await h.app.library.remove(key('gen-2'))).toEqual({ removed: true });
    const left = (await h.db.syncState.get(id))!.run!;
    expect(left.removed).toHaveLength(MAX_REMOVED_KEPT);
    expect(left.removed).not.toContain(key('gen-5'));
    expect(left.removedMore).toBe(true);
    // The worker "dies" (its held verification never ends); the next resumes the run.
    const h2 = await h.restart();
    gate.closed = false;
    const done = await h2.app.sync.run(id);
    expect(done).toMatchObject({ status: 'idle', failures: 0 });
    const now = await stored();
    expect(now.has(source('gen-5'))).toBe(false);
    expect(now.has(source('gen-2'))).toBe(false);
    expect(now.has(source('ada-poetical'))).toBe(true);
    expect(now.has(source('gen-7'))).toBe(true);
    // `since` not moved on: the next run lists everything again (and, a later sync, stores what the backpack lists).
    expect(done.since).toBeUndefined();
    expect((await h2.db.syncState.get(id))?.run).toBeUndefined();
    expect(await h2.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await stored()).has(source('gen-5'))).toBe(true);
    h.app.sync.destroy();
    h2.app.sync.destroy();
  });
});
