/**
 * Access tokens in storage.session: memory only, gone when the browser closes, and, with the
 * access level set to TRUSTED_CONTEXTS, out of content scripts' reach (Chrome's default, set
 * explicitly all the same; Firefox never exposes storage.session to content scripts).
 */
import browser from './browser.ts';
import type { SessionToken } from './records.ts';

export interface SessionStore {
  getToken(accountId: string): Promise<SessionToken | undefined>;
  setToken(accountId: string, token: SessionToken): Promise<void>;
  removeToken(accountId: string): Promise<void>;
}

const key = (accountId: string): string => `token:${accountId}`;

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

const area = (): SessionArea => (browser.storage as unknown as { session: SessionArea }).session;

/** Keeps storage.session away from content scripts. Call at every start of the worker (cheap). */
export async function restrictSessionAccess(): Promise<void> {
  await area().setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

export function createSessionStore(): SessionStore {
  return {
    async getToken(accountId) {
      const v = (await area().get(key(accountId)))[key(accountId)];
      return v && typeof v === 'object' && typeof (v as SessionToken).accessToken === 'string' ? (v as SessionToken) : undefined;
    },
    setToken: (accountId, token) => area().set({ [key(accountId)]: token }),
    removeToken: (accountId) => area().remove(key(accountId)),
  };
}
