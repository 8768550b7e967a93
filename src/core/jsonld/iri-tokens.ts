/**
 * The generated tables (context-documents.ts, precomputed-data.ts) write their most repeated IRI
 * prefixes as `~0`…`~9` (the OB 3.0 vocabulary's prefix alone is 49 characters, hundreds of
 * times): a smaller module is faster to load (issue 14). Their generators refuse a text that
 * holds a `~` of its own, so every `~` followed by a digit is a token.
 */
export function untoken(text: string, prefixes: readonly string[]): string {
  if (!text.includes('~')) return text;
  // Ten native replaceAll passes: cheaper than a regular expression calling back for each token. No prefix holds a '~'.
  let out = text;
  for (let i = 0; i < prefixes.length; i++) {
    const t = `~${i}`;
    if (out.includes(t)) out = out.replaceAll(t, prefixes[i]!);
  }
  return out;
}
