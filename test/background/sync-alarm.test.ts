/**
 * The worker's sync alarms (src/background/sync-alarm.ts): an account's retry alarm (`sync-retry:`)
 * ran the account's sync whatever its retry time, so an alarm that fired early (a stale one, one
 * set before a failure moved the retry on) bypassed the backoff a failed run set (retry.ts
 * nextRetryAt, syncState.retryAt). Now it honours retryAt as the periodic sync does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncAlarm } from '../../src/background/sync-alarm.ts';
import { retryAlarm } from '../../src/background/services/sync.ts';
import { SYNC_ALARM } from '../../src/background/services/settings.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const LIST = '/ims/ob/v3p0/credentials';
const asked = () => ctx.bp.control.requests.filter((r) => r.path === LIST).length;

afterEach(() => ctx.bp.control.clearFaults());

describe('an account retry alarm', () => {
  it('leaves the backpack alone before the retry time, sets itself again for it, and runs once it has come', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    ctx.bp.control.failNext({ status: 500, path: LIST, count: 100 });
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error', failures: 1, error: { code: 'SERVER_ERROR' } });
    const retryAt = failed.retryAt!;
    expect(retryAt).toBeGreaterThan(Date.now() + 30_000);

    // An early alarm (a watchdog's, say, that fired a minute after the run began).
    h.platform.alarms.scheduled.delete(retryAlarm(id));
    const before = asked();
    expect(await syncAlarm(retryAlarm(id), async () => h.app.sync)).toMatchObject({ status: 'error', failures: 1, retryAt });
    expect(asked()).toBe(before);
    expect(h.platform.alarms.scheduled.get(retryAlarm(id))).toBe(retryAt);

    // The retry time has come: it runs.
    ctx.bp.control.clearFaults();
    h.clock.offsetMs = retryAt - Date.now() + 1000;
    expect(await syncAlarm(retryAlarm(id), async () => h.app.sync)).toMatchObject({ status: 'idle', failures: 0 });
    expect(asked()).toBeGreaterThan(before);
  });

  it('resumes a run whose worker stopped (no failure recorded: no retry time to wait for)', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.db.syncState.put({ accountId: id, status: 'syncing', done: 0, total: 0, failures: 0, run: { id: 'r', startedAt: new Date().toISOString(), doneBeforePage: 0 } });
    const before = asked();
    expect(await syncAlarm(retryAlarm(id), async () => h.app.sync)).toMatchObject({ status: 'idle' });
    expect(asked()).toBeGreaterThan(before);
  });

  it('is told from the periodic sync and from alarms that are not the sync\'s', async () => {
    const calls: string[] = [];
    const sync = async () => ({ runDue: async (a: string) => void calls.push(`due:${a}`), runAll: async () => void calls.push('all') }) as never;
    await syncAlarm(retryAlarm('acc-1'), sync);
    await syncAlarm(SYNC_ALARM, sync);
    expect(syncAlarm('something-else', sync)).toBeUndefined();
    expect(calls).toEqual(['due:acc-1', 'all']);
  });
});
