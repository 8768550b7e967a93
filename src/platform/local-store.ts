/**
 * The background's own settings store (issue 12 point 9): settings, the hover sites and their
 * grants, and anything else that decides what Lanyard fetches or trusts. Not storage.local: in
 * MV3 content scripts can read and write that area (setAccessLevel exists for storage.session
 * only), so a compromised renderer could turn hover on for every site. This is an IndexedDB
 * database of the extension's origin, which no content script can open (they run in the page's
 * origin). Values written by older versions to storage.local move here on first read.
 */
import { openDB, type IDBPDatabase } from 'idb';
import browser from './browser.ts';

export interface LocalStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const SETTINGS_DB = 'lanyard-settings';
const STORE = 'kv';

/** The storage.local methods the move from older versions needs. */
interface LegacyArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/**
 * A key looked for in storage.local and not found there is marked (`LEGACY_CHECKED` + key, read in
 * the same transaction as the key): later workers never ask storage.local for it again. Before,
 * each new worker asked once per key that was never set: the popup's first `state/get` after a
 * wake opened this database, read `settings`, then asked storage.local (an IPC to the browser),
 * in a row (issue 14, sw_wake_ms; bench/support/wake-probe.ts). Only an older version writes
 * storage.local; a value it wrote after a downgrade, for a key marked before it, is not moved.
 */
const LEGACY_CHECKED = 'legacy-checked:';

/**
 * The only keys an older version kept in storage.local (before this store: settings.ts, hover-sites.ts).
 * Any other key is never looked for there: content scripts can write that area, and one that planted,
 * say, `localAddresses` before the background first read it would have had it moved in as the user's.
 */
const LEGACY_KEYS: ReadonlySet<string> = new Set(['settings', 'hoverSites']);

/** `openNow`: start opening the database now (the worker's start: background/db-at-start.ts), not at the first read. */
export function createLocalStore(name = SETTINGS_DB, legacy: LegacyArea | undefined = browser.storage?.local as unknown as LegacyArea | undefined, openNow = false): LocalStore {
  let db: Promise<IDBPDatabase> | undefined;
  const forget = async (key: string) => {
    if (typeof legacy?.remove === 'function') await legacy.remove(key).catch(() => undefined);
  };
  const open = () =>
    (db ??= openDB(name, 1, { upgrade: (d) => void d.createObjectStore(STORE) }).catch((e: unknown) => {
      db = undefined;
      throw e;
    }));
  // What this store holds, kept in memory once read or written: every host fetch checks the hover
  // sites (wiring.ts), and each check was an IndexedDB read, and with no hover sites yet also a
  // storage.local read (an IPC to the browser): 1,367 of each in a 1,000-badge sync
  // (bench/support/profile-sync.ts). This object is the database's only writer (the background's;
  // no other context opens it), so the copy stays true; `gen` keeps a read that overlapped a write
  // from caching what it read before that write. Callers get copies. A failed read is not kept.
  const known = new Map<string, unknown>();
  let gen = 0;
  /** The value, and whether it may be kept (not when storage.local could not be read: it is looked for again next time). */
  const read = async (key: string): Promise<{ value: unknown; keep: boolean }> => {
    const d = await open();
    const tx = d.transaction(STORE);
    const [v, checked] = (await Promise.all([tx.store.get(key), tx.store.get(LEGACY_CHECKED + key), tx.done])) as unknown[];
    if (v !== undefined || !legacy || checked === true || !LEGACY_KEYS.has(key)) return { value: v, keep: true };
    const found = await legacy.get(key).catch(() => undefined);
    const old = found?.[key];
    if (old === undefined) {
      // Not awaited: a mark not written only means storage.local is asked again by the next worker.
      if (found !== undefined) void d.put(STORE, true, LEGACY_CHECKED + key).catch(() => undefined);
      return { value: undefined, keep: found !== undefined };
    }
    await d.put(STORE, old, key);
    await forget(key);
    return { value: old, keep: true };
  };
  if (openNow) open().catch(() => undefined); // failed: the first read opens again
  return {
    async get(key) {
      if (known.has(key)) return structuredClone(known.get(key));
      const at = gen;
      const { value, keep } = await read(key);
      if (keep && at === gen) known.set(key, structuredClone(value));
      return value;
    },
    async set(key, value) {
      gen++;
      known.delete(key);
      await (await open()).put(STORE, value, key);
      known.set(key, structuredClone(value));
      // Nothing of it stays where content scripts can write it.
      await forget(key);
    },
  };
}
