/**
 * eddsa-jcs-2022 (VC DI EdDSA §3.4): Ed25519 over sha256(JCS(proof configuration)) ‖
 * sha256(JCS(document)), with no JSON-LD processing. §3.4.1 Verify Proof: the proof options are the
 * proof without its proofValue; when they carry an @context, the document's @context must start with
 * it, and the document is read under it.
 */
import { arr } from '../formats/json-util.ts';
import { hashData } from './ed25519.ts';
import { jcs } from './jcs.ts';
import { unsecured } from './suites.ts';

/** The hash data to verify, or why the proof cannot hold. Throws for a document JCS cannot serialize. */
export function jcsHashData(proof: Record<string, unknown>, document: Record<string, unknown>): Uint8Array | { error: string } {
  const { proofValue: _value, ...options } = proof;
  const doc = unsecured(document);
  if (options['@context'] !== undefined) {
    const want = arr(options['@context']);
    const have = arr(document['@context']);
    if (want.length > have.length || !want.every((c, i) => jcs(c) === jcs(have[i]))) {
      return { error: "The proof's @context is not the start of the credential's @context (VC DI EdDSA §3.4.1)" };
    }
    doc['@context'] = options['@context'];
  }
  return hashData(jcs(options), jcs(doc));
}
