/**
 * ecdsa-sd-2023 derived (disclosed) proofs (VC DI ECDSA §3.5 "ecdsa-sd-2023" and §3.4 "Selective
 * Disclosure Functions"). A holder reveals part of an issuer-signed credential; the proof holds
 * - baseSignature: the issuer's signature over proofHash ‖ publicKey ‖ mandatoryHash
 *   (§3.4.? serializeSignData), checked with the verification method's key;
 * - publicKey: a proof-scoped (ephemeral) Multikey, with which
 * - signatures: one per non-mandatory N-Quad the holder revealed, in order;
 * - labelMap: canonical blank node label → the HMAC-derived label the issuer signed with;
 * - mandatoryIndexes: which of the relabelled N-Quads the issuer made mandatory.
 * Verification (§3.5.? createVerifyData, §3.5.? verifyProof): canonicalize the revealed
 * document (RDFC-1.0), replace each `_:c14nN` with its mapped label, sort, split mandatory
 * from non-mandatory, hash the mandatory ones, and check every signature.
 */
import { decodeBase64url } from '../keys/base64url.ts';
import { multicodecToJwk } from '../keys/multikey.ts';
import { CborError, decodeCbor } from './cbor.ts';
import { concat, digest, isEc, verifyEcdsa, type EcJwk } from './ecdsa.ts';

export interface DerivedProof {
  baseSignature: Uint8Array;
  /** The ephemeral key's multicodec bytes (as signed) and the key itself. */
  publicKey: Uint8Array;
  ephemeral: EcJwk;
  signatures: Uint8Array[];
  /** `c14nN` → the label that replaces it (without `_:`). */
  labelMap: Map<string, string>;
  mandatoryIndexes: number[];
}

const BASE_HEADER = [0xd9, 0x5d, 0x00];
const DERIVED_HEADER = [0xd9, 0x5d, 0x01];

const startsWith = (b: Uint8Array, h: number[]): boolean => h.every((x, i) => b[i] === x);
const b64url = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const isBytes = (v: unknown, length?: number): v is Uint8Array => v instanceof Uint8Array && (length === undefined || v.length === length);

/** §3.4.? parseDerivedProofValue and decompressLabelMap. `base` when it is the issuer's base proof, which is for the holder. */
export function parseDerivedProofValue(proofValue: unknown): DerivedProof | { error: string; base?: boolean } {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('u') || proofValue.length > 1_000_000) {
    return { error: 'The proofValue is not multibase base64url (u...)' };
  }
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(proofValue.slice(1));
  } catch {
    return { error: 'The proofValue is not valid base64url' };
  }
  if (startsWith(bytes, BASE_HEADER)) return { error: "This is the issuer's base proof, meant for the holder: a verifier is given a derived proof", base: true };
  if (!startsWith(bytes, DERIVED_HEADER)) return { error: 'The proofValue does not start with the ecdsa-sd-2023 derived proof header' };
  let parts: unknown;
  try {
    parts = decodeCbor(bytes.subarray(3));
  } catch (e) {
    return { error: `The derived proof is not the CBOR the suite defines: ${e instanceof CborError ? e.message : 'unreadable'}` };
  }
  const malformed = { error: 'The derived proof is not [baseSignature, publicKey, signatures, labelMap, mandatoryIndexes] as the suite defines' };
  if (!Array.isArray(parts) || parts.length !== 5) return malformed;
  const [baseSignature, publicKey, signatures, compressed, mandatoryIndexes] = parts as unknown[];
  if (!isBytes(baseSignature) || !isBytes(publicKey) || !Array.isArray(signatures) || !(compressed instanceof Map) || !Array.isArray(mandatoryIndexes)) return malformed;
  if (!signatures.every((s) => isBytes(s)) || !mandatoryIndexes.every((i) => Number.isSafeInteger(i) && (i as number) >= 0)) return malformed;
  const ephemeral = multicodecToJwk(publicKey);
  if (!ephemeral || !isEc(ephemeral)) return { error: "The derived proof's publicKey is not a P-256 or P-384 Multikey" };
  const labelMap = new Map<string, string>();
  for (const [k, v] of compressed) {
    if (typeof k !== 'number' || k < 0 || !isBytes(v, 32)) return malformed;
    labelMap.set(`c14n${k}`, `u${b64url(v)}`);
  }
  return { baseSignature, publicKey, ephemeral, signatures: signatures as Uint8Array[], labelMap, mandatoryIndexes: mandatoryIndexes as number[] };
}

