/**
 * Matching the JSON objects Lanyard shows to the signed nodes they are, node by node
 * (signed-display.ts). A JSON object with an id is the node of that IRI; one without is a blank
 * node (JSON-LD 1.1 §9.? node objects; an id `_:…` is a blank node label, renamed by RDFC-1.0), and
 * which blank node it is is not written anywhere: it is the one its parent's node links to whose own
 * signed statements give every field shown of it and whose children are likewise its own. So the
 * nodes a JSON object may be are worked out from its leaves up (`candidates`): the nodes signing
 * each shown value (an index of the statements by member and value), less those not linking, under a
 * property named like the member, to a node one of its shown children may be. What is shown is signed
 * when the credential's node is among the credential's candidates. A JSON object that shows nothing
 * asks nothing. Sets are shared, not copied, and an intersection of the same sets is worked out once,
 * so 10,000 alike evidence items cost one intersection, not 10,000 × 10,000 comparisons.
 */
import { isObj, type Json } from '../formats/json-util.ts';
import { termKey, type NqStatement } from '../jsonld/nquads-read.ts';
import { lastSegment } from './statements.ts';
import { eachShown, iriOf, NUMERIC, numberKey, shownOf, statedBy } from './signed-shown.ts';

/**
 * What is shown of a kind of node: its text members, and its children under each linking member.
 * `ids`: its id is shown too (a link: an evidence item's URL), so a child with an id, or written as
 * a string (an IRI reference), must be a node the parent links to even when it shows nothing else.
 */
export type Shape = { what: string; members: readonly string[]; children: Record<string, Shape>; ids?: true };
export type Unsigned = { what: string; member: string; value: string };

type Nodes = Set<string>;
const EMPTY: Nodes = new Set();
/** A trie over the ids of the sets met (Tree.meet): the intersection of those on the path to it. */
type Meets = { next?: Map<number, Meets>; out?: Nodes };
const isBlank = (node: string): boolean => node.startsWith('_:');

/** What a shape asks of the statements (every member shown, every link followed) and its children as a list: worked out once per shape (the display's shape is a constant; issue 14). */
type ShapeInfo = { members: Set<string>; links: Set<string>; children: [member: string, link: string, child: Shape][] };
const shapeInfos = new WeakMap<Shape, ShapeInfo>();
function infoOf(shape: Shape): ShapeInfo {
  let info = shapeInfos.get(shape);
  if (!info) {
    const members = new Set<string>();
    const links = new Set<string>();
    const walk = (s: Shape): void => {
      for (const m of s.members) members.add(m);
      for (const [m, c] of Object.entries(s.children)) links.add(m.toLowerCase()), walk(c);
    };
    walk(shape);
    shapeInfos.set(shape, (info = { members, links, children: Object.entries(shape.children).map(([m, c]) => [m, m.toLowerCase(), c]) }));
  }
  return info;
}

/** `node` added to the set of `map` under `a` then `b` (a module function: a closure made per Tree cost a naming call each under tsx). */
function add(map: Map<string, Map<string, Nodes>>, a: string, b: string, node: string): void {
  let byValue = map.get(a);
  if (!byValue) map.set(a, (byValue = new Map()));
  let nodes = byValue.get(b);
  if (!nodes) byValue.set(b, (nodes = new Set()));
  nodes.add(node);
}

class Tree {
  /** member → value → the nodes signing it, read as statements.ts `matches` reads an object (a literal's lexical form, an IRI and its last segment). */
  private readonly signed = new Map<string, Map<string, Nodes>>();
  /** lower-cased link name → node → the nodes it links to, and back. */
  private readonly down = new Map<string, Map<string, Nodes>>();
  private readonly up = new Map<string, Map<string, Nodes>>();
  private readonly setIds = new WeakMap<Nodes, number>();
  private sets = 0;
  /** `meet`'s intersections of blank nodes, by the ids of the sets met in increasing order (a trie: no key strings built). */
  private readonly met: Meets = {};
  /** The one-node sets `meet` gives for a node that must be a given one: one set per node. */
  private readonly only = new Map<string, Nodes>();
  /** `parents`, by lower-cased link name and set. */
  private readonly ups = new Map<string, Map<Nodes, Nodes>>();
  /** The children of a JSON object under a member, an IRI reference (a string) read as a node of that id where the shape shows ids; made once. */
  private readonly kids = new Map<Json, Map<string, Json[]>>();
  childrenOf(j: Json, member: string, shape: Shape): Json[] {
    const v = j[member];
    // A JSON object, or a list of them: the objects themselves (no node made of a string, so nothing to keep).
    if (isObj(v)) return [v];
    if (Array.isArray(v) && !(shape.ids && v.some((x) => typeof x === 'string'))) return v.filter(isObj);
    let byMember = this.kids.get(j);
    if (!byMember) this.kids.set(j, (byMember = new Map()));
    let out = byMember.get(member);
    if (!out) {
      const list = Array.isArray(v) ? v : [v];
      out = list.flatMap((x: unknown) => (isObj(x) ? [x] : shape.ids && typeof x === 'string' ? [{ id: x }] : []));
      byMember.set(member, out);
    }
    return out;
  }

