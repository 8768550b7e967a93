/**
 * RDFC-1.0 (W3C RDF Dataset Canonicalization, §4.4 "Canonicalization Algorithm") for the common
 * case, synchronously: when every blank node's first-degree hash (§4.6) is unique, §4.4.3 step 5
 * issues every canonical identifier and the Hash N-Degree Quads step (6) has nothing to do. Credentials
 * are that case (a handful of blank nodes, each with its own properties). Anything else (two blank
 * nodes with the same first-degree hash, a blank node predicate, an input label rdf-canonize would
 * leave alone) returns undefined and the caller runs rdf-canonize, the full algorithm.
 *
 * It mirrors rdf-canonize 5 `RDFC10.js` `main` and `hashFirstDegreeQuads` step by step, and its N-Quads
 * serializer (below), so the output is the same string; test/core/jsonld/rdfc-simple.test.ts checks it
 * against the W3C rdf-canon test vectors and against rdf-canonize.
 */
import { hex, sha256 } from '../proofs/sha256.ts';
import type { Canonical, NqStatement, NqTerm } from './nquads-read.ts';
import { RDF_LANGSTRING, XSD_STRING, type Quad, type Term } from './rdf-terms.ts';

const A: Term = { termType: 'BlankNode', value: 'a' };
const Z: Term = { termType: 'BlankNode', value: 'z' };
/** rdf-canonize `_componentWithCanonicalId` leaves a label that already starts with its prefix unchanged. */
const PREFIX = 'c14n';

/*
 * The canonical N-Quads form of one quad (RDF-CANON §4.? "canonical N-Quads"), exactly as
 * rdf-canonize 5 `NQuads.serializeQuadComponents` writes it: IRIs with the characters N-Quads
 * forbids as \uXXXX (its `_iriEscape`), literals with ECHAR for \b \t \n \f \r " \ and \uXXXX for
 * the other controls (its `_stringLiteralEscape`), xsd:string implied, a language tag for
 * rdf:langString. Written here so the escape checks are plain tests (rdf-canonize's use /g
 * regular expressions) and each quad is one template string.
 */
