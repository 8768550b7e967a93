/**
 * A Verifiable Presentation given as the input (VC DM 2.0 §4.13, VC DM 1.1 §4.10): what a wallet
 * exports when its holder shares a badge, e.g. the DCC Learner Credential Wallet's export of one
 * OpenBadgeCredential (test/fixtures/real/learncard-lcw). A presentation is not itself a badge:
 * each credential in its `verifiableCredential` carries its own proof and is verified as itself.
 * The presentation's own proof, if any, is the holder's (proofPurpose authentication) and says
 * nothing of the badge, so it is neither needed nor trusted. One credential: that credential is the
 * input. Several: not one badge to judge (indeterminate, each can be checked on its own). None:
 * nothing to read. An enveloped presentation is read as the presentation its data: URL holds, and an
 * enveloped credential as the VC-JWT its data: URL holds (VC DM 2.0 §4.13, src/core/input/enveloped.ts).
 */
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { jwsOfEnvelope } from './enveloped.ts';
import { COMPACT_JWS, decodeJwsUnverified } from './jws.ts';
import { jwtOfJwtProof } from './jwt-proof.ts';
import { envelopeKind, presentationOf } from './presentation-of.ts';
import type { CredentialText } from './types.ts';

export { isPresentation, presentationOf } from './presentation-of.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The credential a presentation holds, as the text it would be on its own; throws when it holds none or several. */
export function credentialOfPresentation(doc: Json): CredentialText {
  if (envelopeKind(doc) === 'vp') return credentialOfPresentation(presentationOfEnvelope(doc));
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
  if (isObj(vc) && envelopeKind(vc) === 'vp') {
    throw new UnsupportedCredentialError('a Verifiable Presentation holding an enveloped presentation', 'This presentation holds another presentation where a credential belongs, which Lanyard does not read');
  }
  if (isObj(vc) && envelopeKind(vc) === 'vc') return credentialOfEnvelope(vc);
  if (isObj(vc)) return jwtOfJwtProof(vc) ?? { type: 'json', text: JSON.stringify(vc), json: vc };
  // VC DM 1.1 §6.3.1: a VC-JWT inside a presentation is its compact JWS string.
  if (typeof vc === 'string' && COMPACT_JWS.test(vc.trim())) return { type: 'jws', text: vc.trim() };
  throw new UnsupportedCredentialError(
    'a Verifiable Presentation holding a credential in a form Lanyard does not read',
    'The credential in this presentation is neither a JSON credential, an enveloped credential nor a compact JWS, which Lanyard does not read',
  );
}

/**
 * The credential an EnvelopedVerifiableCredential carries: the VC-JWT in its data: URL, verified as
 * itself (VC-JOSE-COSE §3.1.1: the JWS payload is the credential). The envelope's other members are
 * not read.
 */
export function credentialOfEnvelope(doc: Json): CredentialText {
  return { type: 'jws', text: jwsOfEnvelope(doc, 'vc') };
}

/**
 * The presentation an EnvelopedVerifiablePresentation carries: the payload of the VP-JWT in its data:
 * URL (VC-JOSE-COSE §3.1.2; VC DM 1.1 §6.3.1.2's `vp` claim read too). That JWS is the holder's and is not verified, as any presentation's
 * proof (above); one that holds no presentation, or another envelope, is not read.
 */
function presentationOfEnvelope(doc: Json): Json {
  const { payload } = decodeJwsUnverified(jwsOfEnvelope(doc, 'vp'));
  // The payload is the presentation (VC-JOSE-COSE), or holds it as a VC 1.1 VP-JWT does (`vp`).
  const vp = presentationOf(payload);
  if (vp && !envelopeKind(vp)) return vp;
  throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, 'The enveloped presentation\'s JWT holds no Verifiable Presentation');
}
