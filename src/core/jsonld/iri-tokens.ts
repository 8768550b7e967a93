/**
 * The generated tables (context-documents.ts, precomputed-data.ts) write their most repeated IRI
 * prefixes as `~0`…`~9` (the OB 3.0 vocabulary's prefix alone is 49 characters, hundreds of
 * times): a smaller module is faster to load (issue 14). Their generators refuse a text that
 * holds a `~` of its own, so every `~` followed by a digit is a token.
 */
export function untoken(text: string, prefixes: readonly string[]): string {
  let at = text.indexOf('~');
  if (at < 0) return text;
  // One pass from token to token (issue 14: ten replaceAll passes per string were a fifth of
  // building the first verification's precomputed contexts). A `~` not followed by a prefix's digit is kept as it is.
  let out = '';
  let from = 0;
  do {
    const prefix = prefixes[text.charCodeAt(at + 1) - 48];
    if (prefix !== undefined) {
      out += text.slice(from, at) + prefix;
      from = at + 2;
    }
    at = text.indexOf('~', at + 1);
  } while (at >= 0);
  return out + text.slice(from);
}
