/**
 * One embedded proof (VC DI §4.? "Verify Proof"; VC DI EdDSA §3.3): allow-listed suite,
 * `proofPurpose` = assertionMethod (OB 3.0 verification.md; DESIGN.md signature row), proofValue
 * `z` + base58btc of 64 bytes, the method's Ed25519 key, RDFC-1.0 of configuration and document,
 * Ed25519 over sha256 ‖ sha256. A verified signature is remembered in ctx.keyCache: it depends
 * on nothing but the credential's bytes and the key.
 */
import { ErrorCodes, type ErrorCode } from '../errors.ts';
import { SafeModeError, UnknownContextError } from '../jsonld/errors.ts';
import { multibaseDecode } from '../keys/base58.ts';
import type { KeyDescription } from '../keys/jwk.ts';
import type { VerifyContext } from '../verify/context.ts';
import { hashData, isEd25519, prepareKey, verifyEd25519 } from './ed25519.ts';
import { methodKeyOf } from './method.ts';
import { proofConfig, suiteOf } from './suites.ts';
import type { SignatureOutcome } from './types.ts';

export interface ProofInput {
  proof: unknown;
  index: number;
  /** The document's @context, for the proof configuration. */
  documentContext: unknown;
  /** RDFC-1.0 of the document without proofs: computed once for all proofs. */
  documentCanon: () => Promise<string>;
  canonize: (doc: unknown) => Promise<string>;
  /** A digest of the whole credential, for the verified-signature cache key. */
  credentialDigest: () => Promise<string>;
}

export interface ProofCheck {
  signature: SignatureOutcome;
  key?: KeyDescription;
  type?: string;
  cryptosuite?: string;
  verificationMethod?: string;
}

const fail = (code: ErrorCode, message: string): SignatureOutcome => ({ outcome: 'fail', code, message });
const unsettled = (code: ErrorCode, message: string): SignatureOutcome => ({ outcome: 'indeterminate', code, message });

export async function verifyProof(input: ProofInput, ctx: VerifyContext): Promise<ProofCheck> {
  const p = input.proof;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { signature: fail(ErrorCodes.SIGNATURE_INVALID, 'The proof is not a JSON object') };
  const proof = p as Record<string, unknown>;
  const info = {
    type: typeof proof.type === 'string' ? proof.type : undefined,
    cryptosuite: typeof proof.cryptosuite === 'string' ? proof.cryptosuite : undefined,
    verificationMethod: typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined,
  };
  const suite = suiteOf(proof);
  if ('refused' in suite) return { ...info, signature: fail(ErrorCodes.ALG_NOT_ALLOWED, suite.refused) };
  if (proof.proofPurpose !== 'assertionMethod') {
    return { ...info, signature: fail(ErrorCodes.PROOF_PURPOSE, `The proof's purpose is ${JSON.stringify(proof.proofPurpose ?? null).slice(0, 60)}, not assertionMethod`) };
  }
  const pv = proof.proofValue;
  const signature = typeof pv === 'string' && pv.length < 200 ? multibaseDecode(pv) : null;
  if (!signature || signature.length !== 64) return { ...info, signature: fail(ErrorCodes.SIGNATURE_INVALID, 'The proofValue is not z + base58btc of a 64-byte Ed25519 signature') };
  const found = await methodKeyOf(proof.verificationMethod, ctx);
  if ('missing' in found) return { ...info, signature: unsettled(ErrorCodes.NO_KEY, found.missing) };
  const { key } = found;
  if (!isEd25519(key.jwk)) return { ...info, key, signature: fail(ErrorCodes.ALG_NOT_ALLOWED, `${key.source} is not an Ed25519 key, which ${suite.type} needs`) };
  const digest = ctx.keyCache ? await input.credentialDigest() : '';
  const cacheKey = digest ? `sig:${digest}:${input.index}:${key.canonical}` : '';
  if (cacheKey && ctx.keyCache?.get(cacheKey) === true) return { ...info, key, signature: { outcome: 'pass', message: `The proof verifies with ${key.source}` } };
  prepareKey(key.jwk);
  let data: Uint8Array;
  try {
    const [proofCanon, docCanon] = await Promise.all([input.canonize(proofConfig(proof, input.documentContext)), input.documentCanon()]);
    data = hashData(proofCanon, docCanon);
  } catch (e) {
    if (e instanceof UnknownContextError) return { ...info, key, signature: unsettled(ErrorCodes.UNKNOWN_CONTEXT, e.message) };
    if (e instanceof SafeModeError) return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, e.message) };
    // Anything else (a pathological document exhausting the stack, say) leaves the proof unsettled, never a crash.
    return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `The credential could not be canonicalized: ${(e as Error)?.message ?? e}`) };
  }
  if (!(await verifyEd25519(key.jwk, signature, data))) {
    return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, `The proof does not verify with ${key.source}: the credential was altered or signed with another key`) };
  }
  if (cacheKey) ctx.keyCache?.set(cacheKey, true);
  return { ...info, key, signature: { outcome: 'pass', message: `The proof verifies with ${key.source}` } };
}
