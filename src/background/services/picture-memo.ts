/**
 * What the worker decided of a `data:` picture, kept by the picture's own text. The popup's list
 * (`badges/list`, at each popup open) and each picker open ask again of every badge's picture
 * whether it may be drawn (svg-use-clones.ts) and what it is without its badge (unbaked.ts): each
 * reads the whole SVG, 170-260 ms for ten real badge SVGs (378 KB) on the test machine, for an answer
 * that only the picture decides. Kept by the whole text, not a hash of it: a badge picture is
 * hostile input, and a picture made to share a weak hash with one already read would be given that
 * one's answer; a badge whose picture changed has another text, so it is read again.
 *
 * Bounded by the characters kept (each text and an answer that is not that same text), the least
 * recently used first out; a picture longer than a quarter of that is read each time, as before.
 */

/** Characters of pictures and answers kept per memo (V8 keeps a data: URL one byte a character). */
export const MAX_MEMO_CHARS = 4_000_000;

/** `f` over text, its answers kept (f must depend on the text only). */
export function memoByText<T extends string | undefined>(f: (text: string) => T, maxChars = MAX_MEMO_CHARS): (text: string) => T {
  const kept = new Map<string, T>();
  let chars = 0;
  const size = (text: string, answer: T): number => text.length + (answer === undefined || answer === text ? 0 : answer.length);
  return (text) => {
    if (kept.has(text)) {
      const answer = kept.get(text) as T;
      // Most recently used last (a Map keeps insertion order).
      kept.delete(text);
      kept.set(text, answer);
      return answer;
    }
    const answer = f(text);
    const n = size(text, answer);
    if (n > maxChars / 4) return answer;
    kept.set(text, answer);
    chars += n;
    for (const [k, v] of kept) {
      if (chars <= maxChars) break;
      kept.delete(k);
      chars -= size(k, v);
    }
    return answer;
  };
}
