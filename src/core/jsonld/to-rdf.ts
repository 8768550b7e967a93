/**
 * A synchronous JSON-LD → RDF converter for compact credentials: JSON-LD 1.1 API §5.1 (Expansion)
 * and §8 (Deserialize JSON-LD to RDF) fused into one walk, mirroring jsonld.js 9 `expand.js`,
 * `nodeMap.js` and `toRdf.js` step by step for what credentials use (terms, compact IRIs, @vocab,
 * @id/@vocab/datatype coercion, @protected, type- and property-scoped contexts, @container @set,
 * @list and @graph, value objects with @type or @language, embedded @context).
 *
 * It never guesses: anything else (language/index/id/type maps, @reverse, @nest, @included, @json,
 * @direction, a construct safe mode would refuse…) throws FastPathUnsupported, and jsonld.js does
 * the work instead. A context transition not yet computed throws NeedContext; the caller computes
 * it (asynchronously, once per process) and runs the walk again.
 */
import type { Active, ContextSet, Mode } from './context-set.ts';
import { FastPathUnsupported } from './errors.ts';
import { hasForeignKey } from './foreign-keys.ts';
import { vocabIriOf, type VocabIri } from './iri-memo.ts';
import { BCP47, DEFAULT_GRAPH, RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, isAbsolute, literal, named, type Quad, type Term } from './rdf-terms.ts';

