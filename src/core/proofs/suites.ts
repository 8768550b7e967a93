/**
 * The proof suites Lanyard verifies (DESIGN.md: algorithms are an explicit allow-list), the
 * legitimate ones it knows but does not implement (`signature` indeterminate, the suite named:
 * DESIGN.md check table), and the proof configuration each one canonicalizes.
 * Verified:
 * - `DataIntegrityProof` / `eddsa-rdfc-2022` (VC DI EdDSA §3.3) and its pre-standard name
 *   `eddsa-2022`, which signs the same way (OB 3.0 impl/recommended-practices.md "Cryptosuites in
 *   Linked Data Proofs"); `Ed25519Signature2020` (W3C CCG Ed25519Signature2020 "Proof algorithm"):
 *   Ed25519 over sha256(canon(proof configuration)) ‖ sha256(canon(document));
 * - `Ed25519Signature2018` (W3C CCG Ed25519Signature2018; the legacy Linked Data Signatures
 *   algorithm): the same hash data, signed as a detached JWS with `b64: false` (RFC 7797);
 * - `DataIntegrityProof` / `ecdsa-rdfc-2019` (VC DI ECDSA §3.3), P-256 or P-384, and its
 *   pre-standard name `ecdsa-2019`;
 * - `DataIntegrityProof` / `ecdsa-sd-2023` derived proofs (VC DI ECDSA §3.5);
 * - `DataIntegrityProof` / `eddsa-jcs-2022` (VC DI EdDSA §3.4): the same Ed25519 over sha256 ‖ sha256,
 *   of the JCS (RFC 8785) serializations instead of RDFC-1.0 (eddsa-jcs.ts);
 * - `DataIntegrityProof` / `ecdsa-jcs-2019` (VC DI ECDSA §3.4): ECDSA, P-256 or P-384, over the
 *   curve's hash of the same two JCS serializations.
 * The proof configuration is the proof without its value, under the document's @context
 * (VC DI 1.0 §4.? "proofConfig.@context = unsecuredDocument.@context"; jsonld-signatures does
 * the same for the legacy suites).
 */
import { shorten } from '../display.ts';
export type SuiteKind = 'eddsa' | 'eddsa-jcs' | 'ed25519-2018' | 'ecdsa-rdfc' | 'ecdsa-jcs' | 'ecdsa-sd';
export interface Suite {
  kind: SuiteKind;
  /** How messages name it: the type, or the cryptosuite of a DataIntegrityProof. */
  name: string;
}

const DATA_INTEGRITY: Record<string, SuiteKind> = {
  'eddsa-rdfc-2022': 'eddsa',
  'eddsa-2022': 'eddsa',
  'eddsa-jcs-2022': 'eddsa-jcs',
  'ecdsa-rdfc-2019': 'ecdsa-rdfc',
  'ecdsa-2019': 'ecdsa-rdfc',
  'ecdsa-jcs-2019': 'ecdsa-jcs',
  'ecdsa-sd-2023': 'ecdsa-sd',
};
const PROOF_TYPES: Record<string, SuiteKind> = { Ed25519Signature2020: 'eddsa', Ed25519Signature2018: 'ed25519-2018' };

/**
 * Legitimate suites Lanyard does not check (W3C VC Specifications Directory, "Securing
 * mechanisms"; the CCG Linked Data Cryptographic Suite Registry): a credential secured with one
 * is not forged for that, only unchecked.
 */
// MerkleProof2019 (W3C CCG "Merkle Proof Signature Suite 2019", lds-merkle-proof-2019) and its
// DataIntegrityProof name merkle-proof-2019: Blockcerts v3 credentials anchored in a blockchain.
const KNOWN_CRYPTOSUITES = ['bbs-2023', 'merkle-proof-2019'];
const KNOWN_PROOF_TYPES = [
  'JsonWebSignature2020',
  'RsaSignature2018',
  'EcdsaSecp256k1Signature2019',
  'EcdsaSecp256r1Signature2019',
  'EcdsaSecp256k1RecoverySignature2020',
  'JcsEd25519Signature2020',
  'BbsBlsSignature2020',
  'BbsBlsSignatureProof2020',
  'MerkleProof2019',
];

export const SUPPORTED = [...Object.keys(DATA_INTEGRITY), ...Object.keys(PROOF_TYPES)];

const quoted = (v: unknown): string => shorten(JSON.stringify(v ?? null), 60);

/** The suite of a proof; `unsupported` (a legitimate suite not implemented) or `refused` (not one Lanyard accepts) otherwise. */
export function suiteOf(proof: Record<string, unknown>): Suite | { unsupported: string } | { refused: string } {
  const { type, cryptosuite } = proof;
  if (type === 'DataIntegrityProof') {
    const kind = typeof cryptosuite === 'string' && Object.hasOwn(DATA_INTEGRITY, cryptosuite) ? DATA_INTEGRITY[cryptosuite] : undefined;
    if (kind) return { kind, name: cryptosuite as string };
    if (KNOWN_CRYPTOSUITES.includes(cryptosuite as string)) return { unsupported: `The cryptosuite ${cryptosuite as string} is a legitimate one that Lanyard cannot check yet` };
    return { refused: `The cryptosuite ${quoted(cryptosuite)} is not one Lanyard accepts (${Object.keys(DATA_INTEGRITY).join(', ')})` };
  }
  const kind = typeof type === 'string' && Object.hasOwn(PROOF_TYPES, type) ? PROOF_TYPES[type] : undefined;
  if (kind) return { kind, name: type as string };
  if (KNOWN_PROOF_TYPES.includes(type as string)) return { unsupported: `The proof type ${type as string} is a legitimate one that Lanyard cannot check yet` };
  return { refused: `The proof type ${quoted(type)} is not one Lanyard accepts (${SUPPORTED.join(', ')})` };
}

/** The proof configuration: the proof minus its value, under the document's @context (a proof's own @context wins). */
export function proofConfig(proof: Record<string, unknown>, documentContext: unknown): Record<string, unknown> {
  // Rest properties rather than `delete`, which would turn the copy into a slow dictionary-mode object.
  const { proofValue: _value, jws: _jws, signatureValue: _signature, ...rest } = proof;
  return { '@context': documentContext, ...rest };
}

/** The document the proof covers: the credential without `proof` (VC DI §4.? "unsecuredDocument"). */
export function unsecured(credential: Record<string, unknown>): Record<string, unknown> {
  const { proof: _proof, ...doc } = credential;
  return doc;
}
