/**
 * How the proofs of a proof set combine (VC Data Integrity 1.0 §2.1.1 Proof Sets, §2.1.2 Proof Chains,
 * §4.5 Verify Proof Sets and Chains). §4.5 verifies every proof and the document is verified only when
 * each one is: a proof that does not verify makes the set not verified. The best proof (verify.ts
 * `rank`: the issuer's, when one holds) still says who issued the credential; the others decide
 * whether the set as a whole holds:
 * - another proof fails (altered, forged, not a proof): the set is not verified, and since the best
 *   proof holds over the same content, nothing reads forged either: indeterminate, both named;
 * - another proof is chained (`previousProof`, §2.1.2): it signs the document with the proofs it
 *   names, which Lanyard does not check: indeterminate, never valid; one naming a proof the credential
 *   does not carry is an error of §4.5 step 3.2 ("dangling"), said so;
 * - another proof could not be checked (a suite Lanyard does not implement or know, no key, an
 *   expired proof): said beside the best one's outcome, which stands.
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

/** §4.5 step 3.2: the previous proofs a chained proof names, and those the credential does not carry. */
function chainOf(proof: unknown, list: readonly unknown[]): { previous: string[]; dangling: string[] } | undefined {
  if (typeof proof !== 'object' || proof === null || !('previousProof' in proof)) return undefined;
  const previous = ids((proof as { previousProof: unknown }).previousProof);
  const carried = new Set(list.flatMap((p) => (typeof p === 'object' && p !== null ? ids((p as { id?: unknown }).id) : [])));
  return { previous, dangling: previous.filter((id) => !carried.has(id)) };
}

/** What a chained proof is: not checked, and a dangling reference named as the error it is (§4.5 step 3.2). */
function chainWords(chain: { previous: string[]; dangling: string[] }): string {
  const list = (ids: string[]): string => ids.map((id) => shorten(id, 80)).join(', ');
  if (chain.dangling.length) return `names as its previousProof ${list(chain.dangling)}, which the credential does not carry: a proof chain that does not hold together (VC Data Integrity 1.0 §4.5)`;
  return `is chained to ${list(chain.previous) || 'no proof it names'} (previousProof, VC Data Integrity 1.0 §2.1.2), which Lanyard does not check`;
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
  // A chained proof is left unchecked by verify-proof.ts (one that fails before that, its purpose or suite refused, still fails).
  const proofs = reports.map((r) => {
    const chain = r.signature.outcome === 'indeterminate' ? chainOf(list[r.index], list) : undefined;
    return chain ? { ...r, signature: { outcome: 'indeterminate' as const, code: ErrorCodes.UNSUPPORTED, message: `This proof ${chainWords(chain)}` } } : r;
  });
  const chosen = best && proofs[reports.indexOf(best)];
  if (!chosen || chosen.signature.outcome !== 'pass' || n < 2) return { best: chosen, combined: false, proofs };
  const others = proofs.filter((r) => r !== chosen);
  const holds = `proof ${chosen.index + 1} does: ${chosen.signature.message.replace(/^The /, 'the ')}`;
  const failing = others.find((r) => r.signature.outcome === 'fail' && !unknownSuite(list[r.index]));
  if (failing) {
    const message = `${named(failing, n)} does not verify (${failing.signature.message}); ${holds}. A proof set is verified only when each of its proofs is (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID, message } }, combined: true, proofs };
  }
  const chained = others.find((r) => r.signature.outcome === 'indeterminate' && chainOf(list[r.index], list));
  if (chained) {
    const message = `${named(chained, n)} ${chainWords(chainOf(list[chained.index], list)!)}; ${holds}. A set holding a chain is verified only with it (VC Data Integrity 1.0 §4.5)`;
    return { best: { ...chosen, signature: { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message } }, combined: true, proofs };
  }
  // Proofs past the ones checked cannot be said to verify: a set of more is not verified (§4.5), as a
  // failing proof among the first would make it unsettled (never valid on the first 16 alone).
  const beyond = list.length - n;
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
