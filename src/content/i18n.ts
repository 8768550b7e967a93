/**
 * The words of what content scripts show (buttons, picker, hover card), in the browser's language
 * for the locales Lanyard has (public/_locales; the browser falls back to default_locale, English).
 * Only keys ship in the scripts: the text comes from the extension's messages.json through
 * i18n.getMessage (world.ts reads it safely). Without an extension namespace (never in a real
 * content script) the key itself shows, as the popup's translator does.
 */
import type en from '../../public/_locales/en/messages.json';
import { extensionI18n } from './world.ts';

/**
 * The content scripts' own strings, the share screen's warnings (the same words: core/share/warning.ts)
 * the checks' sentences (the badge page's: core/share/check-words.ts, on the hover card) and the
 * words for a badge without a name (core/share/badge-name.ts).
 */
export type ContentKey = keyof typeof en & (`content${string}` | `shareWarn${string}` | `check${string}` | `badgeNameless${string}`);

const BY_CODE: Record<string, ContentKey> = {
  ERR_NOT_FOUND: 'contentErrorGone',
  ERR_TRANSPORT: 'contentErrorNoAnswer',
  ERR_BAD_REPLY: 'contentErrorNoAnswer',
  ERR_UNKNOWN_MESSAGE: 'contentErrorNoAnswer',
  ERR_RATE_LIMITED: 'contentHoverTooFast',
};

/** A reply error in the page's words, by its code (never its text); else the background's own message. */
export function errorWords(e: { code: string; message: string }): string {
  const key = BY_CODE[e.code];
  return key ? tx(key) : e.message;
}

/**
 * The language of the words shown (contentLocale in each messages.json), else the page's, for
 * dates beside them. Not getUILanguage: Chromium can answer "en-US" there while it picks the
 * French messages (measured with LANGUAGE=fr), and a month must match the words around it.
 */
export function uiLanguage(): string | undefined {
  try {
    return extensionI18n()?.getMessage('contentLocale') || document.documentElement.lang || undefined;
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
