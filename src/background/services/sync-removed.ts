/**
 * A Remove made while a sync runs wins over that run. The run read the badge (or had not reached
 * it yet), verified it and wrote it back over the user's Remove: the badge came back. Now the
 * badges removed during a run are kept with the run (SyncRun.removed), and it writes none of them
 * again: not one it was verifying when the Remove came, nor one on a page it had not reached.
 *
 * The order makes it hold without a read in the sync's writes: library.ts remove marks the key in
 * the run going on in this worker (`add`), then in the stored run (`markRemoved`, for a run a
 * stopped worker left, which the next resumes), and only then deletes the badge. The sync's writer
 * leaves out a marked key as it starts each batch's transaction (sync-writes.ts), and IndexedDB
 * runs transactions over the same stores in the order they were created: a batch started before the
 * mark is written before the delete, one started after it leaves the badge out.
 *
 * A run that starts while a Remove is under way (after library.ts looked for a run to tell, before
 * the badge is deleted) counts that Remove as made during it (`underway`): it would otherwise list the
 * badge and write it back, for it read the stored run before the Remove could mark it, or there was
 * none to mark. A Remove is under way until its delete has ended; a run that starts after is a later
 * sync (below).
 *
 * The run keeps at most MAX_REMOVED_KEPT keys (each Remove rewrites the stored run, and a run waiting
 * on its retries can last days): past them it keeps `removedMore`, and a run resumed with it, in a
 * worker that no longer holds the list, writes no badge it does not hold as it reads each page (a
 * removed badge is one it does not hold), and does not move `since` on (sync-anchor.ts nextSince), so
 * that what it left out is listed again by the next run. The worker that saw the Removes knows each.
 *
 * Only this run: once it ends, the run and its list are gone, and a later sync that lists the badge
 * stores it again, as it stores any badge the provider lists that Lanyard does not hold (a Remove
 * takes a badge out of this browser, not out of the backpack). Badgr and OB 3.0 runs list every
 * badge; an incremental Badge Connect run lists only what changed since the last one.
 */
import type { Db } from '../../platform/db.ts';
import type { SyncRun } from '../../platform/records.ts';

/** The keys a stored run keeps (each at most MAX_KEY_LENGTH, 512): past them, `removedMore` (above). */
export const MAX_REMOVED_KEPT = 128;

export interface RemovedDuringRun {
  has(key: string): boolean;
  /** `award`: the award the removed record was (sync-award-key.ts storedAward), read before its delete. */
  add(key: string, award?: string): void;
  /** The award removed under `key` in this worker, when known: the plain key of an id stays its own (sync-award-key.ts). */
  award(key: string): string | undefined;
  /** The run, once read or started: the keys it kept (a resumed run's) join, and every key marked is kept with it. */
  attach(run: SyncRun): void;
  /** The run resumed had more Removes than it kept (`removedMore`): a badge not stored as a page is read may be one of them. */
  unknown(): boolean;
}

export function removedDuringRun(): RemovedDuringRun {
  const keys = new Set<string>();
  const awards = new Map<string, string>();
  let run: SyncRun | undefined;
  let inherited = false;
  /** Kept with the run, up to MAX_REMOVED_KEPT keys; past them, only that there were more. */
  const keep = (key: string) => {
    if (!run || run.removed?.includes(key)) return;
    if ((run.removed?.length ?? 0) >= MAX_REMOVED_KEPT) {
      run.removedMore = true;
      return;
    }
    run.removed = [...(run.removed ?? []), key];
    const award = awards.get(key);
    if (award !== undefined) run.removedAwards = [...(run.removedAwards ?? []), [key, award]];
  };
  return {
    has: (key) => keys.has(key),
    add(key, award) {
      keys.add(key);
      if (award !== undefined) awards.set(key, award);
      keep(key);
    },
    award: (key) => awards.get(key),
    attach(r) {
      for (const key of r.removed ?? []) keys.add(key);
      for (const [key, award] of r.removedAwards ?? []) if (keys.has(key)) awards.set(key, award);
      inherited = r.removedMore === true;
      run = r;
      for (const key of keys) keep(key);
    },
    unknown: () => inherited,
  };
}

/** The Removes under way in this worker, by account: from library.ts's `onRemoving` until the delete has ended. */
export interface RemovalsUnderway {
  /** Returns what ends it (called once the badge is deleted, or the Remove failed). `award`: as RemovedDuringRun.add. */
  begin(accountId: string, key: string, award?: string): () => void;
  /** A run starting: the account's Removes under way (key, and award when known). */
  of(accountId: string): readonly (readonly [string, string | undefined])[];
}

export function removalsUnderway(): RemovalsUnderway {
  const byAccount = new Map<string, (readonly [string, string | undefined])[]>();
  return {
    begin(accountId, key, award) {
      const entry = [key, award] as const;
      byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), entry]);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        const left = byAccount.get(accountId) ?? [];
        left.splice(left.indexOf(entry), 1);
        if (left.length) byAccount.set(accountId, left);
        else byAccount.delete(accountId);
      };
    },
    of: (accountId) => byAccount.get(accountId) ?? [],
  };
}

/**
 * Marks the key (and the award it was, when known) in the account's stored run, if one is stored (one
 * transaction, db.ts update); past MAX_REMOVED_KEPT keys, only that there were more (`removedMore`).
 */
export async function markRemoved(db: Pick<Db, 'syncState'>, accountId: string, key: string, award?: string): Promise<void> {
  await db.syncState.update(accountId, (s) => {
    if (!s?.run || s.run.removed?.includes(key)) return undefined;
    if ((s.run.removed?.length ?? 0) >= MAX_REMOVED_KEPT) return s.run.removedMore ? undefined : { ...s, run: { ...s.run, removedMore: true } };
    const awards = award !== undefined ? { removedAwards: [...(s.run.removedAwards ?? []), [key, award] as [string, string]] } : {};
    return { ...s, run: { ...s.run, removed: [...(s.run.removed ?? []), key], ...awards } };
  });
}
