/**
 * The extension's own messages (public/_locales) for what the background writes in the user's
 * language: the badge card and sentence content scripts insert (picker/card). Read from the
 * browser's namespace at each call (the worker and Firefox's event page both have i18n), not
 * through webextension-polyfill, so a service under test, outside any extension, gets undefined
 * and keeps its English default.
 */
type I18n = { getMessage(key: string, subs?: string[]): string };

function i18n(): I18n | undefined {
  const g = globalThis as { browser?: { i18n?: Partial<I18n> }; chrome?: { i18n?: Partial<I18n> } };
  for (const ns of [g.browser, g.chrome]) if (typeof ns?.i18n?.getMessage === 'function') return ns.i18n as I18n;
  return undefined;
}

/** A message in the browser's language (English when the language has no locale); undefined outside an extension or for an unknown key. */
export function extensionMessage(key: string, ...subs: string[]): string | undefined {
  try {
    return i18n()?.getMessage(key, subs) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language of the messages in use (contentLocale in each messages.json), for dates beside
 * them; undefined outside an extension. Not getUILanguage: Chromium can answer "en-US" there
 * while it picks the French messages (measured with LANGUAGE=fr).
 */
export function uiLanguage(): string | undefined {
  return extensionMessage('contentLocale');
}