/** Canonical N-Quads tokens: an IRI, a literal's quoted string, or a canonical blank node label. */
const TOKENS = /<[^>]*>|"(?:[^"\\]|\\.)*"|_:(c14n\d+)/g;

/**
 * §3.4.? labelReplacementCanonicalizeNQuads over RDFC-1.0 output: every `_:c14nN` replaced by
 * its label, the lines sorted (canonical N-Quads order, as the reference implementation sorts).
 * Null when a blank node has no label: the issuer did not sign this document at all.
 */
export function relabel(canonical: string, labelMap: Map<string, string>): string[] | null {
  let missing = false;
  const lines = canonical.split('\n').slice(0, -1).map((line) =>
    `${line.replace(TOKENS, (token, label: string | undefined) => {
      if (label === undefined) return token;
      const to = labelMap.get(label);
      if (to === undefined) missing = true;
      return `_:${to}`;
    })}\n`,
  );
  return missing ? null : lines.sort();
}

/**
 * `mandatory`: the statements the issuer made mandatory (§3.5.? createVerifyData splits the relabelled
 * N-Quads by mandatoryIndexes) and `nonMandatory` the ones the holder chose to disclose; what the holder
 * could have withheld beside them is judged from these (mandatory.ts).
 */
export type SdOutcome = { ok: true; mandatory: string[]; nonMandatory: string[] } | { ok: false; message: string; unsettled?: boolean };

/** Each disclosed statement costs one ECDSA verification: a bound on the work a hostile proof can ask for. */
const MAX_STATEMENTS = 2048;

/** §3.5.? verifyProof: the base signature with the issuer's key, each revealed statement with the ephemeral key. */
export async function verifyDerived(derived: DerivedProof, issuerKey: EcJwk, proofCanon: string, documentCanon: string): Promise<SdOutcome> {
  const nquads = relabel(documentCanon, derived.labelMap);
  if (!nquads) return { ok: false, message: 'The derived proof does not label every blank node of the disclosed credential' };
  const mandatoryIndexes = new Set(derived.mandatoryIndexes);
  if ([...mandatoryIndexes].some((i) => i >= nquads.length)) return { ok: false, message: 'The derived proof names mandatory statements the disclosed credential does not have' };
  const mandatory: string[] = [];
  const nonMandatory: string[] = [];
  nquads.forEach((nq, i) => (mandatoryIndexes.has(i) ? mandatory : nonMandatory).push(nq));
  if (nonMandatory.length > MAX_STATEMENTS) return { ok: false, unsettled: true, message: `The disclosure has ${nonMandatory.length} statements, more than Lanyard checks (${MAX_STATEMENTS})` };
  if (derived.signatures.length !== nonMandatory.length) {
    return { ok: false, message: `The derived proof has ${derived.signatures.length} signatures for ${nonMandatory.length} disclosed statements` };
  }
  const [proofHash, mandatoryHash] = await Promise.all([digest(issuerKey.crv, proofCanon), digest(issuerKey.crv, mandatory.join(''))]);
  const encoder = new TextEncoder();
  const checks = [
    verifyEcdsa(issuerKey, derived.baseSignature, concat(proofHash, derived.publicKey, mandatoryHash)),
    ...nonMandatory.map((nq, i) => verifyEcdsa(derived.ephemeral, derived.signatures[i]!, encoder.encode(nq))),
  ];
  const results = await Promise.all(checks);
  if (!results[0]) return { ok: false, message: "The issuer's base signature does not verify: the mandatory statements or the proof were altered, or another key signed" };
  const bad = results.findIndex((r, i) => i > 0 && !r);
  if (bad > 0) return { ok: false, message: `The signature of disclosed statement ${bad} of ${nonMandatory.length} does not verify: the credential was altered` };
  return { ok: true, mandatory, nonMandatory };
}