const IRI_SPECIAL = /[\u0000-\u0020<>"{}|^`\\]/;
const IRI_SPECIAL_ALL = /[\u0000-\u0020<>"{}|^`\\]/g;
const LITERAL_SPECIAL = /[\u0000-\u001F\u007F"\\]/;
const LITERAL_SPECIAL_ALL = /[\u0000-\u001F\u007F"\\]/g;
const ECHAR: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
const uchar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const iriOf = (v: string): string => (IRI_SPECIAL.test(v) ? v.replace(IRI_SPECIAL_ALL, uchar) : v);
const literalOf = (v: string): string => (LITERAL_SPECIAL.test(v) ? v.replace(LITERAL_SPECIAL_ALL, (c) => ECHAR[c] ?? uchar(c)) : v);

function objectOf(o: Term): string {
  if (o.termType === 'NamedNode') return `<${iriOf(o.value)}>`;
  if (o.termType === 'BlankNode') return `_:${o.value}`;
  const dt = o.datatype!.value;
  const suffix = dt === RDF_LANGSTRING ? (o.language ? `@${o.language}` : '') : dt !== XSD_STRING ? `^^<${iriOf(dt)}>` : '';
  return `"${literalOf(o.value)}"${suffix}`;
}

export function serializeQuad(s: Term, p: Term, o: Term, g: Term): string {
  const subject = s.termType === 'NamedNode' ? `<${iriOf(s.value)}>` : `_:${s.value}`;
  const predicate = p.termType === 'NamedNode' ? `<${iriOf(p.value)}>` : `_:${p.value}`;
  const graph = g.termType === 'NamedNode' ? ` <${iriOf(g.value)}>` : g.termType === 'BlankNode' ? ` _:${g.value}` : '';
  return `${subject} ${predicate} ${objectOf(o)}${graph} .\n`;
}

/** §4.4.3 step 2: records `q` under blank node `t` (each quad once per node, as rdf-canonize's Set); false for a label rdf-canonize would keep. */
function addQuad(byNode: Map<string, Quad[]>, t: Term, q: Quad): boolean {
  if (t.termType !== 'BlankNode') return true;
  if (t.value.startsWith(PREFIX)) return false;
  const list = byNode.get(t.value);
  if (!list) byNode.set(t.value, [q]);
  else if (list[list.length - 1] !== q) list.push(q);
  return true;
}

/** §4.6 step 3.1: the reference blank node as _:a, every other blank node as _:z. */
const firstDegree = (t: Term, id: string): Term => (t.termType === 'BlankNode' ? (t.value === id ? A : Z) : t);

/** Step 7: a blank node's canonical identifier. */
const relabel = (t: Term, canonical: Map<string, Term>): Term => (t.termType === 'BlankNode' ? canonical.get(t.value)! : t);

/**
 * A term as nquads-read.ts reads it back from the line serializeQuad writes: an IRI as written (its
 * escapes kept), a blank node by its label, a literal by its lexical form (the escapes undone: the value).
 */
const termOf = (t: Term): NqTerm => (t.termType === 'NamedNode' ? { iri: iriOf(t.value) } : t.termType === 'BlankNode' ? { blank: `_:${t.value}` } : { literal: t.value });

/** Canonical N-Quads of `quads` (SHA-256), or undefined when the full algorithm is needed. */
export function canonizeSimple(quads: readonly Quad[]): string | undefined {
  return canonicalSimple(quads)?.nquads;
}

/**
 * Canonical N-Quads of `quads` (SHA-256) and the statements of their default graph, made from the
 * relabelled terms rather than read back from the lines (issue 14: the signed reading re-read each
 * credential's N-Quads); undefined when the full algorithm is needed.
 */
export function canonicalSimple(quads: readonly Quad[]): Canonical | undefined {
  // §4.4.3 step 2: the blank node to quads map.
  const byNode = new Map<string, Quad[]>();
  for (const q of quads) {
    if (q.predicate.termType === 'BlankNode') return undefined;
    if (!addQuad(byNode, q.subject, q) || !addQuad(byNode, q.object, q) || !addQuad(byNode, q.graph, q)) return undefined;
  }
  const canonical = new Map<string, Term>();
  if (byNode.size === 1) {
    // Steps 5.3-5.4 with one blank node: its hash is unique whatever it is, so it is issued c14n0 without computing it.
    for (const id of byNode.keys()) canonical.set(id, { termType: 'BlankNode', value: `${PREFIX}0` });
  } else if (byNode.size > 1) {
    // Step 5.3 with §4.6: each blank node's quads, itself as _:a and every other blank node as _:z,
    // serialized, sorted, concatenated and hashed.
    const nodeOf = new Map<string, string>();
    for (const [id, list] of byNode) {
      const lines: string[] = [];
      for (const q of list) lines.push(serializeQuad(firstDegree(q.subject, id), q.predicate, firstDegree(q.object, id), firstDegree(q.graph, id)));
      lines.sort();
      const hash = hex(sha256(lines.join('')));
      if (nodeOf.has(hash)) return undefined; // not unique: step 6 (Hash N-Degree Quads) is needed
      nodeOf.set(hash, id);
    }
    // Step 5.4: canonical identifiers in the order of the hashes.
    let n = 0;
    for (const hash of [...nodeOf.keys()].sort()) canonical.set(nodeOf.get(hash)!, { termType: 'BlankNode', value: `${PREFIX}${n++}` });
  }
  // Step 7: every quad relabelled and serialized; the sorted lines are the canonical form. The quads
  // are put in the order of their lines (as the lines' own sort would: by UTF-16 code units), so
  // that the statements come in the order the lines give them.
  const lines: string[] = [];
  for (const q of quads) lines.push(serializeQuad(relabel(q.subject, canonical), q.predicate, relabel(q.object, canonical), relabel(q.graph, canonical)));
  // The indices pushed one by one, not `lines.map`: V8 then sees one kind of array at the sort (issue 14).
  const order: number[] = [];
  for (let i = 0; i < lines.length; i++) order.push(i);
  order.sort((a, b) => (lines[a]! < lines[b]! ? -1 : lines[a]! > lines[b]! ? 1 : 0));
  let nquads = '';
  for (const i of order) nquads += lines[i];
  let statements: NqStatement[] | undefined;
  return { nquads, statements: () => (statements ??= defaultGraph(quads, order, canonical)) };
}

/** The default graph's statements, in the order of their lines: each quad's terms relabelled. */
function defaultGraph(quads: readonly Quad[], order: number[], canonical: Map<string, Term>): NqStatement[] {
  const out: NqStatement[] = [];
  for (const i of order) {
    const q = quads[i]!;
    if (q.graph.termType === 'DefaultGraph') out.push({ subject: termOf(relabel(q.subject, canonical)), predicate: iriOf(q.predicate.value), object: termOf(relabel(q.object, canonical)), graph: '' });
  }
  return out;
}
