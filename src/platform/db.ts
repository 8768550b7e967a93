/**
 * The extension's IndexedDB, through idb: the one place that opens it. Services get a `Db`, a
 * narrow set of stores, so that tests can run them over fake-indexeddb (or hand in fakes).
 */
import { openDB, unwrap, wrap, type IDBPDatabase, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, migrate, type LanyardSchema } from './db-schema.ts';
import { abortQuietly, completed, requested, updated } from './idb-requests.ts';
import { withKeyIndex } from './db-key-index.ts';
import { hiddenBadges, type HiddenBadges } from './db-hidden.ts';
import { badgeCount } from './db-badge-count.ts';
import { secretStore, type SecretStore } from './db-secrets.ts';
import { sortTimeOf } from '../core/share/dates.ts';
import type { AccountRecord, BadgeRecord, DocumentRecord, FullBadge, OriginalRecord, ResultRecord, SyncRecord } from './records.ts';

export interface Store<T> {
  get(key: string): Promise<T | undefined>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
  all(): Promise<T[]>;
  /**
   * Reads the record and writes what `change` makes of it in one readwrite transaction, so that no
   * other write lands between the read and the write (IndexedDB 3.0 §2.7.2 "Transaction scheduling":
   * read/write transactions whose scopes overlap run one after the other): a service changes its own fields of the record as it is now,
   * never writing back an older copy over someone else's change. `change` runs synchronously (an
   * await would let the transaction commit); undefined writes nothing. Resolves with what was written.
   */
  update(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
}

/** Badge records (no bytes: those are in `originals`); delete removes the original too. */
export interface BadgeStore extends Store<BadgeRecord> {
  byAccount(accountId: string): Promise<BadgeRecord[]>;
  countByAccount(accountId: string): Promise<number>;
  /** The keys of an account's badges, without reading the records (a sync's whole listing: sync-listed.ts). */
  keysByAccount(accountId: string): Promise<string[]>;
  /** How many badges were issued to this address (case-insensitive). */
  countByRecipient(address: string): Promise<number>;
  /**
   * How many badges there are. IndexedDB counts by walking every record (Chromium: 45-115 ms for
   * 10,000 badges, against 0.5 ms for 7; counting an index is no faster), and the popup's first
   * screen waits for it (state/get): the count is kept for this connection and dropped by every
   * write through it (badgeCount below).
   */
  count(): Promise<number>;
  /** Several badges by key in one transaction (a sync page's), undefined where there is none. */
  getMany(keys: readonly string[]): Promise<(BadgeRecord | undefined)[]>;
  /**
   * The newest badges (by sortTime, the popup's "newest" order): at least `limit` of them when
   * there are that many, plus any that tie with the last, so the popup's own sort of this page
   * (ties by name) gives exactly the top of the whole list. Reads only these records, and at most
   * NEWEST_TIES past the limit: a larger group issued at the same instant (an imported batch) would
   * make the first screen read them all (issue 14: 10,000 such copies took the popup's first screen
   * from one page's read to the whole store's); the popup's full list, loaded next, orders those.
   */
  newest(limit: number): Promise<BadgeRecord[]>;
  /** Removes every badge of an account; returns how many. */
  deleteByAccount(accountId: string): Promise<number>;
}

/**
 * IDBIndex.getAllRecords (Chromium 141+; not in Firefox 140): up to `count` records in one request
 * and in either direction, where a cursor takes a round trip to the database per record (Chromium
 * prefetches after the second). The popup's first screen reads 20 this way.
 */
type IndexWithRecords = IDBIndex & { getAllRecords?(options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }): IDBRequest<unknown[]> };

/** How many badges tied with the last of the newest `limit` are read with them, at most. */
export const NEWEST_TIES = 100;

export interface Db {
  badges: BadgeStore;
  originals: Store<OriginalRecord>;
  accounts: Store<AccountRecord>;
  /** With the conditional delete of a registered client (db-secrets.ts). */
  secrets: SecretStore;
  documents: Store<DocumentRecord>;
  results: Store<ResultRecord>;
  syncState: Store<SyncRecord>;
  /** Writes a badge with its original, and the sync progress if given, in one transaction: the count never runs ahead of the badges. */
  saveBadge(badge: FullBadge, sync?: SyncRecord): Promise<void>;
  /** Several badges and the sync progress in one transaction (a sync's writes, batched: one transaction each costs more than its puts). */
  saveBadges(badges: readonly FullBadge[], sync?: SyncRecord): Promise<void>;
  /**
   * Writes a badge with its original only if its stored record is still `read` (the same `rev`;
   * undefined: still none), checked and written in one transaction. False, and nothing written, when
   * another write came between (a sync, an import, a sign-out): a result made from `read` is stale.
   */
  saveBadgeIf(badge: FullBadge, read: BadgeRecord | undefined): Promise<boolean>;
  /** Badges kept out of the list inside their original (db-hidden.ts). */
  hidden: HiddenBadges;
  close(): void;
}

