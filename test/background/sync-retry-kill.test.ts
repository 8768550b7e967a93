/**
 * A failed request is retried in place (retry.ts withRetries: 1, 2, 4 s) before the run fails and
 * the backoff between runs (syncState.retryAt: 1, 2, 4 … 60 minutes with jitter) applies. A
 * Manifest V3 worker may be stopped while it waits there: the failure is then recorded already,
 * before the first wait, so that a backpack that always fails is not asked again at every wake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { retryAlarm } from '../../src/background/services/sync.ts';
import { harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
const CREDENTIALS = '/ims/ob/v3p0/credentials';
const asked = () => ctx.bp.control.requests.filter((r) => r.path === CREDENTIALS).length;

afterEach(() => ctx.bp.control.clearFaults());

/** Services whose in-place retry never ends: the worker is stopped while it waits. */
async function dyingWorker(from?: Harness): Promise<Harness & { waited: number[] }> {
  const waited: number[] = [];
  const syncOptions = { sleep: (ms: number) => (waited.push(ms), new Promise<void>(() => undefined)) };
  const h = from ? await from.restart() : await harness({ syncOptions });
  // restart() keeps the first harness's options; the new services wait as this one's do.
  return Object.assign(h, { waited: from ? (from as Harness & { waited: number[] }).waited : waited });
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

describe('a worker stopped while it retries a failed request', () => {
  it('has counted the failure: the next wakes leave the backpack alone until the retry time, which grows with each failure in a row', async () => {
    const h = await dyingWorker();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 1000 });

    // Sync now: the list answers 500, and the worker is stopped during the first wait.
    void h.app.sync.run(id);
    await until(() => h.waited.length === 1);
    const first = (await h.db.syncState.get(id))!;
    expect(first).toMatchObject({ failures: 1, error: { code: 'SERVER_ERROR' } });
    const wait1 = first.retryAt! - Date.now();
    expect(wait1).toBeGreaterThan(45_000);
    expect(wait1).toBeLessThanOrEqual(72_000);
    // The alarm that wakes the next worker is the retry time, not the one-minute watchdog.
    expect(h.platform.alarms.scheduled.get(retryAlarm(id))).toBe(first.retryAt);

    // The next worker, woken by the periodic alarm before that time: the backpack is not asked.
    const h2 = await dyingWorker(h);
    const before = asked();
    const [held] = await h2.app.sync.runAll();
    expect(held).toMatchObject({ failures: 1, retryAt: first.retryAt });
    expect(asked()).toBe(before);

    // Past it, the run goes, fails, and this worker is stopped while it waits too: the wait doubles.
    h2.clock.offsetMs = wait1 + 1000;
    void h2.app.sync.runAll();
    await until(() => h2.waited.length === 2);
    const second = (await h2.db.syncState.get(id))!;
    expect(asked()).toBe(before + 1);
    expect(second).toMatchObject({ failures: 2, error: { code: 'SERVER_ERROR' } });
    expect(second.retryAt! - (Date.now() + h2.clock.offsetMs)).toBeGreaterThan(wait1);
    expect(h2.platform.alarms.scheduled.get(retryAlarm(id))).toBe(second.retryAt);
  });

  it('a retry that then succeeds is no failure: the run completes with none counted', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(id);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 1 });
    const s = await h.app.sync.run(id);
    expect(h.waits.length).toBe(1);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.error).toBeUndefined();
    expect(s.retryAt).toBeUndefined();
    expect(await h.db.syncState.get(id)).toEqual(s);
  });
});
