/**
 * Signing with Ed25519 over WebCrypto, for tests and benchmarks (the engine only verifies):
 * VC DI EdDSA §3.3 "Create proof" for eddsa-rdfc-2022 (proofValue = `z` + base58btc(Ed25519(
 * sha256(canon(proofConfig)) ‖ sha256(canon(document))))); `Ed25519Signature2020` hashes the same way.
 * Keys are did:key identities (did:key §Signature Method Creation: `z` + base58btc(0xed01 ‖ key)).
 */
import { canonize } from '../jsonld/canonize.ts';
import type { ContextSet } from '../jsonld/context-set.ts';
import { hashData } from './ed25519.ts';
import { proofConfig, unsecured } from './suites.ts';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58btcEncode(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out += '1';
  for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i]!];
  return out;
}

export interface Ed25519Signer {
  /** `z6Mk…`: the public key as a multikey. */
  multibase: string;
  /** `did:key:z6Mk…`. */
  did: string;
  /** `did:key:z6Mk…#z6Mk…`. */
  didMethod: string;
  privateKey: CryptoKey;
}

export async function generateSigner(): Promise<Ed25519Signer> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const multibase = `z${base58btcEncode(Uint8Array.of(0xed, 0x01, ...raw))}`;
  const did = `did:key:${multibase}`;
  return { multibase, did, didMethod: `${did}#${multibase}`, privateKey: pair.privateKey };
}

export interface SignOptions {
  type?: 'DataIntegrityProof' | 'Ed25519Signature2020';
  cryptosuite?: string;
  verificationMethod?: string;
  proofPurpose?: string;
  created?: string;
  contexts?: ContextSet;
}

/** The credential with one more proof (an existing proof or proof list is kept: a proof set). */
export async function signCredential(credential: Record<string, unknown>, signer: Ed25519Signer, opts: SignOptions = {}): Promise<Record<string, unknown>> {
  const type = opts.type ?? 'DataIntegrityProof';
  const proof: Record<string, unknown> = {
    type,
    ...(type === 'DataIntegrityProof' ? { cryptosuite: opts.cryptosuite ?? 'eddsa-rdfc-2022' } : {}),
    created: opts.created ?? '2025-01-01T00:00:00Z',
    verificationMethod: opts.verificationMethod ?? signer.didMethod,
    proofPurpose: opts.proofPurpose ?? 'assertionMethod',
  };
  const doc = unsecured(credential);
  const [p, d] = await Promise.all([canonize(proofConfig(proof, credential['@context']), opts.contexts), canonize(doc, opts.contexts)]);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, hashData(p, d) as Uint8Array<ArrayBuffer>));
  proof.proofValue = `z${base58btcEncode(sig)}`;
  const existing = credential.proof === undefined ? [] : Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  return { ...credential, proof: existing.length ? [...existing, proof] : proof };
}
