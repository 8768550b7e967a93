/** A sync's batched writes (sync-writes.ts): saves that arrive during a write go together, and the progress never counts a badge not yet written. */
import { describe, expect, it } from 'vitest';
import { createSyncWriter } from '../../src/background/services/sync-writes.ts';
import type { FullBadge, SyncRecord } from '../../src/platform/records.ts';

const badge = (key: string) => ({ record: { key }, original: { key, bytes: new Uint8Array() } }) as unknown as FullBadge;

function fakeDb(fail?: (n: number) => boolean) {
  const batches: { keys: string[]; done: number }[] = [];
  const written = new Set<string>();
  let calls = 0;
  return {
    batches,
    written,
    async saveBadges(badges: readonly FullBadge[], sync?: SyncRecord) {
      const n = calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail?.(n)) throw new Error(`write ${n} failed`);
      for (const b of badges) written.add(b.record.key);
      batches.push({ keys: badges.map((b) => b.record.key), done: sync!.done });
      // While writes succeed, what the progress counts is written by now (this batch or an earlier
      // one). After a failure the run stops and resumes at its page (sync.ts), as before batching.
      if (!fail) expect(sync!.done).toBeLessThanOrEqual(written.size + batches.filter((x) => x.keys.length === 0).length);
    },
  };
}

describe('sync writes', () => {
  it('batches the saves that arrive while one is written, each with the progress as its batch started', async () => {
    const db = fakeDb();
    const s: SyncRecord = { accountId: 'a', status: 'syncing', done: 0, total: 10, failures: 0, run: { id: 'r', startedAt: '', doneBeforePage: 0 } };
    const w = createSyncWriter(db, s);
    const saves = ['1', '2', '3', '4', '5'].map((k) => (s.done++, w.save(badge(k))));
    await Promise.all(saves);
    expect(db.batches).toEqual([{ keys: ['1'], done: 1 }, { keys: ['2', '3', '4', '5'], done: 5 }]);
    s.done++;
    await w.save(null); // an unchanged badge: only the progress moves
    expect(db.batches.at(-1)).toEqual({ keys: [], done: 6 });
  });

  it("a failed write fails every save of its batch, and the next batch is written", async () => {
    const db = fakeDb((n) => n === 0);
    const s: SyncRecord = { accountId: 'a', status: 'syncing', done: 0, total: 3, failures: 0 };
    const w = createSyncWriter(db, s);
    s.done++;
    const first = w.save(badge('1'));
    s.done++;
    const second = w.save(badge('2'));
    await expect(first).rejects.toThrow('write 0 failed');
    await expect(second).resolves.toBeUndefined();
    expect(db.batches).toEqual([{ keys: ['2'], done: 2 }]);
  });
});
