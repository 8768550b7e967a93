/**
 * What an ecdsa-sd-2023 issuer made mandatory, as it bears on the checks. VC DI ECDSA §3.5.? (base
 * proof: the issuer's mandatoryPointers; derived proof: `mandatoryIndexes`, the disclosed statements
 * those pointers select, which the base signature covers and which every disclosure must show).
 * A statement the holder chose to disclose (not mandatory) stands beside others it may have withheld:
 * one status entry of several (the clear one shown, the revoking one withheld), one identity of the
 * subject's several. Read from the credential's own statements (the default graph: an embedded
 * credential, an endorsement say, is its own named graph, VC DM 2.0 §4.12).
 */
import { readNQuads } from '../jsonld/nquads-read.ts';
import type { MandatoryShown } from './types.ts';

const VC = 'https://www.w3.org/2018/credentials#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
/** The statements that link a status entry to the credential (VC DM 2.0 §4.10). */
const STATUS = new Set([`${VC}credentialStatus`]);
/** The statements that name whom it was issued to: the subject (its id), its identifier entries and their values (OB 3.0 §B.1.14 IdentityObject). */
const RECIPIENT = new Set([`${VC}credentialSubject`, `${OB}identifier`, `${OB}identityHash`, `${OB}identityType`]);

/** Whether every disclosed statement of `predicates` in the credential's own graph is mandatory (true when none is disclosed). */
const allMandatory = (nonMandatory: readonly string[], predicates: Set<string>): boolean =>
  readNQuads(nonMandatory.join('')).every((s) => s.graph !== '' || !predicates.has(s.predicate));

export function mandatoryShown(nonMandatory: readonly string[]): MandatoryShown {
  return { status: allMandatory(nonMandatory, STATUS), recipient: allMandatory(nonMandatory, RECIPIENT) };
}
