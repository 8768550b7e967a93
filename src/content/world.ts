/**
 * What the content scripts read from their world's global object, safe from DOM clobbering.
 * Chromium's isolated worlds share the page's DOM, and with it the Window's named properties
 * (HTML §7.2.2.3 "Named access on the Window object"): `<div id="__lanyardHover">` makes
 * `globalThis.__lanyardHover` an element there, and `<form id="browser"><input name="runtime">`
 * makes `browser.runtime` an <input> wherever the browser defines no `browser` of its own. Those
 * named properties live on the global's prototype chain, never on the global itself, and they are
 * elements or windows, never functions. So our own values are read only as own properties, and the
 * extension runtime only when its `sendMessage` is a function.
 */

export type Runtime = { sendMessage(message: unknown): Promise<unknown> };
export type I18n = { getMessage(key: string, subs?: string[]): string };
export type Dom = { openOrClosedShadowRoot(el: Element): ShadowRoot | null };

/** A value this world's scripts set on the global object (an own property), never a page element. */
export function ownGlobal(name: string): unknown {
  return Object.getOwnPropertyDescriptor(globalThis, name)?.value;
}

/** The extension namespace's `api` (Firefox `browser`, then Chromium `chrome`) when it has `method`; never a page element. */
function extensionApi<T>(api: 'runtime' | 'i18n' | 'dom', method: string): T | undefined {
  const g = globalThis as { browser?: Record<string, Record<string, unknown> | undefined>; chrome?: Record<string, Record<string, unknown> | undefined> };
  for (const ns of [g.browser, g.chrome]) {
    const found = ns?.[api];
    if (typeof found?.[method] === 'function') return found as T;
  }
  return undefined;
}

/** The extension's runtime (Firefox `browser`, Chromium `chrome`), or undefined; never a page element. */
export const extensionRuntime = (): Runtime | undefined => extensionApi<Runtime>('runtime', 'sendMessage');

/** The extension's i18n (browser.i18n and chrome.i18n both reach content scripts), or undefined; never a page element. */
export const extensionI18n = (): I18n | undefined => extensionApi<I18n>('i18n', 'getMessage');

/** Chromium's chrome.dom (content scripts; a page's closed shadow roots), or undefined; never a page element. */
export const extensionDom = (): Dom | undefined => extensionApi<Dom>('dom', 'openOrClosedShadowRoot');

/**
 * Whether this is a Firefox content-script sandbox (its own `exportFunction`; a page element of that
 * name is never an own property nor a function). There, a DataTransfer the script fills reaches the
 * page's listeners empty (Firefox 2026: getData answers "", test/browser/firefox-content.test.ts).
 */
export const isFirefoxSandbox = (): boolean => typeof ownGlobal('exportFunction') === 'function';
