/**
 * One embedded proof (VC DI §4.? "Verify Proof"; the suites in suites.ts): an allow-listed suite,
 * `proofPurpose` = assertionMethod (OB 3.0 verification.md; DESIGN.md signature row), a
 * well-formed signature, the method's key of the type the suite needs, then the suite's check
 * over RDFC-1.0 of the proof configuration and of the document; a verified signature is
 * remembered in ctx.keyCache: it depends on nothing but the credential's bytes and the key.
 */
import { ErrorCodes, type ErrorCode } from '../errors.ts';
import { SafeModeError, UnknownContextError, UnspecifiedDirectionError } from '../jsonld/errors.ts';
import { multibaseDecode } from '../keys/base58.ts';
import type { KeyDescription } from '../keys/jwk.ts';
import { smallOrderEd25519, SMALL_ORDER_MESSAGE } from '../keys/ed25519-small-order.ts';
import { isUncheckedAlg } from '../keys/verify-jws.ts';
import type { VerifyContext } from '../verify/context.ts';
import type { CanonHash } from './canonize-hash.ts';
import type { Canonical } from '../jsonld/nquads-read.ts';
import { readDetachedJws, type DetachedJws } from './detached-jws.ts';
import { CURVES, digest, isEc, prepareEcKey, verifyEcdsa, concat } from './ecdsa.ts';
import { parseDerivedProofValue, verifyDerived, type DerivedProof } from './ecdsa-sd.ts';
import { coldHashData, hashData, isEd25519, prepareKey, verifyEd25519 } from './ed25519.ts';
import { jcsInputs } from './eddsa-jcs.ts';
import { methodKeyOf } from './method.ts';
import { unreadInCredential, unreadInProof, unsignedRecipientIn } from './signed-reading.ts';
import { proofConfig, suiteOf, type Suite } from './suites.ts';
import { chainedDocument } from './proof-chain.ts';
import { mandatoryShown } from './mandatory.ts';
import type { MandatoryShown, SignatureOutcome } from './types.ts';
import { loneSurrogateIn } from './unicode.ts';
import { shorten } from '../display.ts';

export interface ProofInput {
  proof: unknown;
  index: number;
  /** The document's @context, for the proof configuration. */
  documentContext: unknown;
  /** RDFC-1.0 of the document without proofs, with the given hash (SHA-256 unless said): computed once for all proofs. */
  documentCanon: (hash?: CanonHash) => Promise<Canonical>;
  /** RDFC-1.0, with the statements it signs as the canonicalizer made them (nquads-read.ts Canonical: not read back from the text). */
  canonize: (doc: unknown, hash?: CanonHash) => Promise<Canonical>;
  /** A digest of the whole credential, for the verified-signature cache key. */
  credentialDigest: () => Promise<string>;
  /** The secured document itself, for the suites that serialize it without JSON-LD (eddsa-jcs-2022), and for a chained proof (proof-chain.ts). */
  document?: Record<string, unknown>;
  /** Every proof the document carries, among which a chained proof's previousProof is looked up (VC DI 1.0 §4.5 step 3.2). */
  proofs?: readonly unknown[];
  /** Names the context set when it is not the usual one (ob3-beta.ts), so that its results are cached apart. */
  variant?: string;
  /**
   * Called with the proof's key once its signature check has been handed to WebCrypto (which works
   * off the main thread): work that needs only the key (the issuer binding) runs meanwhile.
   */
  whileChecking?: (key: KeyDescription) => void;
}

export interface ProofCheck {
  signature: SignatureOutcome;
  key?: KeyDescription;
  type?: string;
  cryptosuite?: string;
  verificationMethod?: string;
}

const fail = (code: ErrorCode, message: string): SignatureOutcome => ({ outcome: 'fail', code, message });
const passed = (suite: Suite, key: KeyDescription, mandatory?: MandatoryShown): SignatureOutcome => ({ outcome: 'pass', message: `The ${suite.name} proof verifies with ${key.source}`, ...(mandatory && { mandatory }) });
const unsettled = (code: ErrorCode, message: string): SignatureOutcome => ({ outcome: 'indeterminate', code, message });

/** The signature as the suite encodes it, read before any key is fetched. */
type Signed =
  | { kind: 'eddsa' | 'eddsa-jcs'; signature: Uint8Array }
  | { kind: 'ed25519-2018'; jws: DetachedJws }
  | { kind: 'ecdsa-rdfc' | 'ecdsa-jcs'; signature: Uint8Array }
  | { kind: 'ecdsa-sd'; derived: DerivedProof };

