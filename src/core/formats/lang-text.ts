/**
 * Reading text a credential may write in several languages (VC Data Model 2.0 §11.1; JSON-LD 1.1
 * §4.2.4): a string, a language value object `{"@value", "@language", "@direction"}`, or a list of
 * them. Hostile input: only the first MAX_LANGUAGES entries are read, an `@value` that is not a
 * string is no text, a malformed `@language` or `@direction` is dropped (the text stays).
 */
import { isDirection, isLanguageTag, MAX_LANGUAGES, type LangText } from '../share/lang-text.ts';
import { arr, isObj } from './json-util.ts';

/** Each text of `v`, in the credential's order: the first `max` (every one, for a check that must see what is not read: proofs/signed-order.ts). */
export function langTexts(v: unknown, max = MAX_LANGUAGES): LangText[] {
  const out: LangText[] = [];
  for (const item of arr(v).slice(0, max)) {
    if (typeof item === 'string') out.push({ value: item });
    else if (isObj(item) && typeof item['@value'] === 'string') {
      const language = item['@language'];
      const direction = item['@direction'];
      out.push({ value: item['@value'], ...(isLanguageTag(language) ? { language } : {}), ...(isDirection(direction) ? { direction } : {}) });
    }
  }
  return out;
}

/** The first text of `v`: the badge's field as stored; each surface shows `texts` in the reader's language where the badge gives several (core/share/lang-text.ts chooseText). */
export const firstText = (v: unknown): string | undefined => langTexts(v)[0]?.value;

/** Every language of `v`, when it says more than one plain string does (a language, a direction, several texts); else undefined. */
export function richText(v: unknown): LangText[] | undefined {
  if (typeof v === 'string') return undefined;
  const list = langTexts(v);
  return list.length > 1 || list.some((x) => x.language !== undefined || x.direction !== undefined) ? list : undefined;
}
