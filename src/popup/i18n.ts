/**
 * `t(key, ...subs)` over messages shaped like browser.i18n's: in the extension it is
 * browser.i18n.getMessage (main.tsx), in tests and the preview it reads a messages.json. Keys are
 * typed from the English file, so a missing string fails the type check.
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

/** The same substitution rules as browser.i18n: `$NAME$` → the placeholder's content, where `$1`… are the subs. */
export function formatMessage(entry: MessageEntry, subs: readonly string[]): string {
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? fill(ph.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

export function createTranslator(messages: Messages): Translate {
  return (key, ...subs) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    return entry ? formatMessage(entry, subs.map(String)) : key;
  };
}

/** Over browser.i18n.getMessage; an unknown key shows as itself rather than as nothing. */
export function browserTranslator(getMessage: (key: string, subs: string[]) => string): Translate {
  return (key, ...subs) => getMessage(key, subs.map(String)) || key;
}
