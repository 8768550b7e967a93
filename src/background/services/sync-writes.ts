/**
 * A sync's writes, batched: each verified badge is saved with the run's progress (n of m), and the
 * saves that arrive while one transaction is being written go together in the next one. One
 * IndexedDB transaction a badge cost more than its puts (a 1,000-badge sync made 1,000 of them,
 * bench/support/profile-sync.ts); the batches keep the rule that made them one transaction: the
 * progress written never counts a badge that is not written with it or before it (the caller
 * counts a badge, then saves it; the progress is read when its batch starts).
 */
import type { Db } from '../../platform/db.ts';
import type { FullBadge, SyncRecord } from '../../platform/records.ts';

export interface SyncWriter {
  /** Saves a verified badge (null: one left as it was, only the progress moves); resolves once it is written. */
  save(badge: FullBadge | null): Promise<void>;
}

/** `removed`: a badge the user removed during the run is left out of every batch started after (sync-removed.ts). */
export function createSyncWriter(db: Pick<Db, 'saveBadges'>, progress: SyncRecord, removed?: (key: string) => boolean): SyncWriter {
  let queue: { badge: FullBadge | null; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writing = false;
  const pump = (): void => {
    if (writing || queue.length === 0) return;
    const batch = queue;
    queue = [];
    writing = true;
    // The progress as it is now: it counts only what has been queued (this batch or before).
    const now: SyncRecord = { ...progress, ...(progress.run ? { run: { ...progress.run } } : {}) };
    // Read as the batch's transaction is created (saveBadges creates it before its first wait).
    db.saveBadges(batch.flatMap((b) => (b.badge && !removed?.(b.badge.record.key) ? [b.badge] : [])), now)
      .then(() => batch.forEach((b) => b.resolve()), (e: unknown) => batch.forEach((b) => b.reject(e)))
      .finally(() => {
        writing = false;
        pump();
      });
  };
  return {
    save: (badge) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ badge, resolve, reject });
        pump();
      }),
  };
}
