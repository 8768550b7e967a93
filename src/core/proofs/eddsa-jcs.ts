/**
 * The JCS suites: eddsa-jcs-2022 (VC DI EdDSA §3.4) and ecdsa-jcs-2019 (VC DI ECDSA §3.4). Both sign
 * hash(JCS(proof configuration)) ‖ hash(JCS(document)), with no JSON-LD processing: Ed25519 over
 * SHA-256, ECDSA with its curve's hash (SHA-256 for P-256, SHA-384 for P-384). §3.4.? Verify Proof
 * (the same words in both): the proof options are the proof without its proofValue; when they carry
 * an @context, the document's @context must start with it, and the document is read under it.
 */
import { arr } from '../formats/json-util.ts';
import { hashData } from './ed25519.ts';
import { jcs } from './jcs.ts';
import { unsecured } from './suites.ts';

/** The JCS serializations of the proof options and of the document, or why the proof cannot hold. Throws for a document JCS cannot serialize. */
export function jcsInputs(proof: Record<string, unknown>, document: Record<string, unknown>): { options: string; document: string } | { error: string } {
  const { proofValue: _value, ...options } = proof;
  const doc = unsecured(document);
  if (options['@context'] !== undefined) {
    const want = arr(options['@context']);
    const have = arr(document['@context']);
    if (want.length > have.length || !want.every((c, i) => jcs(c) === jcs(have[i]))) {
      return { error: "The proof's @context is not the start of the credential's @context, as the JCS suites require (VC DI EdDSA and ECDSA §3.4)" };
    }
    doc['@context'] = options['@context'];
  }
  return { options: jcs(options), document: jcs(doc) };
}

/** eddsa-jcs-2022's hash data: sha256 ‖ sha256 of the two serializations. */
export function jcsHashData(proof: Record<string, unknown>, document: Record<string, unknown>): Uint8Array | { error: string } {
  const inputs = jcsInputs(proof, document);
  return 'error' in inputs ? inputs : hashData(inputs.options, inputs.document);
}
