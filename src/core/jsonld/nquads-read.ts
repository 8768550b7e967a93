/**
 * Reads canonical N-Quads (RDFC-1.0 output, RDF 1.1 N-Quads §2 with the canonical form of RDF
 * Dataset Canonicalization §4.? "Serialization": one statement a line, single spaces, no comments)
 * back into statements, to ask what a signed document states. Terms stay as written but for a
 * literal's lexical form, which is unescaped (N-Quads §2.4 ECHAR and UCHAR).
 */

export type NqTerm = { iri: string } | { blank: string } | { literal: string };

export interface NqStatement {
  subject: NqTerm;
  predicate: string;
  object: NqTerm;
  /** The graph's label as written (`<…>` or `_:…`), '' for the default graph. */
  graph: string;
}

/** An IRI, a blank node label, or a literal with its datatype or language tag. */
const TOKEN = /<[^>]*>|_:[^\s]+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?/g;

const ECHAR: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' };

function unescapeLiteral(quoted: string): string {
  return quoted.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (all, u4?: string, u8?: string, c?: string) => {
    const hex = u4 ?? u8;
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ECHAR[c!] ?? all;
  });
}

function termOf(token: string): NqTerm {
  if (token.startsWith('<')) return { iri: token.slice(1, -1) };
  if (token.startsWith('_:')) return { blank: token };
  return { literal: unescapeLiteral(token.slice(1, token.lastIndexOf('"'))) };
}

/** The statements of canonical N-Quads; a line that is not one is skipped. */
export function readNQuads(nquads: string): NqStatement[] {
  const out: NqStatement[] = [];
  for (const line of nquads.split('\n')) {
    const tokens = line.match(TOKEN);
    if (!tokens || tokens.length < 3 || !tokens[1]!.startsWith('<')) continue;
    out.push({ subject: termOf(tokens[0]!), predicate: tokens[1]!.slice(1, -1), object: termOf(tokens[2]!), graph: tokens[3] ?? '' });
  }
  return out;
}

/** The statements of the default graph, in which what a credential or proof signs is stated. */
export const defaultGraphOf = (nquads: string): NqStatement[] => readNQuads(nquads).filter((s) => s.graph === '');

/**
 * Canonical N-Quads and the statements of their default graph, the ones `defaultGraphOf` would read
 * back from them (in the same order: that of the lines). The canonicalizer that wrote the lines from
 * terms it holds gives those terms (rdfc-simple.ts); otherwise they are read back from the text.
 */
export interface Canonical {
  nquads: string;
  statements(): NqStatement[];
}

/** `nquads` whose statements are read back from the text when asked for (once). */
export function canonicalOf(nquads: string): Canonical {
  let read: NqStatement[] | undefined;
  return { nquads, statements: () => (read ??= defaultGraphOf(nquads)) };
}

/** A term as one string, to compare and to key by: the IRI, the blank node label, or `"lexical"`. */
export const termKey = (t: NqTerm): string => ('iri' in t ? t.iri : 'blank' in t ? t.blank : `"${t.literal}"`);
