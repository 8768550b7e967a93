/**
 * In-memory stand-ins for storage.session and storage.local: for unit tests, and usable where a
 * browser lacks an area. No browser API here.
 */
import type { LocalStore } from './local-store.ts';
import type { SessionToken } from './records.ts';
import type { SessionStore } from './session.ts';

export function memorySessionStore(): SessionStore & { readonly map: Map<string, SessionToken> } {
  const map = new Map<string, SessionToken>();
  return {
    map,
    getToken: async (id) => map.get(id),
    setToken: async (id, t) => void map.set(id, t),
    removeToken: async (id) => void map.delete(id),
  };
}

export function memoryLocalStore(): LocalStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: async (k) => structuredClone(map.get(k)), set: async (k, v) => void map.set(k, structuredClone(v)) };
}
