/**
 * "Add a badge" cancelled while the pasted link's host holds its answer: the Cancel ends the reply at once
 * (import-cancel.test.ts) and must also abort the request itself (the fetch's AbortSignal, WHATWG Fetch
 * §"abort fetch"), not leave it running until the verification's deadline; nothing is half-imported.
 * It passed when written: the import's signal already reaches fetch (library.ts → verifier.ts → core
 * context.ts fetchOnce → host-access.ts); this guards it against the test backpack's held endpoint.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 1 });

describe('a cancelled import aborts its link fetch', () => {
  it('the held request to a slow endpoint is aborted at the Cancel, and nothing is stored', async () => {
    const signals = new Map<string, AbortSignal | undefined>();
    const h = await harness({
      fetch: (url: string, init?: RequestInit) => {
        signals.set(url, init?.signal ?? undefined);
        return fetch(url, init);
      },
    });
    const link = `${ctx.bp.baseUrl}/public/assertions/ada-programmer`;
    const { arrived, release } = ctx.bp.control.holdNext('/public/assertions/ada-programmer');
    try {
      const imported = h.app.library.import({ kind: 'text', text: link }, 'slow-1');
      await until(() => signals.has(link) && arrived());
      expect(signals.get(link)?.aborted).toBe(false);
      expect(h.app.library.cancelImport('slow-1')).toEqual({ cancelled: true });
      expect(await failure(imported)).toMatchObject({ code: 'ERR_CANCELLED' });
      await until(() => signals.get(link)?.aborted === true);
      // The backpack sees the connection close while it still holds the request: not read to its end.
      await until(() => ctx.bp.control.abandoned.includes('/public/assertions/ada-programmer'));
      release();
      await new Promise((r) => setTimeout(r, 200));
      expect(await h.db.badges.count()).toBe(0);
      expect(await h.db.originals.all()).toEqual([]);
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});
