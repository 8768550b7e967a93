/**
 * Data Integrity verification of an OB 3.0 credential (OB 3.0 verification.md step 2, "embedded
 * proof"; reference §3.4): every proof is checked. For each proof whose signature holds, the
 * `issuer-key` rule of DESIGN.md decides whether its key is the issuer's; the best proof says who
 * issued it, and the others whether the set holds (proof-set.ts, VC DI 1.0 §4.5). The entry points:
 * - `verifyDataIntegrity(credential, ctx)` → DataIntegrityReport (per proof, and the best one);
 * - `applyDataIntegrity(report, checks)` → sets the `signature` and `issuer-key` checks.
 */
import { ErrorCodes } from '../errors.ts';
import { idOf } from '../formats/json-util.ts';
import type { ContextSet } from '../jsonld/context-set.ts';
import { loadBundledContexts } from '../jsonld/contexts.ts';
import type { Canonical } from '../jsonld/nquads-read.ts';
import { assertBoundedDocument } from '../jsonld/work-bound.ts';
import { issuerBinding, type Binding } from '../keys/binding.ts';
import type { KeyDescription } from '../keys/jwk.ts';
import type { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import { canonicalWith, type CanonHash } from './canonize-hash.ts';
import { betaContextSet, namesUnversionedOb3, UNVERSIONED_OB3 } from './ob3-beta.ts';
import { hex, sha256 } from './sha256.ts';
import { unsecured } from './suites.ts';
import type { DataIntegrityReport, ProofReport, SignatureOutcome } from './types.ts';
import { instantOf } from '../verify/validity.ts';
import { shorten } from '../display.ts';
import { verifyProof, type ProofInput } from './verify-proof.ts';
import { combineProofSet } from './proof-set.ts';

export type { DataIntegrityReport, ProofReport } from './types.ts';

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

/** How good a proof's outcome is for the credential: valid > issuer unconfirmed > no key > not the issuer's key > broken. */
function rank(r: ProofReport): number {
  if (r.signature.outcome === 'pass') return r.issuerKey?.status === 'bound' ? 4 : r.issuerKey?.status === 'unresolvable' ? 3 : 1;
  return r.signature.outcome === 'indeterminate' ? 2 : 0;
}

/** Canonicalization under a context set, each document form computed once for all proofs (a module function: no closures named per call). */
function canonUnder(credential: Record<string, unknown>, set: ContextSet | undefined): Pick<ProofInput, 'canonize' | 'documentCanon'> {
  const sha256Doc = once(() => bounded(unsecured(credential), 'SHA-256', set));
  const sha384Doc = once(() => bounded(unsecured(credential), 'SHA-384', set));
  return {
    canonize: (doc: unknown, hash: CanonHash = 'SHA-256') => bounded(doc, hash, set),
    documentCanon: (hash: CanonHash = 'SHA-256') => (hash === 'SHA-384' ? sha384Doc() : sha256Doc()),
  };
}

/** A document canonicalized to verify a proof, unless it is too large to check here (work-bound.ts MAX_DOCUMENT_VALUES): the proof is then unsettled. */
async function bounded(doc: unknown, hash: CanonHash, set: ContextSet | undefined): Promise<Canonical> {
  assertBoundedDocument(doc);
  return canonicalWith(doc, hash, set);
}

/**
 * `opts.bindTo`: the issuer whose keys a proof's key is bound to, when it is not the document's own
 * issuer (a status list credential checked against the credential that names it, status-list.ts).
 */
export async function verifyDataIntegrity(credential: Record<string, unknown>, ctx: VerifyContext, opts: { contexts?: ContextSet; bindTo?: string } = {}): Promise<DataIntegrityReport> {
  const raw = credential.proof;
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const current = canonUnder(credential, opts.contexts);
  let beta: ReturnType<typeof canonUnder> | undefined;
  // A cache key must be one-to-one with what is canonicalized: JSON.stringify writes Infinity as null,
  // so a credential holding a non-finite number gets no cache key (the empty key disables caching).
  const credentialDigest = once(async () => {
    try {
      // Only a non-finite number writes as null where the value was not null: the replacer that finds one runs only when the JSON holds a null.
      let json = JSON.stringify(credential);
      if (json.includes('null')) json = JSON.stringify(credential, (_k, v: unknown) => { if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError('non-finite'); return v; });
      return hex(sha256(json));
    } catch {
      return '';
    }
  });
  const issuerId = opts.bindTo ?? idOf(credential.issuer);
  const proofs: ProofReport[] = [];
  // The issuer binding of a proof's key, started while WebCrypto checks that proof's signature
  // (verify-proof.ts whileChecking), and used only when the signature holds.
  const bindings = new Map<KeyDescription, Promise<Binding>>();
  const whileChecking = (key: KeyDescription): void => {
    const b = issuerBinding(issuerId, key, ctx);
    b.catch(() => undefined);
    bindings.set(key, b);
  };
  for (const [index, proof] of list.slice(0, 16).entries()) {
    const input = { proof, index, document: credential, proofs: list, documentContext: credential['@context'], credentialDigest, whileChecking };
    let r = await verifyProof({ ...input, ...current }, ctx);
    // An OB 3.0 beta credential is signed under the beta context.json (ob3-beta.ts): try that before calling it altered.
    if (r.signature.outcome === 'fail' && r.signature.code === ErrorCodes.SIGNATURE_INVALID && r.key && namesUnversionedOb3(credential)) {
      await loadBundledContexts();
      const set = betaContextSet(opts.contexts);
      beta ??= set && canonUnder(credential, set);
      const again = beta && (await verifyProof({ ...input, ...beta, variant: 'ob3-beta:' }, ctx));
      if (again?.signature.outcome === 'pass') r = { ...again, signature: { ...again.signature, message: `${again.signature.message}, under the Open Badges 3.0 beta context that ${UNVERSIONED_OB3} served before the specification was final` } };
    }
    const report: ProofReport = { index, type: r.type, cryptosuite: r.cryptosuite, verificationMethod: r.verificationMethod, signature: r.signature };
    if (r.signature.outcome === 'pass' && r.key) {
      const b = await (bindings.get(r.key) ?? issuerBinding(issuerId, r.key, ctx));
      report.issuerKey = { status: b.status, message: b.message };
      // Time-dependent, so after the (cached) signature: an expired proof no longer vouches for anything.
      const expired = b.status === 'not-listed' ? undefined : proofExpiry(proof, ctx.now);
      if (expired) report.signature = expired;
    }
    // Every proof, even after one that verifies with the issuer's key: a set is verified only when each of its proofs is (VC DI 1.0 §4.5).
    proofs.push(report);
  }
  const best = proofs.reduce<ProofReport | undefined>((a, b) => (a === undefined || rank(b) > rank(a) ? b : a), undefined);
  const set = combineProofSet(list, proofs, best);
  return { proofs: set.proofs, best: set.best, ...(set.combined ? { combined: true } : {}), ...(set.unchecked ? { unchecked: set.unchecked } : {}) };
}

/**
 * VC DI 1.0 §2.1 `expires`: "specifies when the proof expires". §4.4 sets no verdict for it, so an
 * expired proof (or an unreadable expiry) leaves the signature unsettled rather than forged: it
 * verifies, but its issuer no longer stands behind it.
 */
function proofExpiry(proof: unknown, now: Date): SignatureOutcome | undefined {
  const expires = (proof as { expires?: unknown }).expires;
  if (expires === undefined) return undefined;
  // A year past 9999 is after every date (validity.ts instantOf): such a proof has not expired.
  const t = instantOf(expires);
  if (Number.isNaN(t)) return { outcome: 'indeterminate', code: ErrorCodes.DATE_INVALID, message: `The proof verifies, but its expires (${shorten(expires, 40)}) is not a date with a time zone` };
  if (t >= now.getTime()) return undefined;
  return { outcome: 'indeterminate', code: ErrorCodes.EXPIRED, message: `The proof verifies, but it expired on ${Number.isFinite(t) ? new Date(t).toISOString() : shorten(expires, 40)} (its expires): the issuer no longer stands behind it` };
}

/**
 * The `signature` and `issuer-key` checks (DESIGN.md check table) from a report. No proof fails
 * `signature` (an OB 3.0 JSON credential is secured by its proof). When the signature does not
 * hold, `issuer-key` is skipped (failed) or indeterminate (no key to bind).
 */
export function applyDataIntegrity(report: DataIntegrityReport, checks: CheckList): void {
  const best = report.best;
  if (!best) {
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, 'The credential carries no proof');
    checks.skip('issuer-key', 'There is no proof, so no key');
    return;
  }
  const n = report.proofs.length;
  const which = n > 1 && !report.combined ? `Proof ${best.index + 1} of ${n}: ` : '';
  const s = best.signature;
  if (s.outcome === 'pass') checks.pass('signature', which + s.message + (report.unchecked ? `; ${report.unchecked}` : ''));
  else checks.set('signature', s.outcome, which + s.message, s.code);
  if (s.outcome === 'fail') return checks.skip('issuer-key', 'The signature does not verify');
  const k = best.issuerKey;
  if (s.outcome === 'indeterminate' && !k) {
    // A suite Lanyard does not implement or a context it does not bundle leaves the signature
    // unchecked: the proof may well name the issuer's key; it is the signature that is missing.
    if (s.code === ErrorCodes.UNSUPPORTED || s.code === ErrorCodes.UNKNOWN_CONTEXT) {
      return checks.indeterminate('issuer-key', s.code, `The signature was not checked, so its key is not confirmed as the issuer's: ${s.message}`);
    }
    return checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `No key to bind to the issuer: ${s.message}`);
  }
  if (!k || k.status === 'unresolvable') checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, k?.message ?? 'The key could not be bound to the issuer');
  else if (k.status === 'bound') checks.pass('issuer-key', k.message);
  else checks.fail('issuer-key', ErrorCodes.KEY_NOT_OWNED, k.message);
}
