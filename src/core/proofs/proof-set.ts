/**
 * How the proofs of a proof set combine (VC Data Integrity 1.0 §2.1.1 Proof Sets, §2.1.2 Proof Chains,
 * §4.5 Verify Proof Sets and Chains). §4.5 verifies every proof and the document is verified only when
 * each one is: a proof that does not verify makes the set not verified. The best proof (verify.ts
 * `rank`: the issuer's, when one holds) still says who issued the credential; the others decide
 * whether the set as a whole holds:
 * - another proof fails (altered, forged, not a proof): the set is not verified, and since the best
 *   proof holds over the same content, nothing reads forged either: indeterminate, both named;
 * - a chained proof (`previousProof`, §2.1.2) is checked over the document with the proofs it names
 *   (proof-chain.ts); one Lanyard could not check (a chain it does not read, a dangling reference of
 *   §4.5 step 3.2, a cycle, no key) leaves the set indeterminate, never valid; one that verifies holds
 *   only with the proofs it names: any of them not verified (not checked, or expired) leaves the set
 *   indeterminate too;
 * - another proof could not be checked (a suite Lanyard does not implement or know, no key, an
 *   expired proof): said beside the best one's outcome, which stands;
 * - none verifies, the best was not checked and another fails: unsettled, as the best one's outcome,
 *   the failing proof named with it.
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import { suiteOf } from './suites.ts';
import type { ProofReport } from './types.ts';

/** A proof that verifies but no longer vouches (verify.ts `proofExpiry`): checked, yet not counted. */
const EXPIRY = new Set<string | undefined>([ErrorCodes.EXPIRED, ErrorCodes.DATE_INVALID]);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
const suiteName = (r: ProofReport): string => r.cryptosuite ?? r.type ?? '';
const named = (r: ProofReport, n: number): string => `Proof ${r.index + 1} of ${n}${suiteName(r) ? ` (${shorten(suiteName(r), 40)})` : ''}`;

/**
 * A proof of a suite Lanyard does not know (suites.ts `refused`): alone it proves nothing and fails;
 * beside one that verifies, it is one Lanyard could not check, not one that does not verify
 * (1EdTech's DCPV sample pairs an unknown SomeProofType with a proof that holds: valid).
 */
const unknownSuite = (proof: unknown): boolean => typeof proof === 'object' && proof !== null && !Array.isArray(proof) && 'refused' in suiteOf(proof as Record<string, unknown>);

/** The proof's previousProof ids (§2.1.2), when it is chained. */
function previousOf(proof: unknown): string[] | undefined {
  return typeof proof === 'object' && proof !== null && 'previousProof' in proof ? ids((proof as { previousProof: unknown }).previousProof) : undefined;
}

/** A chained proof that verifies, and a proof it names that was not verified (§4.5: a proof with previousProof "can only be considered verified if the proofs it references are also considered verified"). */
function brokenLink(list: readonly unknown[], proofs: readonly ProofReport[]): { chained: ProofReport; link: string } | undefined {
  for (const r of proofs) {
    const previous = r.signature.outcome === 'pass' ? previousOf(list[r.index]) : undefined;
    for (const id of previous ?? []) {
      const named = proofs.filter((q) => (list[q.index] as { id?: unknown } | null)?.id === id);
      if (named.length !== 1) return { chained: r, link: `${shorten(id, 80)}, which Lanyard did not check` };
      if (named[0]!.signature.outcome !== 'pass') return { chained: r, link: `${shorten(id, 80)} (proof ${named[0]!.index + 1}), which is not verified: ${named[0]!.signature.message}` };
    }
  }
  return undefined;
}

export interface CombinedSet {
  /** The best proof, its outcome the set's when another proof leaves the set unverified. */
  best: ProofReport | undefined;
  /** Whether `best.signature` is the set's outcome, its message naming the proofs (no "Proof i of n" to add). */
  combined: boolean;
  /** Proofs not checked beside the best one that verifies, said with its outcome. */
  unchecked?: string;
  /** Every proof's report, a chained one's outcome saying why it was not checked. */
  proofs: ProofReport[];
}

