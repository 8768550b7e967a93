/**
 * A worker stopped mid-run (Manifest V3 stops idle workers; the browser closes) left the account's
 * sync record `syncing`, and the popup showed it spinning until the next run. Now a `syncing`
 * record whose run is not going on in this worker reads as interrupted (views.ts syncView), and
 * the next run resumes at the stored page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncView } from '../../src/background/services/views.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const LIST = '/ims/ob/v3p0/credentials';
const PAGE = 3;
const offsetOf = (search: string | undefined): number => Number(new URLSearchParams(search ?? '').get('offset') ?? 0);

afterEach(() => {
  ctx.bp.control.resume();
  ctx.bp.control.clearFaults();
});

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await cond()).toBe(true);
}

describe('a sync whose worker was stopped mid-run', () => {
  it('reads as interrupted in a new worker, running in its own, and the next run resumes at the stored page', async () => {
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await until(async () => !h.app.sync.isRunning(id));
    // The second page hangs: the run has stored its cursor past the first page when the worker "dies".
    ctx.bp.control.onRequest({ path: LIST, skip: 1 }, () => ctx.bp.control.pause());
    void h.app.sync.run(id);
    await until(async () => ctx.bp.control.paused && (await h.db.syncState.get(id))?.run?.cursor !== undefined);
    // The page before the paused request is saved.
    await new Promise((r) => setTimeout(r, 200));
    const stored = (await h.db.syncState.get(id))!;
    expect(stored.status).toBe('syncing');

    // The worker that runs it still shows it running.
    expect((await h.app.accounts.list())[0]?.sync).toMatchObject({ status: 'syncing' });
    // A new worker (the same database): not spinning, interrupted, nothing of it lost.
    const h2 = await h.restart();
    const view = (await h2.app.accounts.list())[0]!.sync;
    expect(view).toMatchObject({ status: 'error', done: stored.done, error: { code: 'ERR_INTERRUPTED' } });
    expect(view.retryAt).toBeUndefined();
    expect((await h2.app.state()).accounts[0]?.sync.status).toBe('error');
    // The record itself is left for the next run to resume.
    expect(await h2.db.syncState.get(id)).toMatchObject({ status: 'syncing', run: { cursor: stored.run!.cursor } });

    h.app.sync.destroy();
    ctx.bp.control.clearFaults();
    ctx.bp.control.resume();
    const from = ctx.bp.control.requests.length;
    expect(await h2.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const first = ctx.bp.control.requests.slice(from).find((r) => r.path === LIST)!;
    expect(offsetOf(first.search)).toBe(offsetOf(new URL(stored.run!.cursor!).search) - 1);
  });

  it('shows the failure it had counted before an in-place retry, with its retry time, rather than a bare interruption', () => {
    const retryAt = Date.now() + 60_000;
    const s = { accountId: 'a', status: 'syncing' as const, done: 3, total: 9, failures: 1, retryAt, error: { code: 'SERVER_ERROR', message: 'HTTP 500' } };
    expect(syncView(s, false)).toEqual({ status: 'error', done: 3, total: 9, error: s.error, retryAt: new Date(retryAt).toISOString() });
    expect(syncView(s, true)).toMatchObject({ status: 'syncing' });
  });
});