function readSignature(suite: Suite, proof: Record<string, unknown>): Signed | SignatureOutcome {
  const pv = proof.proofValue;
  switch (suite.kind) {
    case 'eddsa':
    case 'eddsa-jcs': {
      const signature = typeof pv === 'string' && pv.length < 200 ? multibaseDecode(pv) : null;
      return signature?.length === 64 ? { kind: suite.kind, signature } : fail(ErrorCodes.SIGNATURE_INVALID, 'The proofValue is not z + base58btc of a 64-byte Ed25519 signature');
    }
    case 'ed25519-2018': {
      const jws = readDetachedJws(proof.jws);
      if ('error' in jws) return fail(jws.algRefused ? ErrorCodes.ALG_NOT_ALLOWED : ErrorCodes.SIGNATURE_INVALID, jws.error);
      if (jws.alg !== 'EdDSA' && jws.alg !== 'Ed25519') return fail(ErrorCodes.ALG_NOT_ALLOWED, `The jws algorithm ${jws.alg} is not the EdDSA that Ed25519Signature2018 signs with`);
      return { kind: 'ed25519-2018', jws };
    }
    case 'ecdsa-rdfc':
    case 'ecdsa-jcs': {
      const signature = typeof pv === 'string' && pv.length < 300 ? multibaseDecode(pv) : null;
      return signature && (signature.length === 64 || signature.length === 96)
        ? { kind: suite.kind, signature }
        : fail(ErrorCodes.SIGNATURE_INVALID, 'The proofValue is not z + base58btc of a 64- or 96-byte ECDSA signature');
    }
    case 'ecdsa-sd': {
      const derived = parseDerivedProofValue(pv);
      if ('error' in derived) return derived.base ? unsettled(ErrorCodes.UNSUPPORTED, `ecdsa-sd-2023: ${derived.error}`) : fail(ErrorCodes.SIGNATURE_INVALID, derived.error);
      return { kind: 'ecdsa-sd', derived };
    }
  }
}

/**
 * A suite Lanyard does not implement is indeterminate, but a JWS it carries must still use an allowed
 * algorithm, or a legitimate asymmetric one Lanyard does not check (isUncheckedAlg): EcdsaSecp256k1Signature2019
 * (W3C CCG Linked Data Proofs for secp256k1) is a detached JWS whose alg is ES256K (RFC 8812 §3.2), so a
 * genuine one is unchecked, not forged; `none` and HMAC still fail.
 */
function unsupported(proof: Record<string, unknown>, message: string): SignatureOutcome {
  if (proof.jws !== undefined) {
    const jws = readDetachedJws(proof.jws);
    if ('error' in jws && jws.algRefused && !isUncheckedAlg(jws.alg)) return fail(ErrorCodes.ALG_NOT_ALLOWED, jws.error);
  }
  return unsettled(ErrorCodes.UNSUPPORTED, message);
}

/**
 * The check is under way (started synchronously by the call that made `check`: WebCrypto runs it
 * off the main thread): run the caller's key work and `alongside`, then wait for it.
 */