/** Combines the reports of `list`'s proofs (VC DI 1.0 §4.5); `best` is the one that says who issued the credential. */
export function combineProofSet(list: readonly unknown[], reports: ProofReport[], best: ProofReport | undefined): CombinedSet {
  const n = reports.length;
  const proofs = reports;
  const chosen = best;
  // None of the proofs checked verifies, and more were not checked: one of those may be the issuer's
  // (a set is unordered, §2.1.1), pushed past the first 16 by proofs anyone can add. Unsettled, not forged.
  const beyond = list.length - n;
  if (chosen?.signature.outcome === 'fail' && beyond > 0) {
    const message = `${chosen.signature.message}; none of the first ${n} proofs verifies, and ${beyond} more ${beyond === 1 ? 'was' : 'were'} not checked (Lanyard checks the first ${n}), so whether one of them is the issuer's is unknown (VC Data Integrity 1.0 §2.1.1, §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message } }, combined: true, proofs };
  }
  // No proof verifies: the best was not checked, and another fails. Unsettled still (the one not
  // checked may be the issuer's, a set being unordered, §2.1.1), but the failing proof is said too:
  // a renamed credential whose issuer proof breaks beside a base proof read only "not checked".
  if (chosen?.signature.outcome === 'indeterminate' && n >= 2) {
    const failing = proofs.find((r) => r !== chosen && r.signature.outcome === 'fail' && !unknownSuite(list[r.index]));
    if (failing) {
      const message = `${named(failing, n)} does not verify (${failing.signature.message}); ${named(chosen, n).replace(/^Proof/, 'proof')} was not checked: ${chosen.signature.message}. A proof set is verified only when each of its proofs is (VC Data Integrity 1.0 §4.5)`;
      return { best: { ...chosen, signature: { ...chosen.signature, message } }, combined: true, proofs };
    }
  }
  if (!chosen || chosen.signature.outcome !== 'pass' || n < 2) return { best: chosen, combined: false, proofs };
  const others = proofs.filter((r) => r !== chosen);
  const holds = `proof ${chosen.index + 1} does: ${chosen.signature.message.replace(/^The /, 'the ')}`;
  const failing = others.find((r) => r.signature.outcome === 'fail' && !unknownSuite(list[r.index]));
  if (failing) {
    const message = `${named(failing, n)} does not verify (${failing.signature.message}); ${holds}. A proof set is verified only when each of its proofs is (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID, message } }, combined: true, proofs };
  }
  const chained = others.find((r) => r.signature.outcome === 'indeterminate' && previousOf(list[r.index]));
  if (chained) {
    const message = `${named(chained, n)} is chained (previousProof) and was not checked: ${chained.signature.message.replace(/^This proof /, 'it ')}; ${holds}. A set holding a chain is verified only with it (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message } }, combined: true, proofs };
  }
  const broken = brokenLink(list, proofs);
  if (broken) {
    const message = `${named(broken.chained, n)} verifies, chained to ${broken.link}; ${holds}. A chain is verified only with each proof it names (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message } }, combined: true, proofs };
  }
  // Proofs past the ones checked cannot be said to verify: a set of more is not verified (§4.5), as a
  // failing proof among the first would make it unsettled (never valid on the first 16 alone).
  if (beyond > 0) {
    const message = `${beyond} more proof${beyond === 1 ? ' was' : 's were'} not checked (Lanyard checks the first ${n}); ${holds}. A proof set is verified only when each of its proofs is (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message } }, combined: true, proofs };
  }
  const unsettled = others.filter((r) => r.signature.outcome === 'indeterminate' || unknownSuite(list[r.index]));
  const unchecked = [
    ...unsettled.map((r) => `${named(r, n).replace(/^Proof/, 'proof')} ${EXPIRY.has(r.signature.code) ? 'does not count' : 'was not checked'}: ${r.signature.message}`),
  ].join('; ');
  return { best: chosen, combined: false, proofs, ...(unchecked ? { unchecked } : {}) };
}
