/**
 * Text in several languages, as VC Data Model 2.0 §11.1 (Language and Base Direction) lets a
 * credential write `name` and `description`: a language value object (`@value`, `@language`,
 * `@direction`; JSON-LD 1.1 §4.2.4 String Internationalization, §4.2.4.1 Base Direction) or a list
 * of them, one per language. The engine keeps each language (formats/lang-text.ts); a reader picks
 * the one in the user's language when it shows the badge.
 */
export type TextDirection = 'ltr' | 'rtl';

export interface LangText {
  value: string;
  /** A well-formed BCP 47 tag (JSON-LD 1.1 §4.2.4); absent when the credential gave none or a malformed one. */
  language?: string;
  /** JSON-LD 1.1 §4.2.4.1: `ltr` or `rtl`; absent otherwise (the text is then isolated with `dir="auto"`). */
  direction?: TextDirection;
}

/** The shown texts a credential may give in several languages. */
export type ShownTextField = 'name' | 'description' | 'issuerName' | 'narrative';
export type ShownTexts = Partial<Record<ShownTextField, LangText[]>>;

/** At most this many languages of one text are read and kept: a list of 10,000 is hostile, not multilingual. */
export const MAX_LANGUAGES = 16;

/** RFC 5646 §2.1's shape, loosely (subtags of 1–8 letters or digits, the first letters), up to RFC 5646 §4.4.1's 35 characters. */
export const isLanguageTag = (v: unknown): v is string => typeof v === 'string' && v.length <= 35 && /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i.test(v);

export const isDirection = (v: unknown): v is TextDirection => v === 'ltr' || v === 'rtl';

/** The first text of `list` tagged `language` or, RFC 4647 §3.4 lookup, a range of it; undefined when none is. */
function lookup(list: readonly LangText[], language: string | undefined): LangText | undefined {
  if (!language || !isLanguageTag(language)) return undefined;
  const want = language.toLowerCase().split('-');
  for (let n = want.length; n > 0; n--) {
    const range = want.slice(0, n).join('-');
    const hit = list.find((x) => x.language?.toLowerCase() === range) ?? list.find((x) => x.language?.toLowerCase().startsWith(`${range}-`));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The text in the reader's language (`fr-CA`): the first tagged exactly so, else the first whose tag
 * is a prefix of it or has it as a prefix subtag by subtag (RFC 4647 §3.4 lookup: `fr-CA` → `fr`, and
 * `fr` finds `fr-BE`); given the reader's languages in their order, the first that finds one; else
 * the first text, which the issuer put first.
 */
export function chooseText(list: readonly LangText[], languages: string | readonly string[] | undefined): LangText | undefined {
  for (const language of typeof languages === 'string' ? [languages] : (languages ?? [])) {
    const hit = lookup(list, language);
    if (hit) return hit;
  }
  return list[0];
}

/**
 * The reader's languages, first first, from what a browser says: its UI language (i18n.getUILanguage:
 * `de` for a German browser, though Lanyard's messages are then the default English ones), after the
 * language of the messages it chose (`messages`) when they are not the default ones (`fallback`, the
 * manifest's default_locale) and the UI language names another (Chromium can say "en-US" while it shows French messages).
 */
export function readerLanguagesOf(ui: string | undefined, messages: string | undefined, fallback = 'en'): string[] {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const sure = messages && messages !== fallback && !(ui && primary(ui) === primary(messages)) ? [messages] : [];
  return [...sure, ...(ui ? [ui] : [])];
}

/** The base direction of each chosen text that gives one (JSON-LD 1.1 §4.2.4.1), for the element's `dir`. */
export type ShownDirs = Partial<Record<ShownTextField, TextDirection>>;

/** Each text of `texts` in the reader's languages (chooseText), and the direction of those that give one. */
export function chooseTexts(texts: ShownTexts | undefined, languages: string | readonly string[] | undefined): { pick: Partial<Record<ShownTextField, LangText>>; dirs?: ShownDirs } {
  const pick: Partial<Record<ShownTextField, LangText>> = {};
  const dirs: ShownDirs = {};
  for (const [f, list] of Object.entries(texts ?? {}) as [ShownTextField, LangText[]][]) {
    const one = chooseText(list, languages);
    if (!one) continue;
    pick[f] = one;
    if (one.direction) dirs[f] = one.direction;
  }
  return { pick, ...(Object.keys(dirs).length ? { dirs } : {}) };
}
