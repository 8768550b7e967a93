/**
 * Text from a badge is hostile: a name holding U+202E (RIGHT-TO-LEFT OVERRIDE) or an escape sequence
 * could reorder or rewrite what the terminal shows (Trojan Source, CVE-2021-42574). In the human report
 * every C0 and C1 control, DEL, the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the bidi marks (U+200E, U+200F, U+061C) and the line/paragraph separators
 * (U+2028, U+2029) are shown as visible escapes such as `\u202E`; so is a backslash that could
 * make text look like one of those escapes (`\\`). So are the invisible characters that would make
 * one name look like another, as in the extension (src/core/share/display.ts): zero-width space,
 * word joiner and invisible operators (U+200B, U+2060–U+2064), deprecated format characters
 * (U+206A–U+206F), the interlinear annotation characters (U+FFF9–U+FFFB), the Mongolian vowel separator,
 * the Hangul fillers, the BOM, and tag characters
 * (`\u{E0041}`) unless they spell an emoji flag; the rest of Unicode's default-ignorable set that
 * display.ts shows (Khmer inherent vowels, musical and shorthand format controls, reserved
 * ignorables); and the joiners, variation selectors and soft hyphens display.ts shows (SHOWN_JOINERS:
 * a ZWJ or ZWNJ after a Latin, Greek or Cyrillic letter, a combining grapheme joiner or variation
 * selector between two such letters, a joiner at a word's edge). A terminal draws U+200D as nothing
 * (wcwidth 0), and "Har\u200Dvard" read "Harvard" (UAX #31 §4.3 allows the joiners only after a virama
 * or between joining letters). A run of combining marks is cut as display.ts cuts it (capMarkRuns,
 * MAX_MARKS): a terminal that stacks marks drew a hundred of them over the rows around the line.
 */
import { capMarkRuns, SHOWN_JOINERS } from '../core/share/display.ts';

const BASE =
  /\uD83C\uDFF4(?:\uDB40[\uDC20-\uDC7E])+\uDB40\uDC7F|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2065\u206a-\u206f\u180e\u115f\u1160\u3164\uffa0\ufeff\ufff9-\ufffb\u17b4\u17b5\ufff0-\ufff8\\]|\uDB40[\uDC00-\uDCFF\uDDF0-\uDFFF]|[\uDB41-\uDB43][\uDC00-\uDFFF]|\uD834[\uDD73-\uDD7A]|\uD82F[\uDCA0-\uDCA3]/;
const UNSAFE = new RegExp(`${BASE.source}|${SHOWN_JOINERS}`, 'g');

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

export function escapeForTerminal(text: string): string {
  const escaped = text.replace(UNSAFE, (c) => {
    if (c === '\\') return '\\\\';
    if (c.length > 2) return c; // an emoji flag's tag sequence
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${hex(cp, 5)}}` : `\\u${hex(cp, 4)}`;
  });
  return capMarkRuns(escaped);
}
