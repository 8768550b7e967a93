/**
 * An ecdsa-sd-2023 derived proof over a disclosed credential, for tests (the engine only verifies),
 * written from VC DI ECDSA §3.5 (serializeDerivedProofValue, §3.4.? createDisclosureData): the
 * disclosed document's RDFC-1.0 blank nodes relabelled (here with random labels, as an HMAC would
 * give), the issuer's base signature over sha256(canon(proof configuration)) ‖ the ephemeral public
 * key ‖ sha256(mandatory statements), one ephemeral-key signature per other statement, CBOR after
 * the 0xd95d01 header. No statement is mandatory (the holder could have withheld any of them) unless
 * `mandatory` says which (a relabelled N-Quad → whether the issuer's mandatory pointers select it).
 */
import { canonizeWith } from '../../../src/core/proofs/canonize-hash.ts';
import { concat, digest } from '../../../src/core/proofs/ecdsa.ts';
import { relabel } from '../../../src/core/proofs/ecdsa-sd.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import type { EcSigner } from './suites-sign.ts';

/** RFC 8949 §3.1: a head for major type `major` and argument `n`. */
function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
type Cbor = number | Uint8Array | Cbor[] | Map<number, Cbor>;
function cbor(v: Cbor): number[] {
  if (typeof v === 'number') return head(0, v);
  if (v instanceof Uint8Array) return [...head(2, v.length), ...v];
  if (Array.isArray(v)) return [...head(4, v.length), ...v.flatMap(cbor)];
  return [...head(5, v.size), ...[...v].flatMap(([k, x]) => [...cbor(k), ...cbor(x)])];
}

const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
const sign = async (key: CryptoKey, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data as Uint8Array<ArrayBuffer>));

/** `credential` as disclosed, with a derived proof by `signer` (a P-256 key). */
export async function signDerived(credential: Record<string, unknown>, signer: EcSigner, mandatory: (nquad: string) => boolean = () => false): Promise<Record<string, unknown>> {
  const proof = { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-sd-2023', created: '2025-01-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod' };
  const [proofCanon, docCanon] = await Promise.all([canonizeWith(proofConfig(proof, credential['@context']), 'SHA-256'), canonizeWith(unsecured(credential), 'SHA-256')]);
  const labels = new Map<number, Uint8Array>();
  for (const m of docCanon.matchAll(/_:c14n(\d+)/g)) if (!labels.has(Number(m[1]))) labels.set(Number(m[1]), crypto.getRandomValues(new Uint8Array(32)));
  const nquads = relabel(docCanon, new Map([...labels].map(([k, v]) => [`c14n${k}`, `u${b64url(v)}`])))!;
  const ephemeral = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const publicKey = Uint8Array.of(0x80, 0x24, 2 + (raw[64]! & 1), ...raw.subarray(1, 33));
  const indexes = nquads.flatMap((nq, i) => (mandatory(nq) ? [i] : []));
  const [proofHash, mandatoryHash] = await Promise.all([digest('P-256', proofCanon), digest('P-256', nquads.filter((nq) => mandatory(nq)).join(''))]);
  const baseSignature = await sign(signer.privateKey, concat(proofHash, publicKey, mandatoryHash));
  const signatures = await Promise.all(nquads.filter((nq) => !mandatory(nq)).map((nq) => sign(ephemeral.privateKey, new TextEncoder().encode(nq))));
  const value = Uint8Array.of(0xd9, 0x5d, 0x01, ...cbor([baseSignature, publicKey, signatures, labels, indexes]));
  return { ...credential, proof: { ...proof, proofValue: `u${b64url(value)}` } };
}