type Raw = IDBPDatabase<LanyardSchema>;
type Name = StoreNames<LanyardSchema>;

/** The connection idb wraps, for the requests of idb-requests.ts. */
const rawOf = (db: Raw): IDBDatabase => unwrap(db) as unknown as IDBDatabase;

function store<N extends Name>(db: Raw, name: N): Store<LanyardSchema[N]['value']> {
  type V = LanyardSchema[N]['value'];
  const raw = rawOf(db);
  const write = async (op: (s: IDBObjectStore) => unknown): Promise<void> => {
    const tx = raw.transaction(name, 'readwrite');
    op(tx.objectStore(name));
    await completed(tx);
  };
  return {
    get: async (key) => (await requested(raw.transaction(name).objectStore(name).get(key))) as V | undefined,
    put: (value) => write((s) => s.put(value)),
    delete: (key) => write((s) => s.delete(key)),
    all: async () => (await requested(raw.transaction(name).objectStore(name).getAll())) as V[],
    update: (key, change) => updated(raw, name, key, change),
  };
}

/**
 * The record as stored: with the sort key the bySortTime index reads, and a new `rev`, which tells
 * a write made from a record read earlier whether another write came between (saveBadgeIf).
 */
const stamped = (r: BadgeRecord): BadgeRecord => ({ ...r, sortTime: sortTimeOf(r.meta.issuedOn), rev: crypto.randomUUID() });

function badgeStore(db: Raw, counter: ReturnType<typeof badgeCount>): BadgeStore {
  return {
    ...store(db, 'badges'),
    put: async (value) => {
      const tx = rawOf(db).transaction('badges', 'readwrite');
      counter.changed();
      tx.objectStore('badges').put(stamped(value));
      await completed(tx);
    },
    update(key, change) {
      counter.changed();
      return updated(rawOf(db), 'badges', key, change, stamped);
    },
    async delete(key) {
      const tx = db.transaction(['badges', 'originals'], 'readwrite');
      counter.changed();
      await Promise.all([tx.objectStore('badges').delete(key), tx.objectStore('originals').delete(key), tx.done]);
    },
    byAccount: (accountId) => db.getAllFromIndex('badges', 'byAccount', accountId),
    countByAccount: (accountId) => db.countFromIndex('badges', 'byAccount', accountId),
    keysByAccount: (accountId) => db.getAllKeysFromIndex('badges', 'byAccount', accountId),
    countByRecipient: (address) => db.countFromIndex('badges', 'byRecipient', address.toLowerCase()),
    count: counter.count,
    async getMany(keys) {
      const badges = rawOf(db).transaction('badges').objectStore('badges');
      return (await Promise.all(keys.map((k) => requested(badges.get(k))))) as (BadgeRecord | undefined)[];
    },
    async newest(limit) {
      const tx = db.transaction('badges');
      const index = unwrap(tx.store.index('bySortTime')) as IndexWithRecords;
      if (limit > 0 && typeof index.getAllRecords === 'function') {
        // Both reads in this one transaction (each awaited read keeps it active): nothing written in between.
        const get = async (query: IDBKeyRange | null, count: number) => ((await wrap(index.getAllRecords!({ query, count, direction: 'prev' }))) as unknown as { value: BadgeRecord }[]).map((r) => r.value);
        // One more than asked: when it does not tie with the last, nothing further can, and the
        // ties' second request is not needed (issue 14: at 10,000 badges the first screen's reply
        // took ~4 ms more than with none, two requests of the index instead of one).
        const out = await get(null, limit + 1);
        const last = out.length > limit ? out[limit - 1]!.sortTime : undefined;
        const next = out.length > limit ? out.pop()!.sortTime : undefined;
        if (last !== undefined && next === last) {
          // The ties come in the cursor's order (the index's key, then the primary key, both descending): the first are those read already.
          const already = out.filter((r) => r.sortTime === last).length;
          out.push(...(await get(IDBKeyRange.only(last), already + NEWEST_TIES)).slice(already));
        }
        await tx.done;
        return out;
      }
      const out: BadgeRecord[] = [];
      for (let c = await tx.store.index('bySortTime').openCursor(null, 'prev'); c; c = await c.continue()) {
        if (out.length >= limit && (c.value.sortTime !== out[out.length - 1]!.sortTime || out.length >= limit + NEWEST_TIES)) break;
        out.push(c.value);
      }
      await tx.done;
      return out;
    },
    async deleteByAccount(accountId) {
      const tx = db.transaction(['badges', 'originals'], 'readwrite');
      counter.changed();
      const originals = tx.objectStore('originals');
      let n = 0;
      for (let c = await tx.objectStore('badges').index('byAccount').openCursor(accountId); c; c = await c.continue()) {
        await originals.delete(c.primaryKey);
        await c.delete();
        n++;
      }
      await tx.done;
      return n;
    },
  };
}

