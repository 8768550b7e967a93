/**
 * RDFC-1.0 with the hash a suite asks for. VC DI ECDSA §2.? "Algorithms": "When RDFC-1.0 is used
 * with ECDSA algorithms, the cryptographic hashing function used by RDFC-1.0 is chosen based on
 * the size of the associated public key": SHA-256 for P-256, SHA-384 for P-384 (RDF-CANON
 * §4.? "hash algorithm" parameter). SHA-256 is the engine's canonize (jsonld/canonize.ts);
 * SHA-384 uses the same RDF and rdf-canonize's WebCrypto digest. Only blank node labels differ.
 */
import { assertKnownContexts, canonical, canonicalNow, rdfcFull as rdfc, toRdf } from '../jsonld/canonize.ts';
import { bundledContextSet, type ContextSet } from '../jsonld/context-set.ts';
import { canonicalOf, type Canonical } from '../jsonld/nquads-read.ts';
import type { Quad } from '../jsonld/rdf-terms.ts';

export type CanonHash = 'SHA-256' | 'SHA-384';

export async function canonizeWith(doc: unknown, hash: CanonHash, set: ContextSet = bundledContextSet()): Promise<string> {
  return (await canonicalWith(doc, hash, set)).nquads;
}

/** `canonizeWith` with the statements of the canonical form's default graph, which the signed reading asks (nquads-read.ts Canonical). */
export async function canonicalWith(doc: unknown, hash: CanonHash, set: ContextSet = bundledContextSet()): Promise<Canonical> {
  if (hash === 'SHA-256') return canonicalNow(doc, set) ?? canonical(doc, set);
  let quads: Quad[];
  try {
    ({ quads } = await toRdf(doc, set));
  } catch (e) {
    assertKnownContexts(doc, set);
    throw e;
  }
  // rdf-canonize's `messageDigestAlgorithm` option (its default digest), which the shared typing leaves out.
  const withDigest = rdfc as (dataset: unknown[], options: { algorithm: 'RDFC-1.0'; messageDigestAlgorithm: 'SHA-384' }) => Promise<string>;
  return canonicalOf(await withDigest(quads, { algorithm: 'RDFC-1.0', messageDigestAlgorithm: 'SHA-384' }));
}
