/**
 * Text from a badge is hostile: a name holding U+202E (RIGHT-TO-LEFT OVERRIDE) or an escape sequence
 * could reorder or rewrite what the terminal shows (Trojan Source, CVE-2021-42574). In the human report
 * every C0 and C1 control, DEL, the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the bidi marks (U+200E, U+200F, U+061C) and the line/paragraph separators
 * (U+2028, U+2029) are shown as visible escapes such as `\u202E`; so is a backslash that could
 * make text look like one of those escapes (`\\`).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
}
