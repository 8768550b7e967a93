/**
 * Mutations for the differential JSON-LD fuzzer (issue 11): each takes a credential (parsed JSON)
 * and plays one context trick on it: embedded, property- and type-scoped contexts, protected
 * redefinitions, @vocab, @json, @reverse, @list, @graph, @nest, @included, duplicates, odd numbers,
 * Unicode forms, `__proto__`, key order, nulls, relative and blank identifiers. Deterministic for a
 * given PRNG state.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** sfc32: a small, seedable PRNG (Chris Doty-Humphrey's Small Fast Counting generator). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const EX = 'https://ex.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** Terms credentials use (OB 3.0, VC 2.0) and new ones. */
const TERMS = ['name', 'description', 'id', 'type', 'narrative', 'achievement', 'criteria', 'issuer', 'credentialSubject', 'image', 'evidence', 'validFrom', 'url', 'tag', 'alignment', 'result', 'proof', 'p', 'q', 'primer', 'kid', 'T', 'U', 'p', 'q', 'kid', 'r', 's', 'v', 'w'];
const GOOD_IRIS = [`${EX}p`, `${EX}q`, `${EX}evil`, 'https://schema.org/name', 'https://schema.org/description', 'http://schema.org/name', 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement'];
const ODD_IRIS = ['ex:p', 'p', '', '_:b', '@type', '@id', '@nest', '@graph', '@included', '@json', '@context', `${EX}a b`];
/** Mostly IRIs a context would use, sometimes odd ones. */
const IRIS = [...GOOD_IRIS, ...GOOD_IRIS, ...GOOD_IRIS, ...ODD_IRIS];
const TYPES = ['@id', '@vocab', '@json', '@none', `${XSD}string`, `${XSD}integer`, `${XSD}boolean`, `${XSD}double`, `${XSD}dateTime`, `${EX}dt`, 'xsd:date'];
const CONTAINERS: unknown[] = ['@set', '@list', '@graph', ['@graph', '@set'], '@language', '@index', '@id', '@type', ['@list', '@set'], ['@graph', '@id']];
export const ODD_NUMBERS = [0, -0, 1, -1, 1.0, 0.1, 1.5, 1e21, 1e20, 1e-7, 123456789012345680000, 2 ** 53 + 2, 5e-324, 1.7976931348623157e308, -1e-300, 100, 4.5, 3.0e2];
const UNICODE = ['é', 'e\u0301', 'Å', 'A\u030a', '\u212b', 'ﬁ', '😀', '\u200f', '\u202e', '\u0000', '\t\n\r', '"\\', '\ud800', 'İ', 'ǅ', '\u00a0', '  '];
const CONTEXT_URLS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/data-integrity/v2', 'https://www.w3.org/ns/credentials/undefined-terms/v2', 'https://example.com/not-bundled'];

/** A random term definition (sometimes with a scoped context of its own). */
function definition(r: Rng, depth: number): unknown {
  switch (r.int(9)) {
    case 0:
      return r.pick(IRIS);
    case 1:
      return r.chance(0.3) ? null : r.pick(GOOD_IRIS);
    case 2:
      return { '@reverse': r.pick(IRIS.slice(0, 6)) };
    default: {
      const d: Obj = {};
      if (r.chance(0.8)) d['@id'] = r.pick(IRIS);
      if (r.chance(0.3)) d['@type'] = r.pick(TYPES);
      if (r.chance(0.2)) d['@container'] = r.pick(CONTAINERS);
      if (r.chance(0.1)) d['@language'] = r.pick(['en', 'EN-gb', null, 'x y']);
      if (r.chance(0.1)) d['@protected'] = r.chance(0.5);
      if (r.chance(0.05)) d['@direction'] = r.pick(['ltr', 'rtl', null]);
      if (r.chance(0.05)) d['@nest'] = r.pick(['@nest', 'nest']);
      if (r.chance(0.05)) d['@prefix'] = r.chance(0.5);
      if (depth < 2 && r.chance(0.35)) d['@context'] = localContext(r, depth + 1);
      return d;
    }
  }
}

/** A random local context: terms, keywords, or a URL; sometimes an array of them. */
export function localContext(r: Rng, depth = 0): unknown {
  const one = (): unknown => {
    const k = r.int(20);
    if (k === 0) return r.pick(CONTEXT_URLS);
    if (k === 1) return null;
    const c: Obj = {};
    const n = 1 + r.int(3);
    for (let i = 0; i < n; i++) c[r.pick(TERMS)] = definition(r, depth);
    if (r.chance(0.25)) c['@protected'] = r.chance(0.7);
    if (r.chance(0.1)) c['@vocab'] = r.pick([`${EX}v#`, `${EX}v#`, 'ex:', '', null, 'relative/']);
    if (r.chance(0.03)) c['@base'] = r.pick([`${EX}base/`, null, 'rel/']);
    if (r.chance(0.08)) c['@language'] = r.pick(['en', 'DE', null]);
    if (r.chance(0.05)) c['@propagate'] = r.chance(0.5);
    if (r.chance(0.04)) c['@version'] = r.pick([1.1, 1.0]);
    if (r.chance(0.03)) c['@import'] = r.pick(CONTEXT_URLS.slice(0, 2));
    if (r.chance(0.01)) c['@context'] = { p: `${EX}p` };
    if (r.chance(0.05)) c.ex = EX;
    return c;
  };
  return r.chance(0.2) ? [one(), one()] : one();
}

/** Every node-like object of the document (not value objects), with its parent key. */
function nodes(doc: unknown, out: { node: Obj; key: string | null }[] = [], key: string | null = null, depth = 0): { node: Obj; key: string | null }[] {
  if (depth > 40) return out;
  if (Array.isArray(doc)) {
    for (const v of doc) nodes(v, out, key, depth + 1);
  } else if (isObj(doc) && !('@value' in doc)) {
    out.push({ node: doc, key });
    for (const [k, v] of Object.entries(doc)) if (k !== '@context') nodes(v, out, k, depth + 1);
  }
  return out;
}

/** A random value for a property: scalars, value objects, nodes, lists, arrays of them. */
function value(r: Rng, depth = 0): unknown {
  switch (r.int(12)) {
    case 0:
      return r.pick(ODD_NUMBERS);
    case 1:
      return r.chance(0.5);
    case 2:
      return null;
    case 3:
      return r.pick(UNICODE) + 'x';
    case 4:
      return { '@value': r.pick<unknown>(['true', true, 5, '5', 'x', 1.5, null]), ...(r.chance(0.5) ? { '@type': r.pick(TYPES) } : r.chance(0.3) ? { '@language': r.pick(['en', 'EN', 'x y']) } : {}) };
    case 5:
      return { '@id': r.pick([`${EX}n1`, `${EX}n2`, '_:b1', 'relative', 'ex:n', `${EX}a b`]) };
    case 6:
      return depth < 2 ? { '@list': [value(r, depth + 1), value(r, depth + 1)] } : 'l';
    case 7:
      return depth < 2 ? [value(r, depth + 1), value(r, depth + 1), ...(r.chance(0.3) ? [[value(r, depth + 1)]] : [])] : 'a';
    case 8:
      return depth < 2 ? { id: r.pick([`${EX}n1`, `${EX}n3`, '_:b2']), ...(r.chance(0.5) ? { [r.pick(TERMS)]: value(r, depth + 1) } : {}) } : {};
    case 9:
      return {};
    case 10:
      return `${EX}x`;
    default:
      return 'x';
  }
}

function setContext(node: Obj, ctx: unknown, r: Rng): void {
  const rest = { ...node };
  for (const k of Object.keys(node)) delete node[k];
  if (r.chance(0.7)) node['@context'] = ctx;
  Object.assign(node, rest);
  if (!('@context' in node)) node['@context'] = ctx;
}

function defineProtoKey(o: Obj, v: unknown): void {
  Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true, configurable: true });
}

