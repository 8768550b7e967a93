/**
 * A run's progress count, `done` of "n of m": the distinct badges it handled. A worker knows which
 * badges it handled only in memory (sync-anchor.ts createSeen); a run resumed by another worker
 * (Manifest V3 stops workers mid-run) starts from what the run saved at its page. Two counts are kept:
 *
 * - the pass: the distinct badges listed from the listing's first page up to the run's position
 *   (`SyncRun.passDone` before the cursor's page, and those of that page on this worker handled);
 *   a listing read again from its first page (a relist, sync-anchor.ts, or a start over,
 *   sync-cursor.ts) begins a new pass at 0;
 * - the count shown before that (`SyncRun.doneBeforePage`), which a new pass does not lower;
 * - and the badges this worker handled (`seen`): in the worker that began the run, every badge it
 *   handled, one the provider deleted since included (a relist's new pass no longer lists it).
 *
 * `done` is the largest. Each is no more than the distinct badges the run handled: the pass counts a
 * badge once, whichever worker handled it, and a badge listed again in a new pass counts in it, not on
 * top of the count shown. A single count, one up for each badge handled, counted again in a relist
 * every badge an earlier worker had counted (that worker's memory gone), and a start over set it to
 * the new worker's count, 0 after a restart, saved and shown before the listing counted up again.
 */
import type { SyncRecord, SyncRun } from '../../platform/records.ts';
import type { SyncItem } from './providers/index.ts';
import { createSeen } from './sync-anchor.ts';

export function createCount(s: SyncRecord, run: SyncRun) {
  const seen = createSeen();
  let shown = run.doneBeforePage;
  // A run an older version saved kept no pass: its count stands for it.
  let before = run.passDone ?? run.doneBeforePage;
  let pass = new Set<string>();
  const update = (): void => void (s.done = Math.max(shown, before + pass.size, seen.size));
  update();
  return {
    /** A badge of the page handled (verified, noted, or skipped as removed during the run). */
    add(item: SyncItem): void {
      seen.add(item);
      pass.add(item.sourceId);
      update();
    },
    /** The entries of the page this run has yet to handle (a page read again does nothing twice); those this worker handled already count in the pass at once. */
    fresh(listed: readonly SyncItem[]): SyncItem[] {
      const fresh = seen.fresh(listed);
      const left = new Set(fresh);
      for (const item of listed) if (!left.has(item)) pass.add(item.sourceId);
      update();
      return fresh;
    },
    /** The page is done, the cursor about to move on: what a worker resuming at the next page starts from. */
    pageDone(): void {
      run.doneBeforePage = s.done;
      run.passDone = before + pass.size;
    },
    /** The listing from its first page again: a new pass, the count shown kept. */
    restart(): void {
      shown = s.done;
      before = 0;
      pass = new Set();
      run.doneBeforePage = s.done;
      run.passDone = 0;
    },
  };
}

export type RunCount = ReturnType<typeof createCount>;
