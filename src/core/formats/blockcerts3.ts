/**
 * Blockcerts v3 (cert-schema 3.x, contexts https://w3id.org/blockcerts/v3 and v3.1): a W3C Verifiable
 * Credential of type `BlockcertsCredential`, not an Open Badge, vouched for by a `MerkleProof2019`
 * proof (W3C CCG lds-merkle-proof-2019; `DataIntegrityProof` with cryptosuite `merkle-proof-2019`
 * in VC 2.0 certificates), or by a `ChainedProof2021` whose `chainedProofType` is MerkleProof2019,
 * chained to an earlier signature. Either is a receipt whose Merkle root is written into a
 * blockchain transaction; the Blockcerts verifier (cert-verifier-js) checks it there.
 *
 * Lanyard reads no blockchain, so a Blockcerts v3 certificate is never valid, and it is not called
 * forged or malformed for not being an OpenBadgeCredential (its schema is Blockcerts', as for v2,
 * formats/blockcerts2.ts). What can still be read is read: its proofs (one that fails while none
 * holds is an altered certificate), its dates (VC 1.1 issuanceDate/expirationDate, VC 2.0
 * validFrom/validUntil), its credentialStatus (StatusList2021Entry), and its recipient.
 */
import { ErrorCodes } from '../errors.ts';
import type { Badge, BadgeFormat } from '../model.ts';
import { applyDataIntegrity, verifyDataIntegrity } from '../proofs/verify.ts';
import type { CheckList } from '../verify/checks.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { arr, isObj, str, types, type Json } from './json-util.ts';
import { issuerIdOf, statusOb3, subjectOf, validityOb3, VC_V1_CONTEXT, VC_V2_CONTEXT } from './ob3-badge.ts';
import { toBadge } from './ob3-to-badge.ts';
import { firstText, richText } from './lang-text.ts';

export const BLOCKCERTS_TYPE = 'BlockcertsCredential';

/** A blockchain-anchored proof, in words (the name messages give it), or undefined for any other proof. */
function anchorName(p: unknown): string | undefined {
  if (!isObj(p)) return undefined;
  const type = str(p.type);
  if (type === 'MerkleProof2019') return 'MerkleProof2019';
  if (type === 'DataIntegrityProof' && str(p.cryptosuite) === 'merkle-proof-2019') return 'DataIntegrityProof (merkle-proof-2019)';
  if (type === 'ChainedProof2021' && str(p.chainedProofType) === 'MerkleProof2019') return 'ChainedProof2021 (MerkleProof2019)';
  return undefined;
}

const isUri = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);

/** The credential's subjects: VC DM 2.0 §4.9 allows one object or a list of them (Blockcerts v3.2 issues both). */
const subjectsOf = (c: Json): unknown[] => arr(c.credentialSubject);

/** VC DM 1.1 / 2.0 §4: what every credential has, whatever its schema. Anything else is Blockcerts' rule, not checked here. */
function structure(c: Json, checks: CheckList): boolean {
  const bad: string[] = [];
  const first = arr(c['@context'])[0];
  if (first !== VC_V1_CONTEXT && first !== VC_V2_CONTEXT) bad.push(`@context (its first entry must be ${VC_V2_CONTEXT} or ${VC_V1_CONTEXT})`);
  if (!types(c.type).includes('VerifiableCredential')) bad.push('type (VerifiableCredential)');
  if (!isUri(issuerIdOf(c))) bad.push('issuer (a URI, or an object with an id)');
  if (typeof c.issuanceDate !== 'string' && typeof c.validFrom !== 'string') bad.push('issuanceDate or validFrom');
  const subjects = subjectsOf(c);
  if (subjects.length === 0 || !subjects.every(isObj)) bad.push('credentialSubject (one object, or a list of them)');
  if (bad.length) {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `Missing or malformed: ${bad.join(', ')}`);
    return false;
  }
  checks.pass('structure', 'A Blockcerts v3 certificate (a Verifiable Credential of type BlockcertsCredential) with every field a credential must have; Blockcerts\' own schema is not checked');
  return true;
}

/**
 * The Badge shown: a Blockcerts v3 certificate names what was achieved in `credentialSubject.claim`
 * (cert-schema 3.x: name, description, criteria) or in its own `name`/`description`; its recipient by
 * the subject's id and `email` (signed with the rest; cert-verifier-js shows it as the recipient).
 */
