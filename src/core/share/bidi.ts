/**
 * An issuer's words among Lanyard's (UAX #9, the Unicode Bidirectional Algorithm). A right-to-left
 * name in a left-to-right sentence, or one the badge says is right-to-left (VC DM 2.0 §11.1
 * `@direction`), must be isolated from the words around it, or the sentence reorders around it.
 */
import type { TextDirection } from './lang-text.ts';

/**
 * Scripts written right to left (their letters are of bidi class R or AL, UAX #9 Table 4; digits
 * are weak and skipped).
 */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Old_Hungarian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction `dir="auto"` would give this text: that of its first strong character (HTML
 * "the directionality" of an element with dir=auto; UAX #9 P2), ltr when it has none.
 */
export function dirOf(text: string): TextDirection {
  for (const ch of text) if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  return 'ltr';
}

/**
 * Whether a word needs isolating in one of Lanyard's sentences, all of which are written left to
 * right (public/_locales: English and French): when the badge says it is right-to-left, or it holds
 * a right-to-left letter. A left-to-right word among left-to-right words is left as it is.
 */
export const needsIsolation = (word: string, dir?: TextDirection): boolean => dir === 'rtl' || RTL_LETTER.test(word);

/**
 * A word as plain text (a shared sentence, an `<option>`) isolated as `<bdi>` would: its given base
 * direction as RIGHT-TO-LEFT ISOLATE or LEFT-TO-RIGHT ISOLATE (U+2067, U+2066), else FIRST STRONG
 * ISOLATE (U+2068, `dir=auto`), closed by POP DIRECTIONAL ISOLATE (U+2069) (UAX #9 §2.7).
 */
export const isolated = (word: string, dir?: TextDirection): string => `${dir === 'rtl' ? '\u2067' : dir === 'ltr' ? '\u2066' : '\u2068'}${word}\u2069`;

/** `word` in a plain sentence: isolated when it needs it (needsIsolation), else as it is. */
export const inSentence = (word: string, dir?: TextDirection): string => (needsIsolation(word, dir) ? isolated(word, dir) : word);
