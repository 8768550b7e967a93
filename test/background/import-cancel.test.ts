/**
 * "Add a badge" can be cancelled (badges/import-cancel, naming the import's `attempt`), as a sign-in and
 * an address change can: a pasted link whose host, or a badge whose issuer, does not answer held the
 * panel on "Adding…" with nothing to press until the verification's deadline. Cancelled, the reply says
 * ERR_CANCELLED at once and nothing is added, even when the held answer comes afterwards.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });
const text = (t: string) => ({ kind: 'text' as const, text: t });
const LINK = () => `${ctx.bp.baseUrl}/public/assertions/ada-programmer`;

describe('cancelling an import', () => {
  it('while the pasted link\'s host holds its answer: cancelled at once, nothing added after the answer comes', async () => {
    const h = await harness();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: '/public/assertions/ada-programmer', hold });
    try {
      const imported = h.app.library.import(text(LINK()), 'attempt-1');
      await until(() => h.fetched.includes(LINK()));
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      expect(h.app.library.cancelImport('attempt-1')).toEqual({ cancelled: true });
      expect(await failure(imported)).toMatchObject({ code: 'ERR_CANCELLED', message: expect.stringContaining('nothing was added') });
      expect(Date.now() - started).toBeLessThan(1000);
      release();
      await new Promise((r) => setTimeout(r, 300));
      expect(await h.db.badges.count()).toBe(0);
      // Ended: nothing left to cancel; the next import runs as usual.
      expect(h.app.library.cancelImport('attempt-1')).toEqual({ cancelled: false });
      expect((await h.app.library.import(text(LINK()), 'attempt-2')).name).toBeTruthy();
      expect(await h.db.badges.count()).toBe(1);
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('a Cancel that reaches the worker before its import (sent during the host prompt) ends it as it starts: nothing fetched', async () => {
    const h = await harness();
    expect(h.app.library.cancelImport('early')).toEqual({ cancelled: true });
    expect(await failure(h.app.library.import(text(LINK()), 'early'))).toMatchObject({ code: 'ERR_CANCELLED' });
    expect(h.fetched).toEqual([]);
    expect(await h.db.badges.count()).toBe(0);
  });

  it('only the import it names: another goes on', async () => {
    const h = await harness();
    expect(h.app.library.cancelImport('other')).toEqual({ cancelled: true });
    const view = await h.app.library.import(text(LINK()), 'mine');
    expect(view.name).toBeTruthy();
    expect(await h.db.badges.count()).toBe(1);
  });
});