/** Rebuilds every object with its keys in a random order. */
function shuffleKeys(v: unknown, r: Rng, depth = 0): unknown {
  if (depth > 40) return v;
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, r, depth + 1));
  if (!isObj(v)) return v;
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const o: Obj = {};
  for (const k of keys) {
    if (k === '__proto__') defineProtoKey(o, shuffleKeys(v[k], r, depth + 1));
    else o[k] = shuffleKeys(v[k], r, depth + 1);
  }
  return o;
}

export const MUTATIONS: Record<string, (doc: Obj, r: Rng) => Obj | void> = {
  embeddedContext(doc, r) {
    const { node } = r.pick(nodes(doc));
    setContext(node, localContext(r), r);
  },
  topContextEntry(doc, r) {
    const c = doc['@context'];
    const extra = localContext(r);
    doc['@context'] = Array.isArray(c) ? (r.chance(0.8) ? [...c, extra] : [extra, ...c]) : [c, extra];
  },
  protectedRedefinition(doc, r) {
    // The issue 11 shape: a primer term with a scoped redefinition used with null, and the same redefinition embedded later.
    const swap = r.chance(0.5) ? { name: 'https://schema.org/description', description: 'https://schema.org/name' } : { name: `${EX}evil` };
    const c = doc['@context'];
    doc['@context'] = [...(Array.isArray(c) ? c : [c]), { primer: { '@id': `${EX}primer`, '@context': swap } }];
    const all = nodes(doc);
    const a = r.pick(all);
    a.node.primer = r.chance(0.8) ? null : value(r);
    const b = r.pick(all);
    setContext(b.node, r.chance(0.7) ? swap : { '@protected': true, ...swap }, r);
    if (typeof b.node.name === 'string' && typeof b.node.description === 'string') [b.node.name, b.node.description] = [b.node.description, b.node.name];
  },
  scopedTerm(doc, r) {
    const term = r.pick(['kid', 'primer', 'p', 'name', 'description', 'achievement']);
    const c = doc['@context'];
    doc['@context'] = [...(Array.isArray(c) ? c : [c]), { [term]: { '@id': r.pick(IRIS.slice(0, 5)), '@context': localContext(r, 1), ...(r.chance(0.3) ? { '@container': r.pick(CONTAINERS) } : {}), ...(r.chance(0.2) ? { '@type': r.pick(TYPES) } : {}) } }];
    r.pick(nodes(doc)).node[term] = value(r);
  },
  typeScoped(doc, r) {
    const c = doc['@context'];
    doc['@context'] = [...(Array.isArray(c) ? c : [c]), { T: { '@id': `${EX}T`, '@context': localContext(r, 1) }, kid: `${EX}kid` }];
    const { node } = r.pick(nodes(doc));
    const t = node.type ?? node['@type'];
    node.type = Array.isArray(t) ? [...t, 'T'] : t === undefined ? 'T' : [t, 'T'];
    if (r.chance(0.5)) node.kid = value(r);
  },
  vocab(doc, r) {
    setContext(r.pick(nodes(doc)).node, { '@vocab': r.pick([`${EX}v#`, '', 'ex:', null]), ...(r.chance(0.3) ? { ex: EX } : {}) }, r);
    r.pick(nodes(doc)).node[r.pick(['undefinedThing', 'ex:thing', 'name', 'Achievement'])] = value(r);
  },
  json(doc, r) {
    const node = r.pick(nodes(doc)).node;
    setContext(node, { j: { '@id': `${EX}j`, '@type': '@json' } }, r);
    node.j = r.pick<unknown>([{ b: [1, 2.5, 1e21], a: 'x', '@id': 'y' }, [3, 'é'], null, 'str', 1.0, { '@value': 1 }]);
  },
  reverse(doc, r) {
    const node = r.pick(nodes(doc)).node;
    setContext(node, { rev: { '@reverse': `${EX}r` } }, r);
    node.rev = r.pick<unknown>([{ id: `${EX}other` }, [{ id: '_:x' }, `${EX}iri`], 'literal', { '@value': 'v' }]);
    if (r.chance(0.3)) node['@reverse'] = { [`${EX}r2`]: { '@id': `${EX}n9` } };
  },
  list(doc, r) {
    const node = r.pick(nodes(doc)).node;
    setContext(node, { l: { '@id': `${EX}l`, '@container': r.pick(['@list', ['@list'], '@set']) } }, r);
    node.l = r.pick<unknown>([[1, [2, 3], 'x'], [], [null], { '@list': [1] }, 'one', [{ '@value': 1 }, { id: `${EX}li` }], [[]]]);
  },
  graph(doc, r) {
    const all = nodes(doc);
    const { node, key } = r.pick(all);
    if (key !== null && r.chance(0.5)) {
      // A child context that makes its parent key a @graph container.
      setContext(node, { [key]: { '@id': `${EX}${key}`, '@container': '@graph' } }, r);
      if (r.chance(0.5)) for (const k of Object.keys(node)) if (k !== '@context' && k !== 'id') delete node[k];
    } else {
      setContext(node, { g: { '@id': `${EX}g`, '@container': r.pick(['@graph', ['@graph', '@set'], ['@graph', '@id']]) } }, r);
      node.g = r.pick<unknown>([{ id: `${EX}gn`, name: 'x' }, {}, { id: `${EX}only` }, [{ name: 'y' }, { '@value': 1 }], { '@graph': { name: 'z' } }]);
    }
  },
  nest(doc, r) {
    const node = r.pick(nodes(doc)).node;
    setContext(node, { nested: '@nest', n2: { '@id': `${EX}n2`, '@nest': 'nested' } }, r);
    node.nested = r.pick<unknown>([{ n2: 'x' }, { name: 'y' }, 'bad', [{ n2: 1 }]]);
  },
  included(doc, r) {
    const node = r.pick(nodes(doc)).node;
    node['@included'] = r.pick<unknown>([[{ '@id': `${EX}inc`, [`${EX}p`]: 'v' }], { '@id': `${EX}inc2` }, 'bad']);
  },
  duplicates(doc, r) {
    const node = r.pick(nodes(doc)).node;
    const key = r.pick(['name', 'description', 'p', `${EX}p`, ...Object.keys(node).filter((k) => !k.startsWith('@'))]);
    const v = node[key] ?? r.pick<unknown>([true, 'x', 5]);
    const lit = Array.isArray(v) ? v[0] : v;
    const typed = typeof lit === 'boolean' ? { '@value': String(lit), '@type': `${XSD}boolean` } : typeof lit === 'number' ? { '@value': String(lit), '@type': `${XSD}integer` } : { '@value': lit, '@type': `${XSD}string` };
    node[key] = [v, v, { '@value': lit }, typed, ...(r.chance(0.3) ? [{ id: `${EX}dup` }, { '@id': `${EX}dup` }, `${EX}dup`] : [])];
  },
  oddNumbers(doc, r) {
    const all = nodes(doc);
    for (let i = 0; i < 3; i++) {
      const { node } = r.pick(all);
      const keys = Object.keys(node).filter((k) => !k.startsWith('@') && k !== 'id' && k !== 'type');
      if (keys.length) node[r.pick(keys)] = r.chance(0.5) ? r.pick(ODD_NUMBERS) : { '@value': r.pick(ODD_NUMBERS), '@type': r.pick([`${XSD}double`, `${XSD}integer`, `${XSD}float`, `${XSD}string`]) };
    }
  },
  unicode(doc, r) {
    const all = nodes(doc);
    const { node } = r.pick(all);
    const keys = Object.keys(node).filter((k) => typeof node[k] === 'string' && !k.startsWith('@') && k !== 'type');
    if (keys.length) {
      const k = r.pick(keys);
      const s = node[k] as string;
      node[k] = r.pick([s.normalize('NFD'), s.normalize('NFKC'), s + r.pick(UNICODE), r.pick(UNICODE) + s, s.toUpperCase()]);
    } else node[r.pick(['name', 'nàme', 'name\u0301'])] = r.pick(UNICODE);
  },
  proto(doc, r) {
    const { node } = r.pick(nodes(doc));
    if (r.chance(0.5)) defineProtoKey(node, r.pick<unknown>(['x', { name: 'y' }, null]));
    else {
      const c = doc['@context'];
      const ctx: Obj = {};
      defineProtoKey(ctx, r.pick<unknown>([`${EX}proto`, { '@id': `${EX}proto` }]));
      doc['@context'] = [...(Array.isArray(c) ? c : [c]), ctx];
      node.__proto_term = 1;
    }
  },
  keyOrder(doc, r) {
    return shuffleKeys(doc, r) as Obj;
  },
  nulls(doc, r) {
    const { node } = r.pick(nodes(doc));
    const keys = Object.keys(node);
    if (keys.length) node[r.pick(keys)] = r.pick<unknown>([null, [], {}, [null], { '@value': null }]);
  },
  identifiers(doc, r) {
    const { node } = r.pick(nodes(doc));
    const k = r.pick(['id', '@id', 'type', '@type']);
    node[k] = k.endsWith('id') ? r.pick<unknown>(['relative', '_:b0', '_:b0 ', `${EX}a b`, 'ex:c', 5, ['x'], '', '#frag', 'urn:x']) : r.pick<unknown>(['Achievement', 'ex:T', '_:bt', 'relative', [], ['T', 'T'], 5, `${EX}T`]);
  },
  alias(doc, r) {
    const node = r.pick(nodes(doc)).node;
    setContext(node, { kind: '@type', ident: '@id', val: '@value', lang: '@language' }, r);
    node[r.pick(['kind', 'ident', 'p'])] = r.pick<unknown>([`${EX}K`, { val: 'v', lang: 'en' }, { val: 1, kind: `${XSD}integer` }]);
  },
  mapContainers(doc, r) {
    const node = r.pick(nodes(doc)).node;
    const container = r.pick(['@language', '@index', '@id', '@type']);
    setContext(node, { m: { '@id': `${EX}m`, '@container': container } }, r);
    node.m = r.pick<unknown>([{ en: 'x', de: ['y', null] }, { [`${EX}k`]: { name: 'v' } }, { '@none': 'n' }, 'plain']);
  },
  contextNull(doc, r) {
    const { node } = r.pick(nodes(doc));
    setContext(node, r.pick<unknown>([null, [null, { p: `${EX}p` }], [], {}]), r);
    if (r.chance(0.5)) node.p = 'v';
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One fuzz case: a seed document with 1 to 3 mutations; returned as JSON text, the way credentials arrive. */
export function mutate(seed: Obj, r: Rng): { text: string; applied: string[] } {
  let doc = JSON.parse(JSON.stringify(seed)) as Obj;
  const applied: string[] = [];
  const n = 1 + r.int(2);
  for (let i = 0; i < n; i++) {
    const name = r.pick(MUTATION_NAMES);
    const out = MUTATIONS[name]!(doc, r);
    if (out) doc = out;
    applied.push(name);
  }
  return { text: JSON.stringify(doc), applied };
}
