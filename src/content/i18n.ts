/**
 * The words of what content scripts show (buttons, picker, hover card), in the browser's language
 * for the locales Lanyard has (public/_locales; the browser falls back to default_locale, English).
 * Only keys ship in the scripts: the text comes from the extension's messages.json through
 * i18n.getMessage (world.ts reads it safely). Without an extension namespace (never in a real
 * content script) the key itself shows, as the popup's translator does.
 */
import type en from '../../public/_locales/en/messages.json';
import { extensionI18n } from './world.ts';

/** The content scripts' own strings, and the share screen's warnings (the same words: core/share/warning.ts). */
export type ContentKey = keyof typeof en & (`content${string}` | `shareWarn${string}`);

/** The browser's UI language ("fr"), else the page's, for dates. */
export function uiLanguage(): string | undefined {
  try {
    return extensionI18n()?.getUILanguage?.() || document.documentElement.lang || undefined;
  } catch {
    return undefined;
  }
}

export function tx(key: ContentKey, ...subs: string[]): string {
  try {
    return extensionI18n()?.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
