/**
 * Text from a badge, made safe to read (issue 12 point 12). Bidirectional controls let an issuer
 * reorder what the user reads: a name `\u202Eelif.exe` shows as "exe.file". Every surface (the
 * popup, the content scripts' cards and buttons, the share card and e-mail) shows such text
 * through displayText(), which replaces each control with a visible marker (⟨RLO⟩), so nothing is
 * reordered and the user sees that something was there, and cuts very long text. The renderers
 * also isolate each field (`<bdi>` / `dir="auto"` with `unicode-bidi: isolate`), so right-to-left
 * text stays inside its own field.
 */

/** Unicode bidi controls (UAX #9 §2: embeddings, overrides, isolates, marks) by name. */
const BIDI: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

// Bidi controls; C0 and C1 controls but tab and newline; line/paragraph separators; BOM; and
// interlinear annotations. Zero-width joiners stay: emoji sequences and some scripts need them.
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFF9-\uFFFB]/g;

/** The longest text shown for one field; the rest is cut with "…" (a 1 MB name is not a name). */
export const MAX_DISPLAY_CHARS = 2000;

const marker = (c: string): string => `⟨${BIDI[c] ?? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`}⟩`;

/** True when the text holds a control that displayText() would make visible. */
export const hasHiddenControls = (text: string): boolean => new RegExp(CONTROLS.source).test(text);

/**
 * The text as it may be shown: every bidi or other control replaced with a visible marker
 * (⟨RLO⟩, ⟨U+0007⟩), cut to `max` characters (never inside a surrogate pair).
 */
export function displayText(text: string | undefined | null, max = MAX_DISPLAY_CHARS): string {
  if (typeof text !== 'string' || !text) return '';
  let t = text.length > max * 2 ? text.slice(0, max * 2) : text;
  t = t.replace(CONTROLS, marker);
  if (t.length > max) {
    let end = max;
    const code = t.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    t = `${t.slice(0, end)}…`;
  }
  return t;
}

/** displayText() for an optional field: undefined stays undefined. */
export const displayOptional = (text: string | undefined, max?: number): string | undefined => (text === undefined ? undefined : displayText(text, max));