function meanwhile<T>(check: Promise<T>, input: ProofInput, key: KeyDescription, alongside?: () => void): Promise<T> {
  input.whileChecking?.(key);
  alongside?.();
  return check;
}

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
  // VC DI 1.0 §2.1: proofPurpose "MUST be a string". Another shape is a malformed proof, refused like a
  // malformed proofValue (fail), and said so: ["assertionMethod"] read "is [...], not assertionMethod".
  if (proof.proofPurpose !== 'assertionMethod') {
    const given = shorten(JSON.stringify(proof.proofPurpose ?? null), 60);
    const pp = proof.proofPurpose;
    const shape = Array.isArray(pp) ? `an array: ${given}` : pp === null ? 'null' : typeof pp === 'object' ? `an object: ${given}` : `${typeof pp === 'number' ? 'a number' : 'a boolean'}: ${given}`;
    const what = typeof pp === 'string' ? `is ${given}, not assertionMethod` : pp === undefined ? 'is missing: it must be assertionMethod' : `must be one string, assertionMethod (VC Data Integrity 1.0 §2.1), not ${shape}`;
    return { ...info, signature: fail(ErrorCodes.PROOF_PURPOSE, `The proof's purpose ${what}`) };
  }
  if ('unsupported' in suite) return { ...info, signature: unsupported(proof, suite.unsupported) };
  // VC DI 1.0 §4.5 step 3.3: a chained proof signed the document with the proofs it names as its `proof` (proof-chain.ts).
  const chain = proof.previousProof === undefined ? undefined : chainedDocument(proof, input.proofs ?? [proof], input.document);
  if (chain && 'unsettled' in chain) return { ...info, signature: unsettled(ErrorCodes.UNSUPPORTED, `This proof ${chain.unsettled}`) };
  const signed = readSignature(suite, proof);
  if ('outcome' in signed) return { ...info, signature: signed };
  // Text that is not Unicode hashes as U+FFFD (unicode.ts): what was signed cannot be told from what is shown.
  const lone = loneSurrogateIn(input.document) ?? loneSurrogateIn(proof);
  if (lone !== undefined) return { ...info, signature: unsettled(ErrorCodes.UNSUPPORTED, `The credential holds text that is not Unicode (a lone surrogate in ${shorten(JSON.stringify(lone), 60)}), which ${suite.name} cannot sign one way only (RFC 8785 §3.2.2.2, RDF 1.1 §3.3)`) };
  const found = await methodKeyOf(proof.verificationMethod, ctx);
  if ('missing' in found) return { ...info, signature: unsettled(ErrorCodes.NO_KEY, found.missing) };
  const { key } = found;
  const jwk = key.jwk;
  const ed = signed.kind === 'eddsa' || signed.kind === 'eddsa-jcs' || signed.kind === 'ed25519-2018';
  if (ed ? !isEd25519(jwk) : !isEc(jwk)) {
    return { ...info, key, signature: fail(ErrorCodes.ALG_NOT_ALLOWED, `${key.source} is not ${ed ? 'an Ed25519' : 'a P-256 or P-384'} key, which ${suite.name} needs`) };
  }
  // A small-order Ed25519 point accepts forged signatures (keys/ed25519-small-order.ts): the proof proves nothing.
  if (ed && isEd25519(jwk) && smallOrderEd25519(jwk.x)) return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, `Signed with ${key.source}, which ${SMALL_ORDER_MESSAGE}`) };
  // VC DI ECDSA §3.4: ecdsa-sd-2023 as specified and tested (its proof value layout, HMAC-SHA-256 labels) is P-256's; P-384 is left unsettled.
  if (signed.kind === 'ecdsa-sd' && isEc(jwk) && jwk.crv !== 'P-256') {
    return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `Lanyard checks ecdsa-sd-2023 proofs made with P-256 keys; ${key.source} is a ${jwk.crv} key`) };
  }
  if ((signed.kind === 'ecdsa-rdfc' || signed.kind === 'ecdsa-jcs') && isEc(jwk) && signed.signature.length !== CURVES[jwk.crv].signatureLength) {
    return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, `The proofValue is not a ${jwk.crv} signature (${CURVES[jwk.crv].signatureLength} bytes), as ${key.source} makes`) };
  }
  const digestKey = ctx.keyCache ? await input.credentialDigest() : '';
  const cacheKey = digestKey ? `sig:${input.variant ?? ''}${digestKey}:${input.index}:${key.canonical}` : '';
  // An ecdsa-sd-2023 pass is cached with what its issuer made mandatory (mandatory.ts), which the checks need.
  const cachedMandatory = signed.kind === 'ecdsa-sd' && cacheKey ? asMandatory(ctx.keyCache?.get(`${cacheKey}:mandatory`)) : undefined;
  if (cacheKey && ctx.keyCache?.get(cacheKey) === true && (signed.kind !== 'ecdsa-sd' || cachedMandatory)) return { ...info, key, signature: passed(suite, key, cachedMandatory) };
  if (isEd25519(jwk)) prepareKey(jwk);
  else if (isEc(jwk)) prepareEcKey(jwk);
  if (signed.kind === 'eddsa-jcs' || signed.kind === 'ecdsa-jcs') {
    let data: ReturnType<typeof jcsInputs>;
    try {
      if (!input.document) return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `${suite.name}: the document was not given`) };
      data = jcsInputs(proof, input.document);
    } catch (e) {
      return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `The credential could not be serialized with JCS: ${(e as Error)?.message ?? e}`) };
    }
    if ('error' in data) return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, data.error) };
    // VC DI ECDSA §3.4.? Hashing: each serialization hashed with the curve's hash, then concatenated.
    const check = isEd25519(jwk)
      ? verifyEd25519(jwk, signed.signature, hashData(data.options, data.document))
      : isEc(jwk)
        ? Promise.all([digest(jwk.crv, data.options), digest(jwk.crv, data.document)]).then(([ph, dh]) => verifyEcdsa(jwk, signed.signature, concat(ph, dh)))
        : Promise.resolve(false);
    if (!(await meanwhile(check, input, key))) {
      return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, `The ${suite.name} proof does not verify with ${key.source}: the credential was altered or signed with another key`) };
    }
    if (cacheKey) ctx.keyCache?.set(cacheKey, true);
    return { ...info, key, signature: passed(suite, key) };
  }
  let proofCanonical: Canonical;
  let docCanonical: Canonical;
  try {
    // VC DI ECDSA: RDFC-1.0 hashes with the curve's hash (SHA-384 for P-384); every other suite uses SHA-256.
    const hash: CanonHash = isEc(jwk) ? CURVES[jwk.crv].hash : 'SHA-256';
    [proofCanonical, docCanonical] = await Promise.all([input.canonize(proofConfig(proof, input.documentContext), hash), chain ? input.canonize(chain.document, hash) : input.documentCanon(hash)]);
  } catch (e) {
    if (e instanceof UnknownContextError) return { ...info, key, signature: unsettled(ErrorCodes.UNKNOWN_CONTEXT, e.message) };
    if (e instanceof UnspecifiedDirectionError) return { ...info, key, signature: unsettled(e.code, e.message) };
    if (e instanceof SafeModeError) return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, e.message) };
    // Anything else (a pathological document exhausting the stack, say) leaves the proof unsettled, never a crash.
    return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `The credential could not be canonicalized: ${(e as Error)?.message ?? e}`) };
  }
  const proofCanon = proofCanonical.nquads;
  const docCanon = docCanonical.nquads;
  let ok: boolean;
  let message: string | undefined;
  let mandatory: MandatoryShown | undefined;
  // What was signed must be what the checks read (signed-reading.ts). Read while WebCrypto verifies
  // (meanwhile): ~25 us of JavaScript a credential that the signature's thread-pool time covers.
  let unread: string | undefined;
  let read = false;
  const readSigned = (): void => {
    unread = (input.document && unreadInCredential(docCanonical.statements(), input.document)) || unreadInProof(proofCanonical.statements(), proof);
    read = true;
  };
  if (signed.kind === 'eddsa' && isEd25519(jwk)) {
    const cold = coldHashData(proofCanon, docCanon);
    ok = await meanwhile(verifyEd25519(jwk, signed.signature, cold ? await cold : hashData(proofCanon, docCanon)), input, key, readSigned);
  } else if (signed.kind === 'ed25519-2018' && isEd25519(jwk)) ok = await meanwhile(verifyEd25519(jwk, signed.jws.signature, signed.jws.signingInput(hashData(proofCanon, docCanon))), input, key, readSigned);
  else if (signed.kind === 'ecdsa-rdfc' && isEc(jwk)) {
    // VC DI ECDSA §3.3.?: hashData = hash(canon(proofConfig)) ‖ hash(canon(document)), the curve's hash.
    const [ph, dh] = await Promise.all([digest(jwk.crv, proofCanon), digest(jwk.crv, docCanon)]);
    ok = await meanwhile(verifyEcdsa(jwk, signed.signature, concat(ph, dh)), input, key, readSigned);
  } else if (signed.kind === 'ecdsa-sd' && isEc(jwk)) {
    input.whileChecking?.(key);
    const r = await verifyDerived(signed.derived, jwk, proofCanon, docCanon);
    if (!r.ok && r.unsettled) return { ...info, key, signature: unsettled(ErrorCodes.UNSUPPORTED, `ecdsa-sd-2023: ${r.message}`) };
    ok = r.ok;
    if (!r.ok) message = `The ecdsa-sd-2023 proof does not verify with ${key.source}: ${r.message}`;
    else mandatory = mandatoryShown(r.nonMandatory);
  } else ok = false;
  if (!ok) return { ...info, key, signature: fail(ErrorCodes.SIGNATURE_INVALID, message ?? `The ${suite.name} proof does not verify with ${key.source}: the credential was altered or signed with another key`) };
  // Never cached when what was signed is not what the checks read, so a cached pass implies it.
  if (!read) readSigned();
  if (unread) {
    // Whom it was issued to is then read from what the proof signs only (ob3-data-integrity.ts).
    const unsignedRecipient = input.document ? unsignedRecipientIn(docCanonical.statements(), input.document) : undefined;
    const recipient = unsignedRecipient && (unsignedRecipient.id || unsignedRecipient.entries.length) ? { unsignedRecipient } : {};
    return { ...info, key, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message: `The ${suite.name} proof verifies with ${key.source}, but ${unread}`, ...recipient } };
  }
  if (cacheKey) ctx.keyCache?.set(cacheKey, true);
  if (cacheKey && mandatory) ctx.keyCache?.set(`${cacheKey}:mandatory`, mandatory);
  return { ...info, key, signature: passed(suite, key, mandatory) };
}

const asMandatory = (v: unknown): MandatoryShown | undefined => {
  const m = v as Partial<MandatoryShown> | null | undefined;
  return typeof m?.status === 'boolean' && typeof m.recipient === 'boolean' ? { status: m.status, recipient: m.recipient } : undefined;
};
