/**
 * The proof types Lanyard accepts (DESIGN.md: algorithms are an explicit allow-list) and the
 * proof configuration each one canonicalizes:
 * - `DataIntegrityProof` with cryptosuite `eddsa-rdfc-2022` (VC DI EdDSA §3.3), and its
 *   pre-standard name `eddsa-2022`, which signs the same way (OB 3.0 impl/recommended-practices.md
 *   "Cryptosuites in Linked Data Proofs"); the name is kept as written in the proof configuration;
 * - `Ed25519Signature2020` (W3C CCG Ed25519Signature2020 §? "Proof algorithm"): same hashing,
 *   sha256(canon(proof configuration)) ‖ sha256(canon(document)).
 * Both build the proof configuration as the proof without its value, under the document's
 * @context (VC DI §4.? step "proofConfig.@context = unsecuredDocument.@context").
 */
export const DATA_INTEGRITY_SUITES = ['eddsa-rdfc-2022', 'eddsa-2022'] as const;
export const PROOF_TYPES = ['DataIntegrityProof', 'Ed25519Signature2020'] as const;

export type Suite = { type: 'DataIntegrityProof'; cryptosuite: (typeof DATA_INTEGRITY_SUITES)[number] } | { type: 'Ed25519Signature2020' };

/** The suite of a proof, or why it is not one Lanyard accepts. */
export function suiteOf(proof: Record<string, unknown>): Suite | { refused: string } {
  const { type, cryptosuite } = proof;
  if (type === 'Ed25519Signature2020') return { type };
  if (type === 'DataIntegrityProof') {
    if ((DATA_INTEGRITY_SUITES as readonly unknown[]).includes(cryptosuite)) return { type, cryptosuite: cryptosuite as (typeof DATA_INTEGRITY_SUITES)[number] };
    return { refused: `The cryptosuite ${JSON.stringify(cryptosuite ?? null).slice(0, 60)} is not one Lanyard accepts (${DATA_INTEGRITY_SUITES.join(', ')})` };
  }
  return { refused: `The proof type ${JSON.stringify(type ?? null).slice(0, 60)} is not one Lanyard accepts (${PROOF_TYPES.join(', ')})` };
}

/** The proof configuration: the proof minus its value, under the document's @context (a proof's own @context wins). */
export function proofConfig(proof: Record<string, unknown>, documentContext: unknown): Record<string, unknown> {
  const config: Record<string, unknown> = { '@context': documentContext, ...proof };
  delete config.proofValue;
  delete config.jws;
  delete config.signatureValue;
  return config;
}

/** The document the proof covers: the credential without `proof` (VC DI §4.? "unsecuredDocument"). */
export function unsecured(credential: Record<string, unknown>): Record<string, unknown> {
  const doc = { ...credential };
  delete doc.proof;
  return doc;
}
