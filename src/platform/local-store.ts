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

export function createLocalStore(name = SETTINGS_DB, legacy: LegacyArea | undefined = browser.storage?.local as unknown as LegacyArea | undefined): LocalStore {
  let db: Promise<IDBPDatabase> | undefined;
  const forget = async (key: string) => {
    if (typeof legacy?.remove === 'function') await legacy.remove(key).catch(() => undefined);
  };
  const open = () =>
    (db ??= openDB(name, 1, { upgrade: (d) => void d.createObjectStore(STORE) }).catch((e: unknown) => {
      db = undefined;
      throw e;
    }));
  // Keys whose old storage.local copy has been looked for in this worker: not looked for again. A
  // value missing from both (no hover sites yet) made every host fetch ask storage.local (an IPC
  // to the browser) again: 1,367 times in a 1,000-badge sync (bench/support/profile-sync.ts).
  const moved = new Set<string>();
  return {
    async get(key) {
      const d = await open();
      const v: unknown = await d.get(STORE, key);
      if (v !== undefined || !legacy || moved.has(key)) return v;
      const found = await legacy.get(key).catch(() => undefined);
      const old = found?.[key];
      if (old === undefined) {
        if (found) moved.add(key);
        return undefined;
      }
      await d.put(STORE, old, key);
      moved.add(key);
      await forget(key);
      return old;
    },
    async set(key, value) {
      await (await open()).put(STORE, value, key);
      // Nothing of it stays where content scripts can write it.
      await forget(key);
    },
  };
}
