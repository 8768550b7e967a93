/** The badge count of one connection (db.ts badges.count), split out of db.ts. */
import type { IDBPDatabase } from 'idb';
import type { LanyardSchema } from './db-schema.ts';

/**
 * The badge count, read once and kept until the next write: only this worker opens the database
 * (background/wiring.ts; a new connection starts afresh), and every write to `badges` goes through
 * db.ts, which calls `changed()` as it creates the write's transaction. A count whose read
 * overlapped a write is returned but not kept: IndexedDB orders transactions over the same store
 * by creation, so a read started after `changed()` sees that write, and one started before is
 * not kept.
 */
export function badgeCount(db: IDBPDatabase<LanyardSchema>) {
  let kept: number | undefined;
  let writes = 0;
  return {
    changed(): void {
      writes++;
      kept = undefined;
    },
    async count(): Promise<number> {
      if (kept !== undefined) return kept;
      const before = writes;
      const n = await db.count('badges');
      if (writes === before) kept = n;
      return n;
    },
  };
}
