/**
 * Values shown in messages. A long value (a DID, a URL, a hostile 10 kB `typ`) is shortened only
 * with a visible ellipsis, keeping its start and its end so two long DIDs that differ at the end
 * still read differently; a missing value reads "(none)", never "undefined".
 */

/** The default budget of characters (code points) for one value in a message. */
export const DISPLAY_MAX = 80;

/** A non-string value as text: JSON for objects and arrays, "(none)" for undefined. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '(none)';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/**
 * `v` as text of at most `max` code points: unchanged when it fits, else its start, `…`, and its
 * last quarter. Surrogate pairs are never split.
 */
export function shorten(v: unknown, max = DISPLAY_MAX): string {
  const text = asText(v);
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const budget = Math.max(max - 1, 2);
  const tail = Math.floor(budget / 4);
  // \u2026 (an ellipsis) escaped in a template, which the minifier keeps: the engine's bundle stays ASCII, one-byte source for V8 (issue 14).
  return `${chars.slice(0, budget - tail).join('')}\u2026${tail ? chars.slice(chars.length - tail).join('') : ''}`;
}

/** What went wrong, from anything thrown: an Error's message, else the value shown (never "undefined"). */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return shorten(e, 200);
}