  /** Each JSON object's candidates, by shape (parsed JSON is a tree: an object is read once). */
  private readonly cands = new Map<Shape, Map<Json, Nodes | null>>();

  constructor(statements: NqStatement[], shape: Shape) {
    const { members, links } = infoOf(shape);
    for (const s of statements) {
      const { member, link } = statedBy(s.predicate);
      const o = s.object;
      const literal = 'literal' in o;
      if (members.has(member)) {
        const numeric = NUMERIC.has(member);
        if (literal) add(this.signed, member, numeric ? numberKey(o.literal) : o.literal, termKey(s.subject));
        else if ('iri' in o) {
          const subject = termKey(s.subject);
          add(this.signed, member, numeric ? numberKey(o.iri) : o.iri, subject);
          add(this.signed, member, numeric ? numberKey(lastSegment(o.iri)) : lastSegment(o.iri), subject);
        }
      }
      if (!literal && links.has(link)) {
        const subject = termKey(s.subject);
        const object = termKey(o);
        add(this.down, link, subject, object);
        add(this.up, link, object, subject);
      }
    }
  }

  signedBy(member: string, value: string): Nodes {
    return this.signed.get(member)?.get(NUMERIC.has(member) ? numberKey(value) : value) ?? EMPTY;
  }

  linksOf(member: string, node: string): Nodes {
    return this.down.get(member.toLowerCase())?.get(node) ?? EMPTY;
  }

  private id(set: Nodes): number {
    let n = this.setIds.get(set);
    if (n === undefined) this.setIds.set(set, (n = this.sets++));
    return n;
  }

  /** The nodes linking under `link` (a lower-cased member) to any of `nodes`: worked out once per set. */
  private parents(link: string, nodes: Nodes): Nodes {
    let byNodes = this.ups.get(link);
    if (!byNodes) this.ups.set(link, (byNodes = new Map()));
    let out = byNodes.get(nodes);
    if (!out) {
      out = new Set();
      const up = this.up.get(link);
      if (up) for (const n of nodes) for (const p of up.get(n) ?? EMPTY) out.add(p);
      byNodes.set(nodes, out);
    }
    return out;
  }

  /**
   * The nodes in every one of `sets` (blank ones only unless `fixed` names the one node allowed), once per combination:
   * the sets' ids in increasing order walk a trie (`met`), so the same sets in any order are met once.
   */
  private meet(sets: Nodes[], fixed: string | undefined): Nodes {
    if (fixed !== undefined) {
      // As many lookups as sets: nothing to keep but the one-node set itself.
      for (const s of sets) if (!s.has(fixed)) return EMPTY;
      let one = this.only.get(fixed);
      if (!one) this.only.set(fixed, (one = new Set([fixed])));
      return one;
    }
    // Pushed one by one, not `sets.map`: one kind of array at `ids.length` (issue 14: a new kind deoptimized `meet` in the di bench).
    const ids: number[] = [];
    for (const s of sets) ids.push(this.id(s));
    if (ids.length > 1) ids.sort((a, b) => a - b);
    let at = this.met;
    for (const id of ids) {
      const next = (at.next ??= new Map());
      let to = next.get(id);
      if (!to) next.set(id, (to = {}));
      at = to;
    }
    if (!at.out) {
      let smallest = sets[0]!;
      for (const s of sets) if (s.size < smallest.size) smallest = s;
      const out: Nodes = new Set();
      for (const n of smallest) if (isBlank(n) && sets.every((s) => s === smallest || s.has(n))) out.add(n);
      at.out = out;
    }
    return at.out;
  }