export class NeedContext {
  constructor(readonly active: Active, readonly local: unknown, readonly mode: Mode) {}
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
function no(why: string): never {
  throw new FastPathUnsupported(why);
}
const UNSUPPORTED_CONTAINERS = ['@language', '@index', '@id', '@type'];

/** A value's RDF term, and its identity for jsonld.js's duplicate merging (see `emit`). */
interface Value {
  term: Term;
  same: string | null;
}
/** A literal, and the identity of the expanded value object it comes from ({@value, @type, @language}, the JS type of @value kept). */
const lit = (value: string | number | boolean, type: string | null, language: string | null): Value => ({
  term: literal(value, type, language),
  // One-to-one without JSON.stringify: the JS type, then type and language each with its length (-1 for none), then the value.
  same: `V${typeof value} ${type === null ? -1 : type.length} ${type ?? ''}${language === null ? -1 : language.length} ${language ?? ''}${value}`,
});

/** Two term definitions that expand, coerce and contain alike (jsonld.js makes a new object even for an identical redefinition). */
function sameDefinition(a: Obj | undefined, b: Obj | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const strip = ({ protected: _, ...rest }: Obj) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

class Walk {
  readonly quads: Quad[] = [];
  /** The values already emitted, by graph, subject (terms, one object per node: see `node`) and predicate. */
  private readonly seen = new Map<Term, Map<Term, Map<string, Set<string>>>>();
  private readonly labels = new Map<string, Term>();
  /** One term object per IRI, so that a node met twice is the same subject in `seen`. */
  private readonly iris = new Map<string, Term>();
  private count = 0;
  private readonly vocabIri: VocabIri;
  constructor(private readonly set: ContextSet) {
    this.vocabIri = vocabIriOf(set);
  }

  private to(active: Active, local: unknown, mode: Mode): Active {
    const next = this.set.cached(active, local, mode);
    if (!next) throw new NeedContext(active, local, mode);
    return next;
  }
  private iri(active: Active, value: string, vocab: boolean, base: boolean): string | null {
    // Only vocabulary expansions (terms, types) recur from document to document; @id values seldom do.
    return vocab ? this.vocabIri(active, value, base) : this.set.expandIri(active, value, vocab, base);
  }
  private fresh(): Term {
    return { termType: 'BlankNode', value: `b${this.count++}` };
  }
  /** An absolute IRI or a document blank node label (relabelled consistently, as jsonld.js's issuer does). */
  private node(id: string): Term {
    if (!id.startsWith('_:')) {
      let n = this.iris.get(id);
      if (!n) this.iris.set(id, (n = named(id)));
      return n;
    }
    let t = this.labels.get(id);
    if (!t) this.labels.set(id, (t = this.fresh()));
    return t;
  }
  /**
   * One quad. `same` is the expanded value's identity as jsonld.js's node map compares values
   * (util.js `compareValues`: equal `@value` with the same JS type, `@type` and `@language`; equal
   * `@id`), or null for a value that never merges (a fresh blank node, a list): jsonld.js merges
   * duplicates there, in the node map, and nowhere else. `true` and `"true"^^xsd:boolean` are two
   * values and two quads (W3C toRdf ttn02), even though the two quads are the same.
   */
  private emit(subject: Term, predicate: string, object: Term, graph: Term, same: string | null): void {
    if (same !== null) {
      let bySubject = this.seen.get(graph);
      if (!bySubject) this.seen.set(graph, (bySubject = new Map()));
      let byPredicate = bySubject.get(subject);
      if (!byPredicate) bySubject.set(subject, (byPredicate = new Map()));
      const values = byPredicate.get(predicate);
      if (!values) byPredicate.set(predicate, new Set<string>().add(same));
      else if (values.has(same)) return;
      else values.add(same);
    }
    this.quads.push({ subject, predicate: named(predicate), object, graph });
  }
  private mapping(active: Active, term: string | null): Obj | undefined {
    return term === null ? undefined : (active.mappings.get(term) ?? undefined);
  }
  private containers(active: Active, term: string): string[] {
    return (this.mapping(active, term)?.['@container'] as string[] | undefined) ?? [];
  }

  /** expand.js `api.expand` for an object that is not a value object; returns its subject and how many entries its expansion has. */
  object(element: Obj, active: Active, activeProperty: string | null, graph: Term): { subject: Term; id: string | undefined; count: number; onlyId: boolean } {
    const keys = Object.keys(element).sort();
    const propertyScoped = this.mapping(active, activeProperty)?.['@context'];
    let ctx = active;
    let mustRevert = true;
    if (active.previousContext && keys.length <= 2 && !keys.includes('@context')) {
      for (const key of keys) {
        const e = this.iri(active, key, true, false);
        if (e === '@value') no('value object under a type-scoped context');
        if (e === '@id' && keys.length === 1) {
          mustRevert = false;
          break;
        }
      }
    }
    if (mustRevert && ctx.previousContext) ctx = ctx.previousContext;
    if (propertyScoped !== undefined) ctx = this.to(ctx, propertyScoped, 'property');
    if ('@context' in element) ctx = this.to(ctx, element['@context'], 'plain');
    const typeScoped = ctx;
    for (const key of keys) {
      if (this.iri(ctx, key, true, false) !== '@type') continue;
      const v = element[key];
      const types = Array.isArray(v) ? (v.length > 1 ? [...v].sort() : v) : [v];
      for (const t of types) {
        const scoped = typeof t === 'string' ? this.mapping(typeScoped, t)?.['@context'] : undefined;
        if (scoped !== undefined) ctx = this.to(ctx, scoped, 'type');
      }
    }
    let id: string | undefined;
    const types: string[] = [];
    const props: [string, string, unknown][] = [];
    for (const key of keys) {
      if (key === '@context') continue;
      const e = this.iri(ctx, key, true, false);
      if (e === null) no(`property ${key} does not expand`);
      if (e === '@id') {
        const v = element[key];
        if (typeof v !== 'string' || id !== undefined) no('@id is not one string');
        const ve = this.iri(ctx, v, false, true);
        if (ve === null || !isAbsolute(ve)) no(`relative @id ${v}`);
        id = ve;
      } else if (e === '@type') {
        const v = element[key];
        for (const t of Array.isArray(v) ? v : [v]) {
          if (typeof t !== 'string') no('@type is not a string');
          const te = this.iri(typeScoped, t, true, true);
          if (te === null || !isAbsolute(te)) no(`relative @type ${t}`);
          types.push(te);
        }
        if (types.length === 0) no('empty @type');
      } else if (e.startsWith('@') || !isAbsolute(e) || e.startsWith('_:')) {
        no(`property ${key} expands to ${e}`);
      } else props.push([key, e, element[key]]);
    }
    const subject = id !== undefined ? this.node(id) : this.fresh();
    for (const t of types) this.emit(subject, RDF_TYPE, this.node(t), graph, `T${t}`);
    let count = (id !== undefined ? 1 : 0) + (types.length ? 1 : 0);
    for (const [key, predicate, value] of props) if (this.property(subject, key, predicate, value, ctx, graph)) count++;
    const onlyId = count === 1 && id !== undefined;
    // expand.js end of `api.expand`: the node's own context (not its parent's) decides whether its
    // property is a @graph container, and safe mode refuses an empty or @id-only node there.
    if (activeProperty !== null && (count === 0 || onlyId) && this.containers(ctx, activeProperty).includes('@graph')) no('empty node in a @graph container');
    return { subject, id, count, onlyId };
  }

  /** expand.js `_expandObject` for one property, then nodeMap/toRdf for its values. False when it expands to nothing (null). */
  private property(subject: Term, key: string, predicate: string, value: unknown, ctx: Active, graph: Term): boolean {
    const def = this.mapping(ctx, key);
    const termCtx = def?.['@context'] !== undefined ? this.to(ctx, def['@context'], 'property') : ctx;
    // expand.js reads the container and @json from the node's context, @reverse and the value's
    // coercion from the term's own scoped context (`termCtx`): a scoped context that redefines
    // its own term makes them disagree, which only jsonld.js gets right.
    if (termCtx !== ctx && !sameDefinition(this.mapping(termCtx, key), def)) no(`${key} is redefined by its own scoped context`);
    const container = (def?.['@container'] as string[] | undefined) ?? [];
    if (container.some((c) => UNSUPPORTED_CONTAINERS.includes(c))) no(`@container ${container.join(',')}`);
    if (def?.['@type'] === '@json' || def?.reverse) no(`${key} is @json or @reverse`);
    if (value === null) return false;
    if (container.includes('@list')) {
      if (container.includes('@graph') || (isObj(value) && ('@list' in value || '@set' in value))) no('explicit list or graph list');
      const items: Term[] = [];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (Array.isArray(item)) no('list of lists');
        const t = this.value(item, termCtx, key, graph);
        if (t) items.push(t.term);
      }
      this.emit(subject, predicate, this.list(items, graph), graph, null);
      return true;
    }
    const items: unknown[] = Array.isArray(value) ? value.flat(Infinity) : [value];
    if (container.includes('@graph')) {
      let any = false;
      for (const item of items) {
        if (item === null) continue;
        any = true;
        if (!isObj(item) || '@value' in item) no('a @graph container value that is not a node');
        const g = this.fresh();
        this.emit(subject, predicate, g, graph, null);
        const r = this.object(item, termCtx, key, g);
        if (r.count === 0 || r.onlyId) no('empty node in a @graph container');
      }
      return any;
    }
    for (const item of items) {
      const t = this.value(item, termCtx, key, graph);
      if (t) this.emit(subject, predicate, t.term, graph, t.same);
    }
    return true;
  }

  /** One value of a property: a scalar (`_expandValue`), a value object, or a node. */
  private value(item: unknown, ctx: Active, key: string, graph: Term): Value | null {
    if (item === null || item === undefined) return null;
    if (isObj(item)) {
      if ('@value' in item) return this.valueObject(item, ctx, key);
      if ('@list' in item || '@set' in item || '@graph' in item) no('explicit @list, @set or @graph');
      const { subject, id } = this.object(item, ctx, key, graph);
      return { term: subject, same: id === undefined ? null : `I${id}` };
    }
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') return no('not a JSON value');
    const def = this.mapping(ctx, key);
    const type = (def?.['@type'] as string | undefined) ?? null;
    if (typeof item === 'string' && (type === '@id' || type === '@vocab')) {
      const e = this.iri(ctx, item, type === '@vocab', true);
      if (e === null || !isAbsolute(e)) no(`relative IRI ${item}`);
      return { term: this.node(e), same: `I${e}` };
    }
    if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none') {
      if (type.startsWith('@') || !isAbsolute(type)) no(`type coercion to ${type}`);
      return lit(item, type, null);
    }
    if (typeof item !== 'string') return lit(item, null, null);
    if ((def && '@direction' in def) || '@direction' in ctx) no('@direction');
    const language = def && '@language' in def ? (def['@language'] as string | null) : (ctx['@language'] ?? null);
    return lit(item, null, language);
  }

