/** expand-iri.ts is jsonld.js's `api.expandIri` (context.js `_expandIri` without a local context), value for value. */
import contextApi from 'jsonld/lib/context.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandIri, isKeyword } from '../../../src/core/jsonld/expand-iri.ts';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { bundledContexts, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { loadPrecomputed, precomputedNode, precomputedTable } from '../../../src/core/jsonld/precomputed.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

const VALUES = [
  '@id', '@type', '@context', '@vocab', '@base', '@unknown', '@', '@1a', 'id', 'type', 'name', 'unknownTerm', 'ex:thing', '_:b0', '_:', 'http://a.example/x',
  'https://example.org/a?b#c', 'urn:uuid:1', 'did:key:z6Mk#z6Mk', 'sec:proof', 'xsd:dateTime', 'schema:name', 'cred:issuer', 'relative/path', '../up', '#frag', '?q',
  '//host/x', '', 'a:b:c', ':x', 'http:', 'http://', 'dc:', 'Profile', 'Achievement', 'OpenBadgeCredential', 'VerifiableCredential', 'proof', 'credentialSubject',
];

describe('expandIri (expand-iri.ts) against jsonld.js', () => {
  beforeAll(() => loadPrecomputed());

  it('gives jsonld.js’s answer for every term of every precomputed context, and for other IRIs, under each base and vocab flag', () => {
    const table = precomputedTable();
    const options = { base: '' };
    let compared = 0;
    for (let i = 0; i < table.nodes.length; i++) {
      const active = precomputedNode(i);
      for (const value of [...active.mappings.keys(), ...VALUES]) {
        for (const vocab of [false, true]) {
          for (const base of [false, true]) {
            expect(expandIri(active, value, vocab, base, ''), `${i} ${value} ${vocab} ${base}`).toBe(contextApi.expandIri(active, value, { vocab, base }, options));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('resolves relative references against a document base and @base as jsonld.js does', async () => {
    const set = new ContextSet(bundledContexts(), { base: 'https://doc.example/dir/page?x=1' });
    const withBase = await set.learn(set.initial, { '@base': 'sub/', '@vocab': 'https://v.example/', ex: 'https://ex.example/' }, 'plain');
    const nullBase = await set.learn(set.initial, { '@base': null }, 'plain');
    for (const active of [set.initial, withBase, nullBase]) {
      for (const value of VALUES) {
        for (const vocab of [false, true]) {
          for (const base of [false, true]) {
            expect(set.expandIri(active, value, vocab, base), `${value} ${vocab} ${base}`).toBe(contextApi.expandIri(active, value, { vocab, base }, set.options));
          }
        }
      }
    }
  });

  it('knows jsonld.js’s keywords', () => {
    for (const v of [...VALUES, '@json', '@nest', '@none', '@included', '@direction', '@requireAll', '@omitDefault', '@foo', 5, null]) expect(isKeyword(v)).toBe(contextApi.isKeyword(v));
  });
});