  /** The nodes `j` may be, as `shape`; null when it shows nothing and so may be any. `fixed`: the node it must be (the credential's). */
  candidates(j: Json, shape: Shape, fixed = iriOf(j)): Nodes | null {
    let known = this.cands.get(shape);
    if (!known) this.cands.set(shape, (known = new Map()));
    const was = known.get(j);
    if (was !== undefined) return was;
    const sets: Nodes[] = [];
    eachShown(j, shape.members, (member, value) => sets.push(this.signedBy(member, value)));
    for (const [member, link, child] of infoOf(shape).children) {
      // Nothing under the member: no children (childrenOf would find none).
      if (j[member] === undefined || j[member] === null) continue;
      for (const c of this.childrenOf(j, member, child)) {
        const nodes = this.candidates(c, child);
        if (nodes) sets.push(this.parents(link, nodes));
      }
    }
    // A node whose id is shown (a link) asks to be linked to even when it shows nothing else.
    const out = sets.length || (shape.ids && fixed !== undefined) ? this.meet(sets, fixed) : null;
    known.set(j, out);
    return out;
  }

  /** Why `j` is none of `nodes` (those its parent's node links to): the first shown value the likeliest of them does not sign. */
  explain(j: Json, shape: Shape, nodes: Nodes, fixed = iriOf(j)): Unsigned | undefined {
    const allowed = this.candidates(j, shape, fixed);
    // The smaller set looked through: a parent's 20,000 links once per child was 74 s for one forged item.
    if (!allowed || (allowed.size < nodes.size ? [...allowed].some((n) => nodes.has(n)) : [...nodes].some((n) => allowed.has(n)))) return undefined;
    const options = [...nodes].filter((n) => (fixed === undefined ? isBlank(n) : n === fixed));
    const shown = shownOf(j, shape.members);
    const score = (n: string): number => shown.filter(({ member, value }) => this.signedBy(member, value).has(n)).length;
    const best = options.reduce<string | undefined>((a, n) => (a === undefined || score(n) > score(a) ? n : a), undefined);
    const own = shown.find(({ member, value }) => best === undefined || !this.signedBy(member, value).has(best));
    if (own) return { what: shape.what, ...own };
    for (const [member, child] of Object.entries(shape.children)) {
      for (const c of this.childrenOf(j, member, child)) {
        const why = this.explain(c, child, best === undefined ? EMPTY : this.linksOf(member, best));
        if (why) return why;
      }
    }
    // Nothing shown of it is unsigned but its id, a link its parent does not make (shape.ids).
    return { what: shape.what, member: 'id', value: best ?? fixed ?? '' };
  }
}

/**
 * Which of `children` (shown as `shape` under `member` of a JSON object that is one of `parents`) is
 * none of the nodes a parent links to so: their positions, those that show nothing never among them.
 */
export function unsignedAmong(statements: NqStatement[], parents: Iterable<string>, children: Json[], member: string, shape: Shape): number[] {
  const tree = new Tree(statements, { what: '', members: [], children: { [member]: shape } });
  const linked = new Set([...parents].flatMap((p) => [...tree.linksOf(member, p)]));
  // Each child's candidates against the links, the smaller looked through, once per set of candidates: a search of
  // every link per child was entries² (40,000 identifier entries, 50 s).
  const found = new Map<Nodes, boolean>();
  const meets = (nodes: Nodes): boolean => {
    let yes = found.get(nodes);
    if (yes === undefined) {
      const [small, big] = nodes.size < linked.size ? [nodes, linked] : [linked, nodes];
      found.set(nodes, (yes = [...small].some((n) => big.has(n))));
    }
    return yes;
  };
  return children.flatMap((c, i) => {
    const nodes = tree.candidates(c, shape);
    return !nodes || meets(nodes) ? [] : [i];
  });
}

/** The nodes `node` links to under `member` (a property named like it, as the display check reads links). */
export function linkedUnder(statements: NqStatement[], node: string, member: string): string[] {
  return [...new Tree(statements, { what: '', members: [], children: { [member]: { what: '', members: [], children: {} } } }).linksOf(member, node)];
}

/** What of `json`, shown as `shape`, the node `root` does not sign as shown, node by node; undefined when all of it is signed. */
export function unsignedNode(statements: NqStatement[], root: string, json: Json, shape: Shape): Unsigned | undefined {
  const tree = new Tree(statements, shape);
  const top = tree.candidates(json, shape, root);
  return !top || top.has(root) ? undefined : tree.explain(json, shape, new Set([root]), root);
}
