/** The generators' side of src/core/jsonld/iri-tokens.ts: choose the prefixes, write them as tokens. */

/** The ten IRI prefixes (up to a '#' or '/') that save the most characters in `texts`. */
export function choosePrefixes(texts: string[]): string[] {
  if (texts.some((t) => t.includes('~'))) throw new Error("a '~' in a table: the prefix tokens would be ambiguous");
  const counts = new Map<string, number>();
  for (const t of texts) for (const m of t.matchAll(/https?:\/\/[^"\\\s]*[#/]/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts]
    .map(([p, n]): [string, number] => [p, (p.length - 2) * n])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([p]) => p);
}

/** `text` with each prefix written as its token, longest prefix first (so that a prefix of another does not take its place). */
export function token(text: string, prefixes: string[]): string {
  let out = text;
  for (const [p, i] of prefixes.map((p, i): [string, number] => [p, i]).sort((a, b) => b[0].length - a[0].length)) out = out.split(p).join(`~${i}`);
  return out;
}
