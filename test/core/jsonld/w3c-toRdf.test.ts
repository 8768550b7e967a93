/**
 * The W3C JSON-LD 1.1 API toRdf suite against the engine (issue 11): for every positive test the
 * engine's canonical N-Quads are exactly those of `jsonld.canonize` in safe mode (what signers use)
 * or both refuse; whether the fast path made them or fell back to jsonld.js is counted. For every
 * negative test neither the fast path nor the engine gives output. Both sides get the same options:
 * the test's base IRI (its input's URL) and processing mode; options the engine has no use for
 * (rdfDirection, produceGeneralizedRdf, expandContext, useJCS) are given to neither.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { toRdfFast } from '../../../src/core/jsonld/to-rdf.ts';
import { difference, engineOutcome, referenceOutcome } from './differential.ts';
import { suiteDocuments, suiteTests, type SuiteTest } from './w3c-suite.ts';

/** How many tests the manifest of the copied suite lists (toRdf-manifest.jsonld, commit 92f07705). */
const MANIFEST_TESTS = 467;

/**
 * The only tests not run: errors that exist in JSON-LD 1.0 processing alone. The engine processes
 * JSON-LD 1.1 only (credentials declare 1.1 contexts), and jsonld.js 9, run in 1.0 mode, does not
 * raise these either; in 1.1 each input is valid.
 */
const SKIPPED: Record<string, string> = {
  '#te115': 'specVersion json-ld-1.0: a relative property IRI with @vocab "" is an error in 1.0 only',
  '#te116': 'specVersion json-ld-1.0: a relative @vocab is an error in 1.0 only',
  '#ter24': 'specVersion json-ld-1.0: lists of lists are an error in 1.0 only',
  '#ter32': 'specVersion json-ld-1.0: lists of lists are an error in 1.0 only',
  '#ter42': 'processingMode json-ld-1.0: redefining a keyword-like term (@type) is an error in 1.0 only',
  '#ttn01': 'processingMode json-ld-1.0: @type @none is an error in 1.0 only',
};

/** The test's processing mode option, passed to both sides (jsonld.js implements the other 1.0-mode errors). */
const processingModeOf = (t: SuiteTest): string | undefined => t.option.processingMode;

const documents = suiteDocuments();
const { listed, tests } = suiteTests();
const run = tests.filter((t) => !(t.id in SKIPPED));
const counts = { fast: 0, reference: 0, bothRefused: 0, negative: 0 };

afterAll(() => {
  console.log(`W3C toRdf: ${tests.length} tests, ${Object.keys(SKIPPED).length} skipped (1.0-only errors); positive: ${counts.fast} on the fast path, ${counts.reference} fell back to jsonld.js, ${counts.bothRefused} refused by both (safe mode); negative: ${counts.negative} refused`);
});

describe('W3C JSON-LD 1.1 toRdf suite: the engine equals jsonld.canonize (safe mode)', () => {
  it(`finds every test the manifest lists (${MANIFEST_TESTS})`, () => {
    expect(listed).toBe(MANIFEST_TESTS);
    expect(tests.length).toBe(MANIFEST_TESTS);
    for (const id of Object.keys(SKIPPED)) expect(tests.some((t) => t.id === id && t.negative)).toBe(true);
  });

  for (const t of run) {
    it(`${t.id} ${t.negative ? '(negative) ' : ''}${t.name}`, async () => {
      const processingMode = processingModeOf(t);
      const set = new ContextSet(documents, { base: t.url, ...(processingMode ? { processingMode: processingMode as 'json-ld-1.0' } : {}) });
      const engine = await engineOutcome(t.input, set);
      if (t.negative) {
        let fast = false;
        try {
          toRdfFast(t.input, set);
          fast = true;
        } catch {
          // refused, unsupported, or a context still to learn: no output either way
        }
        expect(fast, 'the fast path gave output').toBe(false);
        expect(engine.ok, `the engine gave output for an error test (${t.expectErrorCode})`).toBe(false);
        counts.negative++;
        return;
      }
      const reference = await referenceOutcome(t.input, { contexts: documents, base: t.url, processingMode });
      expect(difference(engine, reference)).toBeNull();
      if (!engine.ok) counts.bothRefused++;
      else if (engine.path === 'fast') counts.fast++;
      else counts.reference++;
    });
  }

  it('runs a real share of the suite on the fast path', () => {
    // Runs last (vitest keeps the declared order): the tests above filled the counts.
    expect(counts.fast + counts.reference + counts.bothRefused + counts.negative).toBe(MANIFEST_TESTS - Object.keys(SKIPPED).length);
    expect(counts.fast).toBeGreaterThanOrEqual(60);
  });
});
