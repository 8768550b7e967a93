/// <reference types="chrome" />
/**
 * A sync cut short in Chromium (run `npm run build` first): with the test backpack slowed, the
 * service worker is stopped through the DevTools protocol after n of m badges (n < m); the next
 * sync resumes, and afterwards every badge is there exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { call, currentWorker, extensionPage, grantHosts, readStore, signInOb3, stopWorkers, waitFor, workerInstance } from './support/extension.ts';

const EXTRA = 60;
let ext: Launched;
let bp: Backpack;
let page: Page;

interface SyncView {
  status: string;
  done: number;
  total: number;
  error?: { code: string; message: string };
}
type State = { accounts: { id: string; sync: SyncView }[] };

beforeAll(async () => {
  bp = await startBackpack({ port: 0, badges: EXTRA });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  page = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
  await bp?.close();
});

const syncOf = async (id: string): Promise<SyncView | undefined> => (await call<State>(page, 'state/get', {})).accounts.find((a) => a.id === id)?.sync;

describe('a sync interrupted by a stopped service worker', () => {
  it('loses nothing and duplicates nothing when it resumes', async () => {
    const m = [...bp.control.stateForTests.badgesOf('user-ada')].filter((b) => b.kind === 'ob3-jwt' || b.kind === 'ob3-di').length;
    expect(m).toBe(EXTRA + 5);
    // Slow: every answer waits, so a sync takes many seconds.
    bp.control.setDelay(150);
    const { id } = await signInOb3(ext, page, bp.baseUrl, ADA);
    // Signing in starts the first sync; wait for a few badges, then stop the worker.
    await call(page, 'sync/start', { accountId: id });
    const before = await waitFor(async () => {
      const s = await syncOf(id);
      return s && s.status === 'syncing' && s.done >= 3 && s;
    }, 40_000, 50);
    await workerInstance(await currentWorker(ext), 'the worker that was syncing');
    await stopWorkers(ext);

    // A new worker (woken by this message) finds the interrupted run where the old one left it, and
    // says it stopped rather than showing it as still going (views.ts syncView: no run in this worker).
    const after = (await syncOf(id))!;
    expect(after.status).toBe('error');
    expect(after.error?.code).toBe('ERR_INTERRUPTED');
    expect(after.total).toBe(m);
    const n = after.done;
    expect(n).toBeGreaterThanOrEqual(before.done);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(m);
    const fresh = await currentWorker(ext);
    expect(await workerInstance(fresh)).toBeUndefined();
    const kept = (await readStore<{ key: string; accountId: string }>(fresh, 'badges')).filter((b) => b.accountId === id);
    expect(kept.length).toBeGreaterThanOrEqual(n);
    expect(kept.length).toBeLessThan(m);

    bp.control.setDelay(0);
    expect(await call(page, 'sync/start', { accountId: id })).toEqual({ started: true });
    const done = await waitFor(async () => {
      const s = await syncOf(id);
      if (s?.status === 'error') throw new Error(`sync failed: ${s.error?.message}`);
      return s?.status === 'idle' && s;
    }, 60_000, 200);
    expect(done).toMatchObject({ done: m, total: m });
    const badges = (await readStore<{ key: string; accountId: string; verdict: string }>(await currentWorker(ext), 'badges')).filter((b) => b.accountId === id);
    expect(badges).toHaveLength(m);
    expect(new Set(badges.map((b) => b.key)).size).toBe(m);
    for (const k of kept) expect(badges.map((b) => b.key)).toContain(k.key);
    expect(badges.every((b) => ['valid', 'invalid', 'indeterminate'].includes(b.verdict))).toBe(true);
  });
});