function toBadgeBlockcerts(c: Json, format: BadgeFormat): Badge {
  const badge = toBadge(c, format);
  const subjects = subjectsOf(c).filter(isObj).slice(0, 16);
  const claim = subjects.map((s) => s.claim).find(isObj) ?? {};
  const nameFrom = firstText(claim.name) !== undefined ? claim.name : c.name;
  const descriptionFrom = firstText(claim.description) !== undefined ? claim.description : c.description;
  badge.name = firstText(nameFrom) ?? '';
  badge.description = firstText(descriptionFrom);
  // Each language of the name and description shown (VC DM 2.0 §11.1), as toBadge keeps the rest's.
  const { name: _name, description: _description, ...texts } = badge.texts ?? {};
  const name = richText(nameFrom);
  const description = richText(descriptionFrom);
  const all = { ...texts, ...(name ? { name } : {}), ...(description ? { description } : {}) };
  if (Object.keys(all).length) badge.texts = all;
  else delete badge.texts;
  const criteria = str(claim.criteria);
  if (criteria !== undefined) badge.criteria = { narrative: criteria };
  for (const s of subjects) {
    const id = str(s.id);
    const email = str(s.email);
    // toBadge has read a single subject's id already; each of a list's is read here.
    if (id && !subjectOf(c) && !badge.recipients.some((r) => r.identity === id)) badge.recipients.push({ type: 'id', identity: id, hashed: false });
    if (email && !badge.recipients.some((r) => r.type === 'email' && r.identity === email)) badge.recipients.push({ type: 'email', identity: email, hashed: false });
  }
  return badge;
}

export const verifyBlockcertsV3: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type !== 'json') {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, 'A Blockcerts certificate must be JSON');
    checks.skipRemaining('Not a Blockcerts certificate');
    return null;
  }
  const c = cred.json;
  const badge = toBadgeBlockcerts(c, format);
  if (!structure(c, checks)) {
    checks.skipRemaining('The credential is malformed');
    return badge;
  }
  const proofs = arr(c.proof).slice(0, 16);
  const anchor = proofs.map(anchorName).find((n) => n !== undefined);
  // The other proofs (the signature a ChainedProof2021 chains to, an EcdsaSecp256k1Signature2019) are
  // checked as any Data Integrity proof. As in a proof set, where a proof Lanyard cannot check beside
  // one that fails leaves it unsettled (verify.ts, proof-set.ts), an anchor Lanyard cannot check
  // outranks one that fails: only without an anchor does a refused proof make the certificate altered.
  const others = proofs.filter((p) => anchorName(p) === undefined);
  const report = others.length ? await verifyDataIntegrity({ ...c, proof: others }, ctx) : undefined;
  const refused = report?.best?.signature.outcome === 'fail' ? report.best.signature.message : undefined;
  // A signature Lanyard cannot check (EcdsaSecp256k1Signature2019, which cert-verifier-js checks against
  // the issuer's profile) is named with its reason: "carries none" alone read as if it had no proof.
  const unchecked = report?.best?.signature.outcome === 'indeterminate' ? report.best.signature.message : undefined;
  if (report && refused && !anchor) {
    applyDataIntegrity(report, checks);
    checks.skipRemaining('The proof or its key failed');
    return badge;
  }
  const why = anchor
    ? `a Blockcerts v3 certificate is vouched for by its ${anchor} proof, a receipt anchored in a blockchain, which Lanyard cannot check`
    : 'a Blockcerts v3 certificate is vouched for by a MerkleProof2019 receipt anchored in a blockchain, and this one carries none';
  const other = refused ? ` (its other proof does not verify: ${refused})` : unchecked && !anchor ? ` (its own proof is not checked either: ${unchecked})` : '';
  checks.indeterminate('signature', ErrorCodes.BLOCKCHAIN_ANCHOR, `Not checked: ${why}${other}`);
  checks.indeterminate('issuer-key', ErrorCodes.BLOCKCHAIN_ANCHOR, `Not confirmed: the issuer's key vouches only through the blockchain anchor, and ${why}`);
  checks.skip('hosted', 'A Blockcerts v3 certificate is checked by its proof, not by a hosted copy');
  validityOb3(c, checks, ctx.now);
  if (c.credentialStatus !== undefined) await statusOb3(c, ctx, checks);
  // cert-schema 3.x: without a credentialStatus, the issuer's profile names the revocation list.
  else checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'Not checked: a Blockcerts v3 certificate without a credentialStatus is revoked in the list its issuer\'s profile names (revocationList), which Lanyard does not read');
  return badge;
};
