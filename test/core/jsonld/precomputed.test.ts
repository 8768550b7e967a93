/**
 * The precomputed context transitions (src/core/jsonld/precomputed.ts) are jsonld.js's: each one
 * is recomputed here with jsonld.js (ContextSet.learn, precomputed transitions off) from its
 * precomputed source context, the initial context for the first ones, and must give an active
 * context of the same content (term definitions in the same Map order and deeply equal,
 * protected terms, @vocab/@base/@language/processingMode…, previous context). By induction from
 * the initial context, every precomputed active context is the one jsonld.js computes.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, hotPart, source } from '../../../scripts/gen-precomputed-contexts.mts';
import type { Active } from '../../../src/core/jsonld/active.ts';
import { canonize, toRdf } from '../../../src/core/jsonld/canonize.ts';
import { ContextSet, bundledContextSet } from '../../../src/core/jsonld/context-set.ts';
import { bundledContexts, VC_V1, VC_V2, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { loadPrecomputed, precomputedApplies, precomputedHot, precomputedLoaded, precomputedNode, precomputedScopedText, precomputedTable } from '../../../src/core/jsonld/precomputed.ts';
import { betaContextSet } from '../../../src/core/proofs/ob3-beta.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

/** An active context's content, as plain data (what jsonld.js's processing reads). */
function content(a: Active | undefined): unknown {
  if (!a) return null;
  const c = a as Active & Record<string, unknown>;
  const members = Object.keys(c)
    .filter((k) => !['mappings', 'clone', 'inverse', 'getInverse', 'protected', 'previousContext', 'revertToPreviousContext'].includes(k))
    .map((k) => [k, c[k] === undefined ? '(undefined)' : c[k]]);
  // Each definition also as its JSON, so that the order of its members counts too (toStrictEqual ignores it; to-rdf.ts compares definitions by JSON).
  const mappings = [...a.mappings].map(([t, d]) => [t, d, JSON.stringify(d)]);
  return { mappings, protected: Object.entries(a.protected), members, inverse: c.inverse, previous: content(a.previousContext) };
}

const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

describe('precomputed context transitions, loading', () => {
  it('of VC 2.0 + OB 3.0.3 are there from the start; the rest is loaded by the first conversion that needs it', async () => {
    expect(bundledContextSet().cached(bundledContextSet().initial, [VC_V2, OB3], 'plain')).toBeDefined();
    const ob3 = await toRdf({ '@context': [VC_V2, OB3], type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { type: 'AchievementSubject', achievement: { type: 'Achievement', name: 'a' } } }, bundledContextSet());
    expect(ob3.path).toBe('fast');
    expect(precomputedLoaded()).toBe(false);
    const old = OB3.replace('-3.0.3', '-3.0.1');
    expect(bundledContextSet().cached(bundledContextSet().initial, [VC_V1, old], 'plain')).toBeUndefined();
    const v1 = await toRdf({ '@context': [VC_V1, old], type: ['VerifiableCredential', 'OpenBadgeCredential'] }, bundledContextSet());
    expect(v1.path).toBe('fast');
    expect(precomputedLoaded()).toBe(true);
    expect(bundledContextSet().cached(bundledContextSet().initial, [VC_V1, old], 'plain')).toBeDefined();
  });
});

