/**
 * Signing in the suites beside eddsa-rdfc-2022, for tests (the engine only verifies), written from
 * the specifications: VC DI ECDSA §3.3 (ecdsa-rdfc-2019: the curve's hash of canon(proof
 * configuration) ‖ of canon(document), RDFC-1.0 with that hash, ECDSA with it) and the CCG
 * Ed25519Signature2018 suite (a detached `b64: false` JWS over sha256 ‖ sha256), ecdsa-jcs-2019 (§3.4).
 * Keys are did:key identities: `z` + base58btc(0x8024 P-256 / 0x8124 P-384 ‖ compressed point).
 */
import { canonizeWith } from '../../../src/core/proofs/canonize-hash.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { jcsInputs } from '../../../src/core/proofs/eddsa-jcs.ts';
import { CURVES, concat, digest } from '../../../src/core/proofs/ecdsa.ts';
import { base58btcEncode, type Ed25519Signer } from '../../../src/core/proofs/sign.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';

export interface EcSigner {
  crv: 'P-256' | 'P-384';
  did: string;
  didMethod: string;
  privateKey: CryptoKey;
}

export async function generateEcSigner(crv: 'P-256' | 'P-384'): Promise<EcSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: crv }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)); // 0x04 ‖ x ‖ y
  const size = (raw.length - 1) / 2;
  const compressed = Uint8Array.of(2 + (raw[raw.length - 1]! & 1), ...raw.subarray(1, 1 + size));
  const mb = `z${base58btcEncode(Uint8Array.of(crv === 'P-256' ? 0x80 : 0x81, 0x24, ...compressed))}`;
  const did = `did:key:${mb}`;
  return { crv, did, didMethod: `${did}#${mb}`, privateKey: pair.privateKey };
}

const baseProof = (type: string, vm: string, extra: Record<string, unknown> = {}) => ({
  type,
  ...extra,
  created: '2025-01-01T00:00:00Z',
  verificationMethod: vm,
  proofPurpose: 'assertionMethod',
});

/** `extra` proof options (id, previousProof…); `signed`: the document the proof covers (a chained proof's: with the proofs it names, VC DI 1.0 §4.5). */
export async function signEcdsaRdfc(credential: Record<string, unknown>, signer: EcSigner, extra: Record<string, unknown> = {}, signed = unsecured(credential)): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = baseProof('DataIntegrityProof', signer.didMethod, { cryptosuite: 'ecdsa-rdfc-2019', ...extra });
  const hash = CURVES[signer.crv].hash;
  const [p, d] = await Promise.all([canonizeWith(proofConfig(proof, credential['@context']), hash), canonizeWith(signed, hash)]);
  const data = concat(await digest(signer.crv, p), await digest(signer.crv, d));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, signer.privateKey, data as Uint8Array<ArrayBuffer>));
  return { ...credential, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

/** VC DI ECDSA §3.4 ecdsa-jcs-2019: the proof carries the document's @context; the curve's hash of JCS(options) ‖ of JCS(document). */
export async function signEcdsaJcs(credential: Record<string, unknown>, signer: EcSigner, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = { ...baseProof('DataIntegrityProof', signer.didMethod, { cryptosuite: 'ecdsa-jcs-2019' }), '@context': credential['@context'], ...extra };
  const inputs = jcsInputs(proof, credential);
  if ('error' in inputs) throw new Error(inputs.error);
  const data = concat(await digest(signer.crv, inputs.options), await digest(signer.crv, inputs.document));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: CURVES[signer.crv].hash }, signer.privateKey, data as Uint8Array<ArrayBuffer>));
  return { ...credential, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

export async function signEd25519Signature2018(credential: Record<string, unknown>, signer: Ed25519Signer): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = baseProof('Ed25519Signature2018', signer.didMethod);
  const [p, d] = await Promise.all([canonizeWith(proofConfig(proof, credential['@context']), 'SHA-256'), canonizeWith(unsecured(credential), 'SHA-256')]);
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', b64: false, crit: ['b64'] })).toString('base64url');
  const input = concat(new TextEncoder().encode(`${header}.`), hashData(p, d));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, input as Uint8Array<ArrayBuffer>));
  return { ...credential, proof: { ...proof, jws: `${header}..${Buffer.from(sig).toString('base64url')}` } };
}
