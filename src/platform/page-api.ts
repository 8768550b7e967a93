/**
 * The extension API as an extension page (the popup) uses it: the browser's own namespace,
 * `browser` (Firefox; Chromium has it too now) or else `chrome`, whose MV3 methods the page calls
 * (runtime.sendMessage, permissions.request/contains, tabs.query) return promises; i18n is
 * synchronous in both. Not webextension-polyfill (platform/browser.ts, for the background): its
 * bundled default import copies every property of `browser` (the bundler's CommonJS interop,
 * __toESM), and in Chromium reading a property's descriptor builds that API's bindings: action,
 * windows, tabs, scripting, storage… all thirteen, 1.3-9 ms at each popup open before its first
 * message could be answered (issue 14: a CPU profile of the popup's start, bench/support/
 * profile-popup.ts), and ~10 KB of the popup's first script. Content scripts do the same
 * (content/messages.ts).
 */
import type { Browser } from 'webextension-polyfill';

export type PageApi = Pick<Browser, 'runtime' | 'i18n' | 'permissions' | 'tabs' | 'extension'>;

/** Read at each call, not at import: nothing is touched before it is used (and tests can import this). */
export function pageApi(): PageApi {
  const g = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('no extension API: not an extension page');
  return api;
}

/** runtime.sendMessage from an extension page to the background. */
export const sendPageMessage = (message: unknown): Promise<unknown> => pageApi().runtime.sendMessage(message);
