/**
 * One page of a sync's listing: its items verified a few at a time and saved as each is done. Most
 * of a badge's time is waiting on the network (its baked image, hosted assertion, badge class), so a
 * page's items are verified `concurrency` at a time, each saved with the progress as soon as it is
 * verified (sync-writes.ts: the saves that come together share a transaction).
 */
import type { FullBadge } from '../../platform/records.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import type { SyncItem } from './providers/index.ts';
import type { RunContext } from './sync-badge.ts';
import type { SyncWriter } from './sync-writes.ts';
import type { RemovedDuringRun } from './sync-removed.ts';
import type { RunCount } from './sync-count.ts';
import { eachConcurrently } from './sync-limits.ts';

export interface PageRun {
  ctx: RunContext;
  /** The run's progress: each item counted as it is verified (or skipped), once however often it is met, and noted as done (sync-count.ts). */
  count: RunCount;
  removed: RemovedDuringRun;
  writer: SyncWriter;
  processOrNote: (ctx: RunContext, item: SyncItem, signal: AbortSignal) => Promise<FullBadge | null>;
  concurrency: number;
  signal: AbortSignal;
}

/**
 * A lane goes on to its next item while its save is written (the wait for each write was on every
 * badge's path: ~11 ms a save in bench/support/profile-sync.ts); no new item starts once a save has
 * failed. Resolves once every save started has ended, and throws the first failure then: the caller
 * moves the cursor only after, and items are upserted by key, so a run cut short resumes at this
 * page and loses nothing.
 */
export async function runPageItems(items: readonly SyncItem[], p: PageRun): Promise<void> {
  const { ctx, count, removed, writer, signal } = p;
  const saving: Promise<void>[] = [];
  let saveFailed: { error: unknown } | undefined;
  try {
    await eachConcurrently(items, p.concurrency, async (item) => {
      signal.throwIfAborted();
      if (saveFailed) throw saveFailed.error;
      // Removed by the user during this run: not verified, nor written back (sync-removed.ts); when
      // more were removed than the run kept, and this worker did not see them, any badge not held.
      const key = badgeKey(ctx.account.id, item.sourceId);
      if (removed.has(key) || (removed.unknown() && !ctx.existing.get(key))) {
        count.add(item);
        return;
      }
      const badge = await p.processOrNote(ctx, item, signal);
      signal.throwIfAborted();
      count.add(item);
      saving.push(writer.save(badge).catch((error: unknown) => void (saveFailed ??= { error })));
    });
  } finally {
    await Promise.all(saving);
  }
  if (saveFailed) throw saveFailed.error;
}