describe('precomputed context transitions', () => {
  let table: ReturnType<typeof precomputedTable>;
  beforeAll(async () => {
    await loadPrecomputed();
    table = precomputedTable();
  });

  it('cover the VC 2.0 + OB 3.0 root and its scoped contexts', () => {
    const plain = table.edges.filter(([from, , mode]) => from === -1 && mode === 'plain').map(([, , , key]) => key);
    expect(plain).toContain(`plain${JSON.stringify([VC_V2, OB3])}`);
    expect(table.edges.filter(([, , mode]) => mode === 'type').length).toBeGreaterThan(20);
  });

  it('each equals what jsonld.js computes from its source context', { timeout: 120_000 }, async () => {
    const fresh = new ContextSet(bundledContexts(), { precomputed: false });
    for (const [from, to, mode, ref] of table.edges) {
      const source = from === -1 ? fresh.initial : precomputedNode(from);
      const local = mode === 'plain' ? JSON.parse((ref as string).slice('plain'.length)) : table.scoped[ref as number];
      const computed = await fresh.learn(source, local, mode);
      expect(content(precomputedNode(to)), `${from} → ${to} ${mode}`).toStrictEqual(content(computed));
    }
  });

  it('keys each scoped context by its JSON text, which is JSON.stringify of the parsed context (the memo key)', () => {
    table.scoped.forEach((c, i) => expect(JSON.stringify(c)).toBe(precomputedScopedText(i)));
    expect(table.scoped.length).toBeGreaterThan(10);
  });

  it('is what the generator writes today (contexts, jsonld.js and the corpus unchanged)', { timeout: 120_000 }, async () => {
    const data = await generate();
    const { hot, cold } = source(data);
    expect(readFileSync(new URL('../../../src/core/jsonld/precomputed-hot.ts', import.meta.url), 'utf8') === hot).toBe(true);
    expect(readFileSync(new URL('../../../src/core/jsonld/precomputed-data.ts', import.meta.url), 'utf8') === cold).toBe(true);
    // The hot part holds exactly its closure's strings, and the closure is whole: every transition out of a hot context leads to a hot one.
    const part = hotPart(data);
    const held = precomputedHot();
    expect(held.nodes.flatMap((h, i) => (h ? [i] : []))).toEqual([...part.nodes].sort((a, b) => a - b));
    expect(held.defs.flatMap((h, i) => (h ? [i] : []))).toEqual([...part.defs].sort((a, b) => a - b));
    expect(held.scoped.flatMap((h, i) => (h ? [i] : []))).toEqual([...part.scoped].sort((a, b) => a - b));
    for (const [from, to] of data.edges) if (from >= 0 && part.nodes.has(from)) expect(part.nodes.has(to)).toBe(true);
  });

  it('is used by the bundled set only where its documents are the same', () => {
    expect(precomputedApplies(bundledContexts(), bundledContexts())).toBe(true);
    expect(precomputedApplies(new Map([...bundledContexts(), [OB3, { '@context': {} }]]), bundledContexts())).toBe(false);
    const root = bundledContextSet().cached(bundledContextSet().initial, [VC_V2, OB3], 'plain');
    expect(root).toBeDefined();
    const other = new ContextSet(new Map([...bundledContexts(), [OB3, { '@context': { '@protected': true } }]]));
    expect(other.cached(other.initial, [VC_V2, OB3], 'plain')).toBeUndefined();
    const beta = betaContextSet()!;
    expect(beta.cached(beta.initial, [VC_V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'], 'plain')).toBeUndefined();
    const based = new ContextSet(bundledContexts(), { base: 'https://example.org/' });
    expect(based.cached(based.initial, [VC_V2, OB3], 'plain')).toBeUndefined();
  });

  it('converts a credential as jsonld.js does, without jsonld.js processing a context', async () => {
    const doc = {
      '@context': [VC_V2, OB3],
      id: 'urn:uuid:1',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:example:1', type: ['Profile'], name: 'I' },
      validFrom: '2024-01-01T00:00:00Z',
      name: 'B',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.org/a', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' } } },
    };
    const set = new ContextSet(bundledContexts());
    let learned = 0;
    const learn = set.learn.bind(set);
    set.learn = (...a) => (learned++, learn(...a));
    const off = new ContextSet(bundledContexts(), { precomputed: false });
    expect((await toRdf(doc, set)).path).toBe('fast');
    expect(learned).toBe(0);
    expect(await canonize(doc, set)).toBe(await canonize(doc, off));
  });
});
