/**
 * Whether JSON holds text that is not Unicode: a lone UTF-16 surrogate in a string or a member name
 * (JSON's `"\ud800"` parses to one). RFC 8785 §3.2.2.2: a JCS implementation MUST stop on one; RDF
 * 1.1 §3.3: a literal's lexical form is a Unicode string. And what a suite hashes is UTF-8, where
 * every lone surrogate becomes U+FFFD: a proof over one such text verifies over all the others.
 */
/** Under the `u` flag a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE = /\p{Cs}/u;

export const isLoneSurrogateText = (s: string): boolean => LONE.test(s);

/** The first string or member name in `v` that holds a lone surrogate, or undefined. */
export function loneSurrogateIn(v: unknown, depth = 0): string | undefined {
  if (typeof v === 'string') return LONE.test(v) ? v : undefined;
  if (typeof v !== 'object' || v === null || depth > 512) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const found = loneSurrogateIn(x, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    if (LONE.test(k)) return k;
    const found = loneSurrogateIn(x, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
