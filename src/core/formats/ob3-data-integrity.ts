/**
 * OB 3.0 with an embedded Data Integrity proof (SPEC ob_v3p0/integrity.md; verification.md steps
 * 1–6), and OB 3.0 with no proof at all. A proof set holds only when each of its proofs does (VC DI 1.0 §4.5, proofs/proof-set.ts).
 */
import { reasonOf } from '../display.ts';
import { ErrorCodes } from '../errors.ts';
import { applyDataIntegrity, verifyDataIntegrity } from '../proofs/verify.ts';
import { confirmWithheld, mayBeDisclosed, unsettleWithheld, unsettleWithheldRecipient } from '../proofs/withheld.ts';
import { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { isObj, subjectOf, type Json } from './json-util.ts';
import { extraChecks, reportLater, statusOb3, structureOb3, validityOb3 } from './ob3-badge.ts';
import { recipientsOf, toBadge } from './ob3-to-badge.ts';

/**
 * Steps 3-6 (dates, status, endorsements and notes), worked out while the proof is checked: a
 * status list is fetched (and its own proof checked) during the credential's canonicalization and
 * WebCrypto's check instead of after them, as the VC-JWT path does (ob3-jwt.ts). Reported only when
 * the proof and its key hold; started now, maybe never awaited, so it never rejects.
 */
function laterChecks(c: Json, ctx: VerifyContext): Promise<CheckList> {
  const later = new CheckList();
  validityOb3(c, later, ctx.now);
  return statusOb3(c, ctx, later)
    .then(() => extraChecks(c, ctx, later))
    .then(
      () => later,
      (e: unknown) => {
        if (!later.has('revocation')) later.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The status could not be checked: ${reasonOf(e)}`);
        return later;
      },
    );
}

export const verifyOb3DataIntegrity: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type !== 'json') {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, 'An OB 3.0 credential with an embedded proof must be JSON');
    checks.skipRemaining('Not a JSON credential');
    return null;
  }
  const c: Json = cred.json;
  const badge = toBadge(c, format);
  const proofs = Array.isArray(c.proof) ? c.proof : c.proof === undefined ? [] : [c.proof];
  const sound = structureOb3(c, checks, { disclosed: mayBeDisclosed(proofs) });
  // A proof set is judged by all its proofs (proof-set.ts); an entry that is not even an object is one more failing proof.
  if (sound && !proofs.some(isObj)) {
    // verification.md step 2: an OB 3.0 credential is proven by a VC-JWT or an embedded proof; this has neither.
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, 'The credential carries no proof (no proof object): nothing shows who issued it');
    checks.skipRemaining('Unsigned');
    return badge;
  }
  // DESIGN "Every check that can still run, runs" (as the VC-JWT path does): a malformed credential
  // still has its proof checked, so the user sees whether it was altered or only mis-issued.
  if (!sound && !proofs.some(isObj)) {
    checks.skipRemaining(unsoundReason(checks));
    return badge;
  }
  const later = sound ? laterChecks(c, ctx) : undefined;
  const report = await verifyDataIntegrity(c, ctx);
  applyDataIntegrity(report, checks);
  // The deciding proof (the best, proofs/verify.ts) verifies but does not sign the recipient Lanyard read
  // (proofs/signed-reading.ts): whom it was issued to, checked and shown ("Issued to"), is read from what
  // it signs only. Another proof's reading changes nothing: a set is unordered and anyone may add a
  // proof to it (VC DI 1.0 §2.1.1), and one appended by a holder that left the issuer's entries unsigned
  // made Bob's badge name no one, valid to anyone (test/core/verify/proof-set-recipient.test.ts).
  const best = report.best?.signature;
  if (best?.outcome === 'indeterminate' && best.unsignedRecipient) badge.recipients = recipientsOf(subjectOf(c), best.unsignedRecipient);
  confirmWithheld(report, c, checks);
  // A field withheld under the derived proof that decides (VC DI ECDSA §3.5: what is disclosed is what
  // its issuer signed): the dates, status and recipient it shows are still checked, as the VC-JWT path
  // does (ob3-jwt.ts); a shown expiry past still expires, a shown status that revokes still revokes.
  if (!sound && checks.get('structure')?.code !== ErrorCodes.STRUCTURE_WITHHELD) {
    checks.skipRemaining(unsoundReason(checks));
    return badge;
  }
  checks.skip('hosted', 'A signed credential is checked by its proof, not a hosted copy');
  if (checks.outcome('signature') === 'fail' || checks.outcome('issuer-key') === 'fail') {
    checks.skipRemaining('The proof or its key failed');
    return badge;
  }
  reportLater(checks, await (later ?? laterChecks(c, ctx)));
  unsettleWithheld(report, c, checks);
  await unsettleWithheldRecipient(report, badge.recipients, ctx.identities, checks);
  return badge;
};

/** Why the checks after the structure do not run: a sound Verifiable Credential that is no Open Badge is not "malformed" (real38). */
function unsoundReason(checks: CheckList): string {
  return checks.get('structure')?.code === ErrorCodes.NOT_OPEN_BADGE ? 'Not an Open Badge: Lanyard checks Open Badges only' : 'The credential is malformed';
}
