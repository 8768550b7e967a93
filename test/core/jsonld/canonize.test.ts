import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonize, toRdf } from '../../../src/core/jsonld/canonize.ts';
import { SafeModeError, UnknownContextError } from '../../../src/core/jsonld/errors.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import { CONFORMANCE_DIR } from '../../support/conformance.ts';
import { corpusCredentials, referenceCanon, testContextSet } from './corpus.ts';

const set = testContextSet();

/** Every document a verifier canonicalizes for a credential: the document without proof, and each proof's configuration. */
function documentsOf(doc: Record<string, unknown>): [string, unknown][] {
  const proofs = doc.proof === undefined ? [] : Array.isArray(doc.proof) ? doc.proof : [doc.proof];
  return [['document', unsecured(doc)], ...proofs.map((p, i): [string, unknown] => [`proof ${i}`, proofConfig(p as Record<string, unknown>, doc['@context'])]), ['with proof', doc]];
}

describe('RDFC-1.0 of the corpus: the fast converter equals jsonld.canonize byte for byte', () => {
  const corpus = corpusCredentials();
  it('finds the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(19));
  for (const { name, doc } of corpus) {
    for (const [what, input] of documentsOf(doc)) {
      // The first case pays for loading jsonld.js and the contexts: generous on a busy machine.
      it(`${name} (${what})`, { timeout: 30_000 }, async () => {
        const { path: used } = await toRdf(input, set);
        expect(used).toBe('fast');
        expect(await canonize(input, set)).toBe(await referenceCanon(input));
      });
    }
  }
});

describe('the OB 3.0 specification test vector (SPEC test-vectors/obv3p0)', () => {
  const dir = path.join(CONFORMANCE_DIR, 'ob3-testvector');
  const signed = JSON.parse(readFileSync(path.join(dir, 'signed-credential-eddsa-rdfc-2022.json'), 'utf8')) as Record<string, unknown>;
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  it('canonicalizes the document to document-canon.txt (sha256 87f65a76…)', async () => {
    const canon = await canonize(unsecured(signed));
    expect(canon).toBe(readFileSync(path.join(dir, 'document-canon.txt'), 'utf8'));
    expect(sha(canon).startsWith('87f65a76')).toBe(true);
  });
  it('canonicalizes the proof configuration to proof-canon.txt (sha256 d34009ce…)', async () => {
    const canon = await canonize(proofConfig(signed.proof as Record<string, unknown>, signed['@context']));
    expect(canon).toBe(readFileSync(path.join(dir, 'proof-canon.txt'), 'utf8'));
    expect(sha(canon).startsWith('d34009ce')).toBe(true);
  });
});
