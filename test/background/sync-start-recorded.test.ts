/**
 * `sync/start` answers once each run it started has recorded itself as syncing: a popup that polls
 * `sync/status` right after the answer sees the new run, never the last run's end (an error of the
 * run before read as this run's failure).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

describe('sync.start', () => {
  it('answers once the run it started is recorded as syncing, after a failed run', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    ctx.bp.control.failNext({ status: 503, path: '/v2/backpack/assertions', count: 10 });
    const failed = await h.app.sync.run(id);
    expect(failed.status).toBe('error');
    ctx.bp.control.clearFaults();
    expect(await h.app.sync.start(id)).toEqual({ started: true });
    // Read at once, before the run goes further: this run's record, not the failed one's.
    const seen = await h.db.syncState.get(id);
    expect(seen).toMatchObject({ status: 'syncing' });
    expect(seen?.error).toBeUndefined();
    const end = await h.app.sync.run(id);
    expect(end.status).toBe('idle');
  });

  it('answers started: false for a run already going, and true for every account it starts', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const going = h.app.sync.run(id);
    expect(await h.app.sync.start(id)).toEqual({ started: false });
    await going;
    expect(await h.app.sync.start()).toEqual({ started: true });
    expect(await h.db.syncState.get(id)).toMatchObject({ status: 'syncing' });
    await h.app.sync.run(id);
  });
});
