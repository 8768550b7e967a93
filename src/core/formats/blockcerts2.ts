/**
 * Blockcerts v2 (cert-schema 2.0 and 2.0-alpha, context https://w3id.org/blockcerts/v2): an OB 2.0
 * assertion whose `signature` is a MerkleProof2017 receipt, the Merkle root of a batch of
 * certificates written into a blockchain transaction (`signature.anchors`: BTCOpReturn, ETHData),
 * and whose `verification` is MerkleProofVerification2017 (the issuer's blockchain address). The
 * Blockcerts verifier (cert-verifier-js) checks the receipt against that transaction.
 *
 * Lanyard reads no blockchain, so it cannot tell a genuine certificate from an edited one: signature,
 * issuer key and hosting are `indeterminate`, naming Blockcerts and MerkleProof2017. Nor is it an OB
 * 2.0 hosted assertion (§HostedBadge): the copy its id serves confirms nothing of the anchor and its
 * absence refutes nothing, so the id is not fetched. What can still be read is: the issuer's own
 * revocation list (Blockcerts issuer profile `revocationList`, read as OB 2.0's), the dates and the
 * recipient. Its OB 2.0 shape is not held against it (the Blockcerts schema, not OB 2.0's, is its
 * rule): a shape OB 2.0 would refuse leaves `structure` indeterminate, never failed.
 */
import { shorten } from '../display.ts';
import { ErrorCodes } from '../errors.ts';
import type { CheckList } from '../verify/checks.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { checkValidity } from '../verify/validity.ts';
import { arr, isObj, str, type Json } from './json-util.ts';
import { resolveBadgeClass, resolveNode, structureOb2, toBadgeOb2 } from './ob2-common.ts';
import { checkRevocationList } from './ob2-revocation-list.ts';
import { ob2Instant } from './ob2-structure.ts';

/** Where the receipt says it is anchored, in words: "Bitcoin (bitcoinMainnet)", "Ethereum (ethereumRopsten)". */
export function anchorsOf(doc: Json): string {
  const sig = isObj(doc.signature) ? doc.signature : {};
  const named = arr(sig.anchors).filter(isObj).map((a) => {
    const chain = str(a.chain);
    const type = str(a.type) ?? '';
    const ledger = /^bitcoin/i.test(chain ?? '') || /^BTC/i.test(type) ? 'Bitcoin' : /^ethereum/i.test(chain ?? '') || /^ETH/i.test(type) ? 'Ethereum' : undefined;
    return ledger ? `${ledger}${chain ? ` (${chain.slice(0, 40)})` : ''}` : 'a blockchain';
  });
  return [...new Set(named)].join(', ') || 'a blockchain';
}

/**
 * The type a certificate's `signature` or `verification` names, its `Extension` marker aside: MerkleProof2017
 * and MerkleProofVerification2017 in Blockcerts v2; the Open University's QualiChain badges (KMi, 2020), on the
 * same context, name ERC721Token2018 and ERC721TokenVerification2018 (a token per badge). `fallback` when none.
 */
function typeOf(v: unknown, fallback: string): string {
  const named = isObj(v) ? arr(v.type).filter((t): t is string => typeof t === 'string' && t !== 'Extension') : [];
  return named.length ? shorten(named[0], 60) : fallback;
}

export const verifyBlockcertsV2: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type !== 'json') {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, 'A Blockcerts certificate must be JSON');
    checks.skipRemaining('Not a Blockcerts certificate');
    return null;
  }
  const a = cred.json;
  const why = `a Blockcerts v2 certificate is vouched for by its ${typeOf(a.signature, 'MerkleProof2017')} signature, anchored in ${anchorsOf(a)}, which Lanyard cannot check`;
  checks.indeterminate('signature', ErrorCodes.BLOCKCHAIN_ANCHOR, `Not checked: ${why}`);
  checks.indeterminate('issuer-key', ErrorCodes.BLOCKCHAIN_ANCHOR, `Not confirmed: the issuer's key (${typeOf(a.verification, 'MerkleProofVerification2017')}) vouches only through the blockchain anchor, and ${why}`);
  checks.indeterminate('hosted', ErrorCodes.BLOCKCHAIN_ANCHOR, `Not an Open Badges hosted badge: ${why}; what its id serves neither confirms nor refutes it`);
  const bcR = await resolveBadgeClass(a, ctx);
  const bc = 'node' in bcR ? bcR.node : undefined;
  // The issuer's own profile (fetched at its id) names the revocation list; an embedded one speaks for nobody.
  const issR = bc ? await resolveNode(bc.issuer, ctx, true, 'Profile') : undefined;
  const issuer = issR && 'node' in issR ? issR.node : undefined;
  const shown = issuer ?? (bc && isObj(bc.issuer) ? bc.issuer : undefined);
  structure(checks, a, bc ? { node: bc, fetched: 'node' in bcR && bcR.fetched } : undefined, shown ? { node: shown, fetched: issuer !== undefined && issR !== undefined && 'node' in issR && issR.fetched } : undefined);
  checkValidity(checks, { from: ob2Instant(a.issuedOn), fromName: 'issuedOn', until: ob2Instant(a.expires ?? undefined), untilName: 'expires' }, ctx.now);
  if (issuer && issR && 'node' in issR && issR.fetched) await checkRevocationList(checks, a, issuer, ctx);
  else checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'The issuer\'s profile, which names its revocation list, could not be fetched');
  return toBadgeOb2(a, bc, shown, format);
};

/** OB 2.0's shape rules, said but not held against it: a refusal leaves `structure` indeterminate. */
function structure(checks: CheckList, a: Json, bc: Parameters<typeof structureOb2>[3], issuer: Parameters<typeof structureOb2>[4]): void {
  if (structureOb2(checks, a, a, bc, issuer)) return;
  const refused = checks.get('structure');
  checks.indeterminate('structure', ErrorCodes.STRUCTURE_INVALID, `As an Open Badges 2.0 assertion: ${refused?.message ?? 'malformed'} (Blockcerts v2 has its own schema, which Lanyard does not check)`);
}
