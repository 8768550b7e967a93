/**
 * A Verifiable Presentation given as the input (VC DM 2.0 §4.13, VC DM 1.1 §4.10): what a wallet
 * exports when its holder shares a badge, e.g. the DCC Learner Credential Wallet's export of one
 * OpenBadgeCredential (test/fixtures/real/learncard-lcw). A presentation is not itself a badge:
 * each credential in its `verifiableCredential` carries its own proof and is verified as itself.
 * The presentation's own proof, if any, is the holder's (proofPurpose authentication) and says
 * nothing of the badge, so it is neither needed nor trusted. One credential: that credential is the
 * input. Several: not one badge to judge (indeterminate, each can be checked on its own). None:
 * nothing to read.
 */
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { COMPACT_JWS } from './jws.ts';
import { jwtOfJwtProof } from './jwt-proof.ts';
import type { CredentialText } from './types.ts';

export { isPresentation, presentationOf } from './presentation-of.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The credential a presentation holds, as the text it would be on its own; throws when it holds none or several. */
export function credentialOfPresentation(doc: Json): CredentialText {
  const held = doc.verifiableCredential;
  const list = held === undefined ? [] : Array.isArray(held) ? held : [held];
  if (list.length === 0) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The input is a Verifiable Presentation holding no credential');
  if (list.length > 1) {
    throw new UnsupportedCredentialError(
      `a Verifiable Presentation holding ${list.length} credentials`,
      `This presentation holds ${list.length} credentials; Lanyard checks one badge at a time: check each credential on its own`,
    );
  }
  const vc = list[0];
  if (isObj(vc)) return jwtOfJwtProof(vc) ?? { type: 'json', text: JSON.stringify(vc), json: vc };
  // VC DM 1.1 §6.3.1: a VC-JWT inside a presentation is its compact JWS string.
  if (typeof vc === 'string' && COMPACT_JWS.test(vc.trim())) return { type: 'jws', text: vc.trim() };
  throw new UnsupportedCredentialError(
    'a Verifiable Presentation holding a credential in a form Lanyard does not read',
    'The credential in this presentation is neither a JSON credential nor a compact JWS (an enveloped credential, for one), which Lanyard does not verify yet',
  );
}
