/**
 * The extension's own messages (public/_locales) for what the background writes in the user's
 * language: the badge card and sentence content scripts insert (picker/card). Read from the
 * browser's namespace at each call (the worker and Firefox's event page both have i18n), not
 * through webextension-polyfill, so a service under test, outside any extension, gets undefined
 * and keeps its English default.
 */
import { readerLanguagesOf } from '../core/share/lang-text.ts';

type I18n = { getMessage(key: string, subs?: string[]): string; getUILanguage?(): string };

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

/**
 * The reader's languages, first first, for choosing among a badge's languages (VC DM 2.0 §11.1,
 * core/share/lang-text.ts chooseText): the browser's UI language, after its messages' own where
 * they differ (readerLanguagesOf). Empty outside an extension.
 */
export function readerLanguages(): string[] {
  let ui: string | undefined;
  try {
    ui = i18n()?.getUILanguage?.() || undefined;
  } catch {
    ui = undefined;
  }
  return readerLanguagesOf(ui, uiLanguage());
}
