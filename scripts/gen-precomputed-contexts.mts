/**
 * Generates src/core/jsonld/precomputed-hot.ts and precomputed-data.ts (see src/core/jsonld/precomputed.ts): runs the
 * engine's converter with jsonld.js (ContextSet, precomputed transitions off) over the credentials
 * of the conformance corpus (test/fixtures/conformance) and typical OB 3.0 credentials and proof
 * configurations under the usual context arrays, records every context transition jsonld.js
 * computes, and writes the table down, active contexts of the same content once.
 * Usage: node --import tsx scripts/gen-precomputed-contexts.mts [--check]
 * (--check: exit 1 when the committed file differs from what would be generated).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getInverse, revertToPreviousContext, shareClone, type Active } from '../src/core/jsonld/active.ts';
import { toRdf } from '../src/core/jsonld/canonize.ts';
import { ContextSet, type Mode } from '../src/core/jsonld/context-set.ts';
import { bundledContexts, loadBundledContexts, DATA_INTEGRITY_V1, DATA_INTEGRITY_V2, ED25519_2020, VC_V1, VC_V2 } from '../src/core/jsonld/contexts.ts';
import type { EdgeData, NodeData, PrecomputedData } from '../src/core/jsonld/precomputed.ts';
import { proofConfig, unsecured } from '../src/core/proofs/suites.ts';
import { source } from './precomputed-source.mts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'src/core/jsonld/precomputed-data.ts');
const OUT_HOT = path.join(ROOT, 'src/core/jsonld/precomputed-hot.ts');
const CONFORMANCE = path.join(ROOT, 'test/fixtures/conformance');
const OB3 = (v: string) => `https://purl.imsglobal.org/spec/ob/v3p0/context${v}.json`;
const OB3_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

type Doc = Record<string, unknown>;

/** The context arrays OB 3.0 credentials use: VC 2.0 with OB 3.0.1–3.0.3, VC 1.1 with OB 3.0 and 3.0.1, each alone or with a proof suite's context or the OB extensions. */
function contextArrays(): unknown[][] {
  const out: unknown[][] = [];
  const pairs: [string, string][] = [
    [VC_V2, OB3('-3.0.3')],
    [VC_V2, OB3('-3.0.2')],
    [VC_V2, OB3('-3.0.1')],
    [VC_V1, OB3('-3.0.1')],
    [VC_V1, OB3('')],
  ];
  for (const p of pairs) {
    out.push(p);
    for (const third of [ED25519_2020, DATA_INTEGRITY_V1, DATA_INTEGRITY_V2, OB3_EXTENSIONS]) out.push([...p, third]);
  }
  return out;
}

/** A typical OB 3.0 credential under `context` (VC 2.0 or 1.1 date names), with the members OB 3.0 issuers use most. */
function typicalCredential(context: unknown[]): Doc {
  const v2 = context[0] === VC_V2;
  const profile = (id: string) => ({ id, type: ['Profile'], name: 'Issuer', url: 'https://example.org', email: 'a@example.org', image: { id: 'https://example.org/i.png', type: 'Image', caption: 'c' } });
  return {
    '@context': context,
    id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: profile('did:example:issuer'),
    ...(v2 ? { validFrom: '2024-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' } : { issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2030-01-01T00:00:00Z' }),
    awardedDate: '2024-01-01T00:00:00Z',
    name: 'Badge',
    description: 'd',
    image: { id: 'https://example.org/b.png', type: 'Image' },
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: 'a@example.org', identityType: 'emailAddress', hashed: false, salt: 's' }],
      achievement: {
        id: 'https://example.org/a',
        type: ['Achievement'],
        name: 'A',
        description: 'd',
        achievementType: 'Badge',
        criteria: { id: 'https://example.org/c', narrative: 'n' },
        image: { id: 'https://example.org/a.png', type: 'Image' },
        creator: profile('https://example.org/creator'),
        alignment: [{ type: ['Alignment'], targetName: 't', targetUrl: 'https://example.org/t', targetType: 'CFItem', targetFramework: 'f', targetCode: 'c' }],
        tag: ['t'],
        inLanguage: 'en',
      },
      result: [{ type: ['Result'], value: 'v', resultDescription: 'urn:uuid:1' }],
    },
    evidence: [{ id: 'https://example.org/e', type: ['Evidence'], name: 'e', narrative: 'n' }],
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: v2
      ? { id: 'https://example.org/status#1', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: 'https://example.org/status' }
      : { id: 'https://example.org/status#1', type: '1EdTechRevocationList' },
  };
}

