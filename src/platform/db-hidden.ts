/**
 * A badge record kept out of the `badges` store, inside its own original (OriginalRecord.hidden):
 * not listed, counted, offered by the pickers or checked again, and nothing of it lost. Each move
 * is one readwrite transaction over both stores, so the record is always in exactly one of them
 * (IndexedDB 3.0 §2.7: a transaction commits whole or not at all). The rule of when a badge is
 * hidden is the background's (src/background/services/synced-twin.ts).
 */
import { abortQuietly, completed, requested } from './idb-requests.ts';
import type { BadgeRecord, OriginalRecord } from './records.ts';

export interface HiddenBadges {
  /**
   * Moves the badge stored under `key` into its original, while the badge `standsFor` is stored (read
   * in the same transaction: one removed meanwhile hides nothing); false (nothing written) when either
   * is missing or the badge has no original.
   */
  hide(key: string, standsFor: string): Promise<boolean>;
  /** Puts a hidden badge back in the list as it was; false when none is hidden under `key`. A badge stored under the key meanwhile is the newer one: it stays, and the hidden copy is dropped. */
  reveal(key: string): Promise<boolean>;
  /** Forgets a hidden badge and its original; false when none is hidden under `key`. */
  drop(key: string): Promise<boolean>;
}

export function hiddenBadges(raw: IDBDatabase, changed: () => void, stamped: (r: BadgeRecord) => BadgeRecord): HiddenBadges {
  async function move(key: string, step: (badges: IDBObjectStore, originals: IDBObjectStore, stored: BadgeRecord | undefined, original: OriginalRecord | undefined) => boolean, needs?: string): Promise<boolean> {
    const tx = raw.transaction(['badges', 'originals'], 'readwrite');
    changed();
    const done = completed(tx);
    let moved = false;
    try {
      const [badges, originals] = [tx.objectStore('badges'), tx.objectStore('originals')];
      const stored = (await requested(badges.get(key))) as BadgeRecord | undefined;
      const original = (await requested(originals.get(key))) as OriginalRecord | undefined;
      moved = (needs === undefined || (await requested(badges.count(needs))) > 0) && step(badges, originals, stored, original);
    } catch (e) {
      abortQuietly(tx, done);
      throw e;
    }
    await done;
    return moved;
  }
  const without = ({ hidden: _h, ...o }: OriginalRecord): OriginalRecord => o;
  return {
    hide: (key, standsFor) => move(key, (badges, originals, stored, original) => {
      if (!stored || !original) return false;
      originals.put({ ...original, hidden: stored });
      badges.delete(key);
      return true;
    }, standsFor),
    reveal: (key) => move(key, (badges, originals, stored, original) => {
      if (!original?.hidden) return false;
      if (!stored) badges.put(stamped(original.hidden));
      originals.put(without(original));
      return !stored;
    }),
    drop: (key) => move(key, (_badges, originals, stored, original) => {
      if (!original?.hidden || stored) return false;
      originals.delete(key);
      return true;
    }),
  };
}
