/**
 * storage.local: settings only. Content scripts can read this area, so nothing secret goes here
 * (tokens live in storage.session and IndexedDB).
 */
import browser from './browser.ts';

export interface LocalStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export function createLocalStore(): LocalStore {
  return {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  };
}
