/**
 * What a chained proof signed (VC Data Integrity 1.0 §2.1.2 Proof Chains, §4.5 Verify Proof Sets and
 * Chains, steps 3.1-3.4): a proof with `previousProof` signs the document with, as its `proof`, the
 * proofs it names (by their `id`) and only those (step 3.3: "set inputDocument.proof to
 * matchingProofs"); its signature is then checked as any other's (§4.4 steps 4-8). The W3C EdDSA
 * test vectors build it so (w3c/vc-di-eddsa TestVectors/proof-set-chain: proofChainTempDoc1/2.json).
 *
 * Lanyard reads a chain only when what was signed can be told one way: for an RDFC-1.0 suite
 * (eddsa-rdfc-2022, ecdsa-rdfc-2019), where `proof` is a graph container and one proof or a list of
 * one canonicalize alike; every reference names exactly one proof the credential carries; and the
 * references hold no cycle and go at most MAX_DEPTH proofs deep. Anything else (a JCS suite, which
 * would sign the list's JSON shape; a reference to no proof or to two; a cycle) is not checked, and
 * said why: `indeterminate`, never valid.
 */
import { shorten } from '../display.ts';
import { unsecured } from './suites.ts';

/** How many proofs deep a chain may go before Lanyard stops following it (a credential carries a handful). */
export const MAX_DEPTH = 16;

/**
 * What the chained documents of one credential may hold together, in bytes of its JSON: each is the
 * whole credential again, canonicalized anew (RDFC-1.0 is not composed from parts), so fifteen chained
 * proofs over a 600 KB credential had the worker canonicalize 9 MB (seconds) for one input, where the
 * credential alone is canonicalized once. A credential with a chain is a few kilobytes.
 */
export const MAX_CHAIN_BYTES = 4 * 1024 * 1024;
const sizes = new WeakMap<object, number>();
const sizeOf = (credential: Record<string, unknown>): number => {
  let n = sizes.get(credential);
  if (n === undefined) sizes.set(credential, (n = JSON.stringify(credential).length));
  return n;
};

/** The suites whose chained documents canonicalize one way whatever the shape of `proof` (RDFC-1.0). */
const RDFC = new Set(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019']);

const idsOf = (v: unknown): string[] | undefined => {
  const list = Array.isArray(v) ? v : [v];
  // Each id once: §4.5 step 3.3 takes the matching proofs from the set, so a name given twice signs its proof once (and costs one).
  return list.length && list.every((x): x is string => typeof x === 'string') ? [...new Set(list)] : undefined;
};
const idOf = (p: unknown): string | undefined => (typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string' ? (p as { id: string }).id : undefined);
const list = (ids: readonly string[]): string => ids.map((id) => shorten(id, 80)).join(', ');

/** The document the chained `proof` signed, or (`unsettled`) why it is not checked: words to follow "This proof" or "Proof i of n". */
export function chainedDocument(proof: Record<string, unknown>, proofs: readonly unknown[], credential: Record<string, unknown> | undefined): { document: Record<string, unknown> } | { unsettled: string } {
  const previous = idsOf(proof.previousProof);
  if (!previous) return { unsettled: 'names as its previousProof something other than proof ids (VC Data Integrity 1.0 §2.1.2), which Lanyard does not check' };
  const byId = new Map<string, unknown[]>();
  for (const p of proofs) {
    const id = idOf(p);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), p]);
  }
  const dangling = previous.filter((id) => !byId.has(id));
  if (dangling.length) return { unsettled: `names as its previousProof ${list(dangling)}, which the credential does not carry: a proof chain that does not hold together (VC Data Integrity 1.0 §4.5)` };
  const twice = previous.filter((id) => byId.get(id)!.length > 1);
  if (twice.length) return { unsettled: `names as its previousProof ${list(twice)}, which more than one proof of the credential calls itself: what it signed cannot be told (VC Data Integrity 1.0 §4.5)` };
  const suite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : String(proof.type ?? '');
  if (proof.type !== 'DataIntegrityProof' || !RDFC.has(suite)) return { unsettled: `is chained to ${list(previous)} (previousProof, VC Data Integrity 1.0 §2.1.2), which Lanyard checks for eddsa-rdfc-2022 and ecdsa-rdfc-2019 proofs only, not ${shorten(suite, 40)}` };
  const loop = cycleFrom(proof, byId);
  if (loop) return { unsettled: `is chained to ${list(previous)} (previousProof), whose references ${loop}: a proof chain that does not hold together (VC Data Integrity 1.0 §4.5)` };
  if (!credential) return { unsettled: 'is chained (previousProof), and the document was not given' };
  const chains = proofs.filter((p) => typeof p === 'object' && p !== null && (p as { previousProof?: unknown }).previousProof !== undefined).length;
  if (chains * sizeOf(credential) > MAX_CHAIN_BYTES) return { unsettled: `is one of ${chains} chained proofs, each checked over the whole credential again: ${Math.ceil((chains * sizeOf(credential)) / 1024)} KB, more than Lanyard canonicalizes for the chains of one credential (${MAX_CHAIN_BYTES / 1024} KB)` };
  return { document: { ...unsecured(credential), proof: previous.map((id) => byId.get(id)![0]) } };
}

/**
 * Whether following previousProof from `start` comes back to a proof on the path (a cycle), or goes
 * more than MAX_DEPTH proofs deep: words saying which. Each proof is walked once (its height, the
 * longest chain below it, remembered), so a hostile set of proofs all naming each other costs one
 * pass over the references, and the walk never nests deeper than MAX_DEPTH.
 */
function cycleFrom(start: Record<string, unknown>, byId: ReadonlyMap<string, unknown[]>): string | undefined {
  const height = new Map<unknown, number>();
  const onPath = new Set<unknown>();
  const tooDeep = `go more than ${MAX_DEPTH} proofs deep`;
  let found: string | undefined;
  const walk = (p: unknown): number => {
    const known = height.get(p);
    if (known !== undefined || found) return known ?? 0;
    if (onPath.has(p)) found = 'come back to a proof already in the chain';
    else if (onPath.size >= MAX_DEPTH) found = tooDeep;
    if (found) return 0;
    onPath.add(p);
    let below = 0;
    const next = typeof p === 'object' && p !== null ? idsOf((p as { previousProof?: unknown }).previousProof) : undefined;
    for (const id of next ?? []) for (const q of byId.get(id) ?? []) below = Math.max(below, walk(q));
    onPath.delete(p);
    height.set(p, below + 1);
    return below + 1;
  };
  const h = walk(start);
  return found ?? (h > MAX_DEPTH ? tooDeep : undefined);
}
