/**
 * A proof's own @context is signed by nothing, yet Lanyard (as digitalbazaar's libraries) reads the
 * proof configuration under it when present (VC DI EdDSA §3.2.5 would use the document's). Anyone
 * could so give a genuine proof a context of their own, without the VC context's protected terms,
 * in which the JSON reads `assertionMethod` while the statement, as signed, is
 * `authenticationMethod`: a signature made for logging in passed for the issuer's assertion. What
 * Lanyard reads of a proof is now held to its signed statements (src/core/proofs/signed-reading.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { unsecured } from '../../../src/core/proofs/suites.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, type Ed25519Signer } from './support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const SEC = 'https://w3id.org/security#';
type Doc = Record<string, unknown>;
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
const signature = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');

/** An eddsa-rdfc-2022 proof as VC DI EdDSA §3.2.1 makes it: the configuration under the document's @context. */
async function sign(c: Doc, signer: Ed25519Signer, extra: Doc = {}): Promise<Doc> {
  const proof: Doc = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-01-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', ...extra };
  const [p, d] = await Promise.all([canonize({ ...proof, '@context': c['@context'] }), canonize(unsecured(c))]);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, hashData(p, d) as Uint8Array<ArrayBuffer>));
  return { ...c, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

/** A context of the attacker's own for the proof: the DataIntegrityProof terms, unprotected, with assertionMethod meaning authentication. */
const RELABEL = {
  type: '@type',
  DataIntegrityProof: `${SEC}DataIntegrityProof`,
  cryptosuite: { '@id': `${SEC}cryptosuite`, '@type': `${SEC}cryptosuiteString` },
  created: { '@id': 'http://purl.org/dc/terms/created', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
  verificationMethod: { '@id': `${SEC}verificationMethod`, '@type': '@id' },
  proofPurpose: { '@id': `${SEC}proofPurpose`, '@type': '@vocab' },
  assertionMethod: `${SEC}authenticationMethod`,
};

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

describe("a proof's own @context", () => {
  it('a proof made for authentication fails; relabelled assertionMethod by a context in the proof, not valid', async () => {
    const signed = await sign(credential(alice.did), alice, { proofPurpose: 'authentication' });
    expect(signature(await run(signed))).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
    const relabelled = { ...signed, proof: { ...(signed.proof as Doc), '@context': RELABEL, proofPurpose: 'assertionMethod' } };
    const r = await run(relabelled);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(signature(r)?.message).toMatch(/proofPurpose/);
  });

  it("a genuine proof that carries the document's @context (as the JCS suites add it) still verifies", async () => {
    const c = credential(alice.did);
    const signed = await sign(c, alice, { '@context': c['@context'] });
    const r = await run(signed);
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });
});