export interface OpenOptions {
  name?: string;
  /** The browser closed the connection (storage cleared, disk error): drop cached handles. */
  onTerminated?: () => void;
}

export async function openDb({ name = DB_NAME, onTerminated }: OpenOptions = {}): Promise<Db> {
  const db = await openDB<LanyardSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // idb does not await this: keep the migration on the upgrade transaction, and abort it on failure.
      migrate(database as unknown as IDBPDatabase<unknown>, tx as never, oldVersion).catch((e: unknown) => {
        console.error('[lanyard] database migration failed', e);
        tx.abort();
      });
    },
    // Another context wants a newer version: let it, and reopen on next use.
    blocking() {
      db.close();
      onTerminated?.();
    },
    terminated() {
      onTerminated?.();
    },
  });
  const counter = badgeCount(db);
  async function saveBadges(badges: readonly FullBadge[], sync?: SyncRecord): Promise<void> {
    for (const { record, original } of badges) if (original.key !== record.key) throw new Error('saveBadge: the original belongs to another badge');
    const tx = rawOf(db).transaction(['badges', 'originals', 'syncState'], 'readwrite');
    counter.changed();
    // A failed put aborts the transaction: completed() rejects with its error, and nothing is written.
    const done = completed(tx);
    try {
      const [records, originals] = [tx.objectStore('badges'), tx.objectStore('originals')];
      for (const { record, original } of badges) {
        records.put(stamped(record));
        originals.put(original);
      }
      if (sync) tx.objectStore('syncState').put(sync);
    } catch (e) {
      // A put refused at once (a key that is not a valid key, a value that cannot be cloned): the
      // puts queued before it must not commit either.
      abortQuietly(tx, done);
      throw e;
    }
    await done;
  }
  async function saveBadgeIf({ record, original }: FullBadge, read: BadgeRecord | undefined): Promise<boolean> {
    if (original.key !== record.key || (read && read.key !== record.key)) throw new Error('saveBadgeIf: the original or the record read belongs to another badge');
    const tx = rawOf(db).transaction(['badges', 'originals'], 'readwrite');
    counter.changed();
    const done = completed(tx);
    let written = false;
    try {
      const records = tx.objectStore('badges');
      const stored = (await requested(records.get(record.key))) as BadgeRecord | undefined;
      // Records written before `rev` existed have none: one read and still stored compares equal (undefined).
      if (stored === undefined ? read === undefined : read !== undefined && stored.rev === read.rev) {
        records.put(stamped(record));
        tx.objectStore('originals').put(original);
        written = true;
      }
    } catch (e) {
      abortQuietly(tx, done);
      throw e;
    }
    await done;
    return written;
  }
  return {
    badges: badgeStore(db, counter),
    originals: store(db, 'originals'),
    accounts: store(db, 'accounts'),
    secrets: secretStore(store(db, 'secrets'), rawOf(db)),
    documents: withKeyIndex(store(db, 'documents'), () => db.getAllKeys('documents'), (d) => d.url),
    results: store(db, 'results'),
    syncState: store(db, 'syncState'),
    saveBadge: (badge, sync) => saveBadges([badge], sync),
    saveBadges,
    saveBadgeIf,
    hidden: hiddenBadges(rawOf(db), counter.changed, stamped),
    close: () => db.close(),
  };
}
