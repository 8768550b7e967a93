/**
 * The reader's languages for the human report, from the environment as gettext reads it: the
 * locale of messages is LC_ALL, else LC_MESSAGES, else LANG, the first set and not empty (POSIX.1-2017
 * §8.2); GNU gettext's LANGUAGE, a list separated by colons, comes before it unless that locale is
 * C or POSIX. A locale name `language[_territory][.codeset][@modifier]` becomes the BCP 47 tag
 * `language-territory` (`fr_CA.UTF-8` → `fr-CA`); anything else is left out.
 */
import { isLanguageTag } from '../core/share/lang-text.ts';

const tagOf = (locale: string): string | undefined => {
  const tag = locale.replace(/[.@].*$/, '').replace('_', '-');
  return tag !== 'C' && tag !== 'POSIX' && isLanguageTag(tag) ? tag : undefined;
};

export function envLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const main = locale === undefined ? undefined : tagOf(locale);
  if (!main) return [];
  const list = (env.LANGUAGE ?? '').split(':').map(tagOf);
  return [...new Set([...list, main].filter((t): t is string => t !== undefined))];
}