  /** A value object { @value, @type | @language } with literal keyword keys (expand.js: no revert for ≤ 2 keys under a type-scoped context). */
  private valueObject(item: Obj, active: Active, key: string): Value {
    const keys = Object.keys(item);
    if (!keys.every((k) => k === '@value' || k === '@type' || k === '@language')) no('value object with other keys');
    let ctx = active.previousContext && keys.length > 2 ? active.previousContext : active;
    const scoped = this.mapping(active, key)?.['@context'];
    if (scoped !== undefined) ctx = this.to(ctx, scoped, 'property');
    const v = item['@value'];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return no('@value is not a scalar');
    const t = item['@type'];
    const lang = item['@language'];
    if (t !== undefined && lang !== undefined) no('@type and @language');
    if (t !== undefined) {
      if (typeof t !== 'string' || this.mapping(ctx, t)?.['@context'] !== undefined) no('@type of a value');
      const te = this.iri(ctx, t, true, true);
      if (te === null || !isAbsolute(te) || te.startsWith('_:')) return no(`value @type ${t}`);
      return lit(v, te, null);
    }
    if (lang !== undefined) {
      if (typeof lang !== 'string' || typeof v !== 'string' || !BCP47.test(lang)) no('@language');
      return lit(v, null, lang.toLowerCase());
    }
    return lit(v, null, null);
  }

  /** toRdf.js `_listToRDF`: an RDF collection of blank nodes, rdf:nil when empty. */
  private list(items: Term[], graph: Term): Term {
    if (items.length === 0) return named(RDF_NIL);
    const head = this.fresh();
    let node = head;
    items.forEach((item, i) => {
      const next = i === items.length - 1 ? named(RDF_NIL) : this.fresh();
      this.emit(node, RDF_FIRST, item, graph, null);
      this.emit(node, RDF_REST, next, graph, null);
      node = next;
    });
    return head;
  }
}

/** The document's RDF dataset (jsonld.js `toRDF` with safe mode), or a throw: FastPathUnsupported or NeedContext. */
export function toRdfFast(doc: unknown, set: ContextSet): Quad[] {
  if (!isObj(doc)) return no('the document is not one object');
  if (hasForeignKey(doc)) no('a __proto__ or @import key');
  const walk = new Walk(set);
  const top = walk.object(doc, set.initial, null, DEFAULT_GRAPH);
  // expand.js `_dropUnsafeObject`: safe mode refuses an empty top-level object or one with only @id.
  if (top.count === 0 || top.onlyId) no('empty top-level object');
  return walk.quads;
}
