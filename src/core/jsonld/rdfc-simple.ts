/**
 * RDFC-1.0 (W3C RDF Dataset Canonicalization, §4.4 "Canonicalization Algorithm") for the common
 * case, synchronously: when every blank node's first-degree hash (§4.6) is unique, §4.4.3 step 5
 * issues every canonical identifier and the Hash N-Degree Quads step (6) has nothing to do. Credentials
 * are that case (a handful of blank nodes, each with its own properties). Anything else (two blank
 * nodes with the same first-degree hash, a blank node predicate, an input label rdf-canonize would
 * leave alone) returns undefined and the caller runs rdf-canonize, the full algorithm.
 *
 * It mirrors rdf-canonize 5 `RDFC10.js` `main` and `hashFirstDegreeQuads` step by step (its N-Quads
 * serializer is used as is), so the output is the same string; test/core/jsonld/rdfc-simple.test.ts
 * checks it against the W3C rdf-canon test vectors and against rdf-canonize.
 */
// rdf-canonize's N-Quads serializer alone: its index would evaluate all of rdf-canonize (issue 14).
import NQuads from 'rdf-canonize/lib/NQuads.js';
import { hex, sha256 } from '../proofs/sha256.ts';
import type { Quad, Term } from './rdf-terms.ts';

const A: Term = { termType: 'BlankNode', value: 'a' };
const Z: Term = { termType: 'BlankNode', value: 'z' };
/** rdf-canonize `_componentWithCanonicalId` leaves a label that already starts with its prefix unchanged. */
const PREFIX = 'c14n';

/** Canonical N-Quads of `quads` (SHA-256), or undefined when the full algorithm is needed. */
export function canonizeSimple(quads: readonly Quad[]): string | undefined {
  // §4.4.3 step 2: the blank node to quads map (each quad once per blank node, as rdf-canonize's Set).
  const byNode = new Map<string, Quad[]>();
  const add = (t: Term, q: Quad): boolean => {
    if (t.termType !== 'BlankNode') return true;
    if (t.value.startsWith(PREFIX)) return false;
    const list = byNode.get(t.value);
    if (!list) byNode.set(t.value, [q]);
    else if (list[list.length - 1] !== q) list.push(q);
    return true;
  };
  for (const q of quads) {
    if (q.predicate.termType === 'BlankNode') return undefined;
    if (!add(q.subject, q) || !add(q.object, q) || !add(q.graph, q)) return undefined;
  }
  // Step 5.3 with §4.6: each blank node's quads, itself as _:a and every other blank node as _:z,
  // serialized, sorted, concatenated and hashed.
  const nodeOf = new Map<string, string>();
  for (const [id, list] of byNode) {
    const first = (t: Term): Term => (t.termType === 'BlankNode' ? (t.value === id ? A : Z) : t);
    const lines = list.map((q) => NQuads.serializeQuadComponents(first(q.subject), q.predicate, first(q.object), first(q.graph)));
    lines.sort();
    const hash = hex(sha256(lines.join('')));
    if (nodeOf.has(hash)) return undefined; // not unique: step 6 (Hash N-Degree Quads) is needed
    nodeOf.set(hash, id);
  }
  // Step 5.4: canonical identifiers in the order of the hashes.
  const canonical = new Map<string, Term>();
  let n = 0;
  for (const hash of [...nodeOf.keys()].sort()) canonical.set(nodeOf.get(hash)!, { termType: 'BlankNode', value: `${PREFIX}${n++}` });
  // Step 7: every quad relabelled and serialized; the sorted lines are the canonical form.
  const label = (t: Term): Term => (t.termType === 'BlankNode' ? canonical.get(t.value)! : t);
  const out = quads.map((q) => NQuads.serializeQuadComponents(label(q.subject), q.predicate, label(q.object), label(q.graph)));
  out.sort();
  return out.join('');
}
