/**
 * The generated tables (context-documents.ts, precomputed-data.ts) write their most repeated IRI
 * prefixes as `~0`…`~9` (the OB 3.0 vocabulary's prefix alone is 49 characters, hundreds of
 * times): a smaller module is faster to load (issue 14). Their generators refuse a text that
 * holds a `~` of its own, so every `~` followed by a digit is a token.
 */
export function untoken(text: string, prefixes: readonly string[]): string {
  return text.includes('~') ? text.replace(/~(\d)/g, (_, d: string) => prefixes[Number(d)]!) : text;
}
