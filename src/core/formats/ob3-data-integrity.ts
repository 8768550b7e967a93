/**
 * OB 3.0 with an embedded proof (SPEC ob_v3p0/integrity.md §Data Integrity), and OB 3.0 with no
 * proof at all. A placeholder until the Data Integrity issue: the structure, dates and status are
 * checked, but a proof is not verified, so such a credential is never `valid` yet.
 */
import { ErrorCodes } from '../errors.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { isObj, type Json } from './json-util.ts';
import { statusOb3, structureOb3, toBadge, validityOb3 } from './ob3-badge.ts';

export const verifyOb3DataIntegrity: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type !== 'json') {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, 'An OB 3.0 credential with an embedded proof must be JSON');
    checks.skipRemaining('Not a JSON credential');
    return null;
  }
  const c: Json = cred.json;
  const badge = toBadge(c, format);
  if (!structureOb3(c, checks)) {
    checks.skipRemaining('The credential is malformed');
    return badge;
  }
  const proofs = Array.isArray(c.proof) ? c.proof : c.proof === undefined ? [] : [c.proof];
  if (proofs.length === 0 || !proofs.every(isObj)) {
    // verification.md step 2: an OB 3.0 credential is proven by a VC-JWT or an embedded proof; this has neither.
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, 'The credential carries no proof (no proof object): nothing shows who issued it');
    checks.skipRemaining('Unsigned');
    return badge;
  }
  checks.indeterminate('signature', ErrorCodes.NOT_IMPLEMENTED, 'Data Integrity proofs are not verified yet');
  checks.indeterminate('issuer-key', ErrorCodes.NOT_IMPLEMENTED, 'The proof\'s key is not checked against the issuer yet (Data Integrity proofs are not verified yet)');
  checks.skip('hosted', 'A signed credential is checked by its proof, not a hosted copy');
  validityOb3(c, checks, ctx.now);
  await statusOb3(c, ctx, checks);
  return badge;
};
