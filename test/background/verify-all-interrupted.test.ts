/**
 * "Check all" (library.ts verify: every badge verified again) keeps its progress as the account's
 * `verifying` sync record. A worker stopped meanwhile (Manifest V3 stops idle workers; the popup
 * closed; the browser quit) left that record `verifying`, and the popup showed the account checking
 * until the next sync. Now a `verifying` record with no re-verification going on in this worker
 * reads as what the check would have ended with (views.ts syncView), as an interrupted sync reads
 * as interrupted, and every badge keeps the verdict it had until it is verified again.
 */
import { describe, expect, it } from 'vitest';
import { syncView } from '../../src/background/services/views.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

const byKey = (records: BadgeRecord[]) => new Map(records.map((r) => [r.key, r]));

describe('a re-verification of every badge whose worker was stopped', () => {
  it('reads as the state it had in a new worker, and every badge keeps its verdict', async () => {
    // The verifier answers the first badge of the check, then hangs: the worker "dies" there.
    const hang = { on: false, calls: 0 };
    const h = await harness({
      wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
        verify: (input, ids, o) => (hang.on && hang.calls++ >= 1 ? new Promise(() => undefined) : v.verify(input, ids, o)),
      }),
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const before = byKey(await h.db.badges.byAccount(id));
    expect(before.size).toBeGreaterThan(2);
    expect([...before.values()].some((r) => r.verdict === 'valid')).toBe(true);

    hang.on = true;
    void h.app.library.verify();
    await until(async () => (await h.db.syncState.get(id))?.status === 'verifying' && (await h.db.syncState.get(id))!.done >= 1);
    // The worker that runs it shows it checking.
    expect((await h.app.accounts.list())[0]?.sync).toMatchObject({ status: 'verifying' });

    const h2 = await h.restart();
    // The record is as the stopped worker left it...
    expect(await h2.db.syncState.get(id)).toMatchObject({ status: 'verifying' });
    // ...but no check goes on: the account reads as it was before the check, settled.
    expect((await h2.app.accounts.list())[0]?.sync).toMatchObject({ status: 'idle' });
    expect((await h2.app.state()).accounts[0]?.sync.status).toBe('idle');
    // No badge lost its verdict, and none the check had not reached was written.
    const after = byKey(await h2.db.badges.byAccount(id));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    let untouched = 0;
    for (const [key, r] of after) {
      expect(r.verdict).toBe(before.get(key)!.verdict);
      if (r.rev === before.get(key)!.rev) untouched++;
    }
    expect(untouched).toBeGreaterThanOrEqual(after.size - 1);

    // A new check in the new worker runs and ends as usual.
    hang.on = false;
    const checked = h2.app.library.verify();
    expect(await checked).toEqual({ verified: after.size });
    expect(await h2.db.syncState.get(id)).toMatchObject({ status: 'idle' });
    h.app.sync.destroy();
  });

  it('a failed sync waiting for its retry reads as that failure, with its retry time', () => {
    const retryAt = Date.now() + 60_000;
    const error = { code: 'SERVER_ERROR', message: 'HTTP 500' };
    const s = { accountId: 'a', status: 'verifying' as const, done: 2, total: 5, failures: 1, retryAt, error };
    expect(syncView(s, false, false)).toEqual({ status: 'error', done: 2, total: 5, error, retryAt: new Date(retryAt).toISOString() });
    expect(syncView({ ...s, error: undefined, retryAt: undefined }, true, false)).toEqual({ status: 'idle', done: 2, total: 5 });
    // While it runs in this worker, it shows running.
    expect(syncView(s, true, true)).toMatchObject({ status: 'verifying', done: 2, total: 5 });
  });

  it('a check whose badge throws does not leave the account verifying in its own worker', async () => {
    const h = await harness({ wrapVerifier: (v) => ({ matchRecipient: v.matchRecipient, verify: (input, ids, o) => v.verify(input, ids, o) }) });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    const get = h.db.originals.get.bind(h.db.originals);
    h.db.originals.get = async () => {
      throw new Error('the database broke');
    };
    await expect(h.app.library.verify()).rejects.toThrow('the database broke');
    h.db.originals.get = get;
    expect(await h.db.syncState.get(id)).toMatchObject({ status: 'idle' });
    expect((await h.app.accounts.list())[0]?.sync.status).toBe('idle');
  });

  it('keeps its worker up while it runs, as a sync does: closing the popup that asked does not cut it short', async () => {
    const signals: AbortSignal[] = [];
    const gate = { closed: false, reached: false, release: () => undefined as void };
    const h = await harness({
      keepAlive: (signal) => void signals.push(signal),
      wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
        verify: async (input, ids, o) => {
          if (gate.closed && !gate.reached) {
            gate.reached = true;
            await new Promise<void>((r) => (gate.release = r));
          }
          return v.verify(input, ids, o);
        },
      }),
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    await until(async () => !h.app.sync.isRunning(id));
    const before = signals.length;
    gate.closed = true;
    const checked = h.app.library.verify();
    await until(async () => gate.reached);
    const mine = signals.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.aborted).toBe(false);
    gate.release();
    await checked;
    expect(mine[0]!.aborted).toBe(true);
    // Check again on one badge is the popup's own wait: no keep-alive of its own.
    await h.app.library.verify((await h.db.badges.byAccount(id))[0]!.key);
    expect(signals).toHaveLength(before + 1);
  });
});
