/**
 * The differential JSON-LD fuzzer (issue 11): real credentials (the conformance corpus) and built
 * ones, mutated with context tricks (fuzz-mutate.ts), through ONE engine context set for the whole
 * run (so that anything one document leaves behind would show in another) and through
 * `jsonld.canonize` in safe mode; the canonical N-Quads must be the same bytes, or both must refuse.
 * `npm run fuzz:jsonld` runs it from the command line; a fixed-seed slice runs in the unit tests.
 */
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import { corpusCredentials, testContexts } from './corpus.ts';
import { difference, engineOutcome, ReferenceCache, referenceOutcome } from './differential.ts';
import { mutate, Rng } from './fuzz-mutate.ts';

type Obj = Record<string, unknown>;

export interface FuzzCounts {
  cases: number;
  fastPath: number;
  fallback: number;
  bothRefused: number;
  differences: number;
  /** The engine refused, as the JSON-LD 1.1 API requires, a document jsonld.js 9 accepts (spec-checks.ts): deliberate, counted apart. */
  specRefusals: number;
  engineOnlyRefused: number;
  referenceOnlyRefused: number;
  seeds: number;
}

export interface FuzzDifference {
  index: number;
  seed: string;
  applied: string[];
  input: string;
  detail: string;
}

const OB3 = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** Credentials built here, beside the corpus: OB 3.0 with most of its shapes, VC 1.1, the reproducer. */
function builtSeeds(): { name: string; doc: Obj }[] {
  const ob3: Obj = {
    '@context': OB3,
    id: 'urn:uuid:2f0e6b36-0a55-4c8c-9e3f-7e1b4e2a0c11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://example.com/issuers/1', type: ['Profile'], name: 'Example', description: 'An issuer' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Badge',
    evidence: [{ id: 'https://example.com/evidence/1', name: 'Portfolio' }],
    credentialSubject: {
      id: 'did:example:subject',
      type: ['AchievementSubject'],
      creditsEarned: 4.5,
      result: [{ type: ['Result'], value: 'A', resultDescription: 'urn:uuid:1' }],
      achievement: {
        id: 'https://example.com/a/1',
        type: ['Achievement'],
        name: 'A',
        description: 'D',
        criteria: { narrative: 'N' },
        tag: ['a', 'b'],
        resultDescription: [{ id: 'urn:uuid:1', type: ['ResultDescription'], name: 'G', resultType: 'LetterGrade', allowedValue: ['D', 'C', 'B', 'A'] }],
      },
    },
    proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:key:z6Mk#z6Mk', proofPurpose: 'assertionMethod', proofValue: 'z1' }],
  };
  const vc11: Obj = { ...ob3, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json'], issuanceDate: '2024-01-01T00:00:00Z' };
  delete vc11.validFrom;
  const repro: Obj = {
    '@context': { '@protected': true, name: 'http://schema.org/name', T: { '@id': 'http://ex.org/T', '@context': {} }, kid: 'http://ex.org/kid', other: 'http://ex.org/other', primer: { '@id': 'http://ex.org/primer', '@context': { name: 'http://ex.org/evil' } } },
    '@id': 'http://ex.org/root',
    '@type': 'T',
    kid: { '@id': 'http://ex.org/a', primer: null },
    other: { '@id': 'http://ex.org/b', name: 'x' },
  };
  const plain: Obj = { '@context': { p: 'http://ex.org/p', ex: 'http://ex.org/' }, '@id': 'http://ex.org/s', p: [true, 'x', { '@id': 'ex:o', p: 1 }] };
  return [
    { name: 'built/ob3', doc: ob3 },
    { name: 'built/vc11', doc: vc11 },
    { name: 'built/repro', doc: repro },
    { name: 'built/plain', doc: plain },
  ];
}

/** Every seed: corpus credentials with and without their proofs, each proof's configuration, and the built ones. */
export function fuzzSeeds(): { name: string; doc: Obj }[] {
  const out: { name: string; doc: Obj }[] = [];
  for (const { name, doc } of corpusCredentials()) {
    out.push({ name, doc });
    if (doc.proof !== undefined) {
      out.push({ name: `${name} (document)`, doc: unsecured(doc) });
      const proofs = Array.isArray(doc.proof) ? doc.proof : [doc.proof];
      proofs.forEach((p, i) => out.push({ name: `${name} (proof ${i})`, doc: proofConfig(p as Obj, doc['@context']) }));
    }
  }
  return [...out, ...builtSeeds()];
}

export async function runFuzz(opts: { n: number; seed: number; maxExamples?: number; onProgress?: (done: number, counts: FuzzCounts) => void }): Promise<{ counts: FuzzCounts; examples: FuzzDifference[] }> {
  const r = new Rng(opts.seed);
  const seeds = fuzzSeeds();
  const contexts = testContexts();
  const engine = new ContextSet(contexts);
  const referenceCache = new ReferenceCache();
  const counts: FuzzCounts = { cases: 0, fastPath: 0, fallback: 0, bothRefused: 0, differences: 0, specRefusals: 0, engineOnlyRefused: 0, referenceOnlyRefused: 0, seeds: seeds.length };
  const examples: FuzzDifference[] = [];
  for (let i = 0; i < opts.n; i++) {
    const seed = r.pick(seeds);
    const { text, applied } = mutate(seed.doc, r);
    const ours = await engineOutcome(JSON.parse(text), engine);
    const theirs = await referenceOutcome(JSON.parse(text), { contexts, cache: referenceCache });
    counts.cases++;
    const d = difference(ours, theirs);
    if (d !== null && !ours.ok && ours.spec && theirs.ok) counts.specRefusals++;
    else if (d !== null) {
      counts.differences++;
      if (!ours.ok) counts.engineOnlyRefused++;
      if (!theirs.ok) counts.referenceOnlyRefused++;
      if (examples.length < (opts.maxExamples ?? 20)) examples.push({ index: i, seed: seed.name, applied, input: text, detail: d });
    } else if (!ours.ok) counts.bothRefused++;
    else if (ours.path === 'fast') counts.fastPath++;
    else counts.fallback++;
    if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1, counts);
  }
  return { counts, examples };
}