/** The proofs those credentials carry, for their proof configurations. */
const PROOFS: Doc[] = [
  { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:key:z6Mk#z6Mk', proofPurpose: 'assertionMethod' },
  { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:key:zDn#zDn', proofPurpose: 'assertionMethod' },
  { type: 'Ed25519Signature2020', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:key:z6Mk#z6Mk', proofPurpose: 'assertionMethod' },
];

function corpus(): Doc[] {
  const out: Doc[] = [];
  for (const dir of ['ob30', 'ob3-testvector', 'dcc', 'w3c']) {
    for (const f of readdirSync(path.join(CONFORMANCE, dir)).sort()) {
      if (!f.endsWith('.json') || f.startsWith('context') || f === 'keyPair.json') continue;
      const doc = JSON.parse(readFileSync(path.join(CONFORMANCE, dir, f), 'utf8')) as unknown;
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) out.push(doc as Doc);
    }
  }
  return out;
}

/** Records every URL the loader is asked for. */
class RecordingMap extends Map<string, unknown> {
  readonly asked = new Set<string>();
  override get(url: string): unknown {
    this.asked.add(url);
    return super.get(url);
  }
}

export async function generate(): Promise<PrecomputedData> {
  await loadBundledContexts();
  const contexts = new RecordingMap(bundledContexts());
  const set = new ContextSet(contexts, { precomputed: false });
  const learned: { from: Active; local: unknown; mode: Mode; to: Active }[] = [];
  const learn = set.learn.bind(set);
  set.learn = async (from, local, mode) => {
    const to = await learn(from, local, mode);
    learned.push({ from, local, mode, to });
    return to;
  };
  const docs: Doc[] = [];
  for (const doc of [...corpus(), ...contextArrays().map(typicalCredential)]) {
    docs.push(unsecured(doc));
    const proofs = doc.proof === undefined ? PROOFS : Array.isArray(doc.proof) ? doc.proof : [doc.proof];
    for (const p of proofs) if (p && typeof p === 'object') docs.push(proofConfig(p as Doc, doc['@context']));
    for (const e of Array.isArray(doc.endorsement) ? doc.endorsement : []) if (e && typeof e === 'object') docs.push(unsecured(e as Doc));
  }
  for (const doc of docs) {
    try {
      await toRdf(doc, set);
    } catch {
      // A document the engine refuses or a context not bundled: whatever it learned is still right.
    }
  }
  return serialize(set, learned, [...contexts.asked].filter((u) => contexts.has(u)).sort());
}

function serialize(set: ContextSet, learned: { from: Active; local: unknown; mode: Mode; to: Active }[], urls: string[]): PrecomputedData {
  const scoped: unknown[] = [];
  const scopedIndex = new Map<string, number>();
  const defs: Doc[] = [];
  const defIndex = new Map<string, number>();
  const nodes: NodeData[] = [];
  const nodeIndex = new Map<string, number>();
  const entriesOf: [string, number][][] = [];
  const contentKey = new Map<Active, string>();
  const roots: number[] = [];
  /** The protected terms of each node, resolved. */
  const protOf: string[][] = [];
  const scopedOf = (v: unknown): number => {
    const j = JSON.stringify(v);
    let i = scopedIndex.get(j);
    if (i === undefined) scopedIndex.set(j, (i = scoped.push(JSON.parse(j)) - 1));
    return i;
  };
  const defOf = (d: Doc): number => {
    const copy: Doc = {};
    for (const [k, v] of Object.entries(d)) {
      if (v === undefined) throw new Error(`a term definition member ${k} is undefined`);
      copy[k] = k === '@context' ? scopedOf(v) : v;
    }
    const j = JSON.stringify(copy);
    if (JSON.stringify(JSON.parse(j)) !== j) throw new Error('a term definition is not JSON');
    let i = defIndex.get(j);
    if (i === undefined) defIndex.set(j, (i = defs.push(JSON.parse(j)) - 1));
    return i;
  };
  const SKIP = new Set(['mappings', 'clone', 'inverse', 'getInverse', 'protected', 'previousContext', 'revertToPreviousContext']);
  /** Registers `a` (content-merged) and returns its index; `near` is a node to write it as differences from. */
  const register = (a: Active, near: number): number => {
    const c = a as Active & Record<string, unknown>;
    if (c.clone !== shareClone || c.getInverse !== getInverse || c.revertToPreviousContext !== revertToPreviousContext || c.inverse !== null) {
      throw new Error('an active context not made by the engine (jsonld.js initial context?)');
    }
    const previous = a.previousContext ? register(a.previousContext, near) : -1;
    const entries: [string, number][] = [];
    for (const [t, d] of a.mappings) {
      if (d === null) throw new Error(`a null mapping for ${t}`);
      entries.push([t, defOf(d)]);
    }
    const prot = Object.keys(a.protected);
    if (prot.some((t) => a.protected[t] !== true)) throw new Error('a protected entry that is not true');
    if (prot.includes('+')) throw new Error("a protected term named '+' (precomputed.ts's marker)");
    const members: ([string] | [string, unknown])[] = Object.keys(c)
      .filter((k) => !SKIP.has(k))
      .map((k) => (c[k] === undefined ? [k] : [k, c[k]]));
    const key = JSON.stringify([entries, prot, members, previous]);
    const known = nodeIndex.get(key);
    if (known !== undefined) return known;
    // Written as differences from the node it was computed from, or from the closest of the other roots.
    let best: { near: number; deleted: string[]; set: [string, number][] } | undefined;
    for (const candidate of new Set([near, ...roots])) {
      const [deleted, set] = diff(candidate >= 0 ? entriesOf[candidate]! : [], entries);
      if (!best || deleted.length + set.length < best.deleted.length + best.set.length) best = { near: candidate, deleted, set };
    }
    const baseProt = best!.near >= 0 ? protOf[best!.near]! : [];
    const i = nodes.push([best!.near, best!.deleted, best!.set, protDiff(baseProt, prot), members, previous]) - 1;
    if (near < 0) roots.push(i);
    entriesOf.push(entries);
    protOf.push(prot);
    nodeIndex.set(key, i);
    contentKey.set(a, key);
    return i;
  };
  const edges: EdgeData[] = [];
  const seen = new Map<string, number>();
  const idOf = new Map<Active, number>([[set.initial, -1]]);
  for (const { from, local, mode, to } of learned) {
    let f = idOf.get(from);
    if (f === undefined) idOf.set(from, (f = register(from, -1)));
    let t: number;
    try {
      t = register(to, f);
    } catch {
      continue;
    }
    idOf.set(to, t);
    const ref = mode === 'plain' ? mode + JSON.stringify(local) : scopedOf(local);
    const k = `${f} ${mode} ${typeof ref === 'number' ? `#${ref}` : ref}`;
    const was = seen.get(k);
    if (was !== undefined) {
      if (was !== t) throw new Error(`two results for one transition: ${k.slice(0, 200)}`);
      continue;
    }
    seen.set(k, t);
    edges.push([f, t, mode, ref]);
  }
  return { urls, scoped, defs, nodes, edges };
}

/** The protected terms as precomputed.ts reads them: 0 (the base's), ['+', …] (the base's and these), or the whole list. */
function protDiff(base: string[], prot: string[]): string[] | 0 {
  const prefix = base.length <= prot.length && base.every((x, i) => x === prot[i]);
  if (!prefix) return prot;
  return prot.length === base.length ? 0 : ['+', ...prot.slice(base.length)];
}

/** [terms deleted, [term, definition] set in order] such that base with those changes is `entries`, the set list shortest. */
function diff(base: [string, number][], entries: [string, number][]): [string[], [string, number][]] {
  const keys = new Set(entries.map(([t]) => t));
  const deleted = base.filter(([t]) => !keys.has(t)).map(([t]) => t);
  for (let k = entries.length; k >= 0; k--) {
    const suffix = new Set(entries.slice(k).map(([t]) => t));
    const kept = base.filter(([t]) => keys.has(t) && !suffix.has(t));
    if (kept.length === k && kept.every(([t, d], i) => entries[i]![0] === t && entries[i]![1] === d)) return [deleted, entries.slice(k)];
  }
  throw new Error('unreachable');
}

export { HOT_ROOTS, hotPart, source } from './precomputed-source.mts';

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const data = await generate();
  const { hot, cold } = source(data);
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === cold && readFileSync(OUT_HOT, 'utf8') === hot;
    console.log(same ? 'precomputed-hot.ts and precomputed-data.ts are up to date' : 'precomputed-hot.ts or precomputed-data.ts differs from what would be generated');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT_HOT, hot);
  writeFileSync(OUT, cold);
  console.log(`${OUT_HOT}, ${OUT}: ${data.nodes.length} active contexts, ${data.edges.length} transitions, ${data.defs.length} definitions, ${data.scoped.length} scoped contexts, ${hot.length} + ${cold.length} characters`);
}
