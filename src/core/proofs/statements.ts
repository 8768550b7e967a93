/**
 * Reading canonical N-Quads statements against the JSON that Lanyard reads (signed-reading.ts,
 * signed-display.ts): a JSON member's values as statement objects would key them, whether one is
 * a statement's object, the node the top JSON object is, and the nodes one level down.
 */
import { isObj, type Json } from '../formats/json-util.ts';
import { termKey, type NqStatement, type NqTerm } from '../jsonld/nquads-read.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * An IRI's last segment (after its last `#` or `/`). Asked of every statement's predicate several times
 * a Data Integrity verification (signed-reading.ts, signed-tree.ts), always of the same few vocabulary
 * IRIs: each is cut once (issue 14), up to 1,024 kept (hostile input brings any number of IRIs).
 */
export function lastSegment(iri: string): string {
  let seg = segments.get(iri);
  if (seg === undefined) {
    seg = iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    if (iri.length <= 256) {
      if (segments.size >= 1024) segments.clear();
      segments.set(iri, seg);
    }
  }
  return seg;
}
const segments = new Map<string, string>();

/** JSON-LD 1.1 API §8.6 (jsonld.js _objectToRDF): a number's lexical form in RDF. */
const lexicalNumber = (n: number): string => (Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : n.toExponential(15).replace(/(\d)0*e\+?/, '$1E'));

/** The values a JSON member gives, as statement objects would key them; `undefined` for a node without an id. */
export function jsonValues(v: unknown): (string | undefined)[] {
  // Pushed one by one, not `list.map`: the arrays returned are then of the kinds V8 has seen at their
  // callers' loops (issue 14: a new kind deoptimized signed-reading.ts `unaccounted` in the di bench).
  const out: (string | undefined)[] = [];
  if (v === undefined || v === null) return out;
  if (!Array.isArray(v)) {
    out.push(jsonValue(v));
    return out;
  }
  for (let i = 0; i < v.length; i++) out.push(jsonValue(v[i]));
  return out;
}

function jsonValue(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return lexicalNumber(x);
  if (typeof x === 'boolean') return String(x);
  if (isObj(x)) return typeof x.id === 'string' ? x.id : typeof x['@id'] === 'string' ? x['@id'] : undefined;
  return '\u0000';
}

/** Whether a JSON value is the statement's object: the IRI or lexical form itself, or (a `@vocab` term) the IRI's last segment. */
export function matches(o: NqTerm, v: string | undefined): boolean {
  if ('blank' in o) return v === undefined;
  if ('literal' in o) return v === o.literal;
  return v !== undefined && (v === o.iri || lastSegment(o.iri) === v);
}

/**
 * What is asked of one list of statements several times a verification (the credential node, the
 * statements about a node, the nodes pointed to: signed-reading.ts, signed-display.ts), worked out
 * once per list (issue 14: each question walked every statement). The lists are never changed.
 */
type Index = { bySubject: Map<string, NqStatement[]>; pointedTo?: Set<string> };
const indexes = new WeakMap<readonly NqStatement[], Index>();
function indexOf(statements: readonly NqStatement[]): Index {
  let index = indexes.get(statements);
  if (!index) {
    const bySubject = new Map<string, NqStatement[]>();
    for (const s of statements) {
      const subject = termKey(s.subject);
      const list = bySubject.get(subject);
      if (list) list.push(s);
      else bySubject.set(subject, [s]);
    }
    indexes.set(statements, (index = { bySubject }));
  }
  return index;
}

/** The nodes some statement points to: asked only when the top JSON object's id names no node (rootOf), so worked out then. */
function pointedTo(statements: readonly NqStatement[]): Set<string> {
  const index = indexOf(statements);
  if (!index.pointedTo) {
    const pointed = new Set<string>();
    for (const s of statements) if (!('literal' in s.object)) pointed.add(termKey(s.object));
    index.pointedTo = pointed;
  }
  return index.pointedTo;
}

/** The statements about `nodes`, in the order of `statements`. */
export function about(statements: readonly NqStatement[], nodes: Set<string>): NqStatement[] {
  const { bySubject } = indexOf(statements);
  if (nodes.size === 1) for (const n of nodes) return bySubject.get(n) ?? [];
  return statements.filter((s) => nodes.has(termKey(s.subject)));
}

/** The node the top JSON object is: `<id>`, or the one node of `type` that no statement points to. */
export function rootOf(statements: NqStatement[], id: unknown, type?: string): string | undefined {
  const { bySubject } = indexOf(statements);
  if (typeof id === 'string' && bySubject.get(id)?.some((s) => 'iri' in s.subject)) return id;
  const pointed = pointedTo(statements);
  const roots = new Set(statements.filter((s) => !pointed.has(termKey(s.subject)) && (!type || (s.predicate === RDF_TYPE && termKey(s.object) === type))).map((s) => termKey(s.subject)));
  return roots.size === 1 ? [...roots][0] : undefined;
}

/** The nodes `nodes` point to under `names`, and the JSON objects `json` hold under `member`: one level down. */
export function below(statements: NqStatement[], nodes: Set<string>, json: Json[], member: string, names: readonly string[]): { nodes: Set<string>; json: Json[] } {
  const under = about(statements, nodes).filter((s) => names.includes(lastSegment(s.predicate)));
  return { nodes: new Set(under.map((s) => termKey(s.object))), json: json.flatMap((j) => (Array.isArray(j[member]) ? j[member] : [j[member]])).filter(isObj) };
}
