/**
 * A Comprehensive Learner Record 1.0 (IMS CLR 1.0, 2020), told apart from the Open Badges 2.0 assertion
 * it is built on. CLR 1.0 reuses OB 2.0's serialization and verification (§Verification: hosted, or a
 * JWS "Signed" with the publisher's key), so its documents reach the OB 2.0 verifiers; but a CLR is not
 * an assertion of a badge, and its assertions name their `achievement` where an OB 2.0 assertion names
 * a `badge` (CLR 1.0 §Assertion). Judged as Open Badges, a genuine record read "Missing or malformed:
 * Assertion badge", invalid: Lanyard checks Open Badges only, so such a document is left unsettled
 * (never valid, never invalid for what it is not), as another kind of Verifiable Credential is
 * (ob3-badge.ts).
 *
 * Found on a record that Open Credential Publisher signed for Wilton High School, North Dakota (RS512,
 * `type: "Clr"`, `@context` `https://contexts.ward.guru/clr_v1p0.jsonld`), and on its signed assertions.
 */
import { ErrorCodes } from '../errors.ts';
import type { CheckList } from '../verify/checks.ts';
import { isObj, types, type Json } from './json-util.ts';

/** CLR 1.0 §Context: `https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld`, or a copy of it elsewhere. */
const CLR1_CONTEXT = /\/clr_v1p0\.jsonld$/i;

/** What `doc` is when it is a CLR 1.0 document rather than an Open Badges assertion; undefined otherwise. */
export function clr1Kind(doc: Json): string | undefined {
  // An assertion with a badge class is judged as an Open Badge, whatever else it carries.
  if (doc.badge !== undefined) return undefined;
  if (types(doc.type).includes('Clr') || (types(doc['@context']).some((c) => CLR1_CONTEXT.test(c)) && isObj(doc.learner))) return 'a Comprehensive Learner Record 1.0 (CLR)';
  if (isObj(doc.achievement) && doc.recipient !== undefined) return 'an assertion of a Comprehensive Learner Record 1.0 (CLR), naming an achievement where an Open Badge names a badge class';
  return undefined;
}

/**
 * Whether `doc` is a CLR 1.0 document, which the OB 2.0 verifiers then leave unsettled: `structure`
 * indeterminate, the other checks skipped. `what` names it in the sentence ("This is", "The signed document is").
 */
export function leftAsClr1(doc: Json, checks: CheckList, what: string): boolean {
  const clr = clr1Kind(doc);
  if (!clr) return false;
  checks.indeterminate('structure', ErrorCodes.NOT_OPEN_BADGE, `${what} ${clr}, not an Open Badge: Lanyard checks Open Badges only`);
  checks.skipRemaining('Not an Open Badge');
  return true;
}
