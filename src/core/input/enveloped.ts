/**
 * Enveloped credentials and presentations (VC DM 2.0 §4.13, "Enveloped Verifiable Credentials" and
 * "Enveloped Verifiable Presentations"): `{ "@context", "type": "EnvelopedVerifiableCredential",
 * "id": "data:application/vc+jwt,<compact JWS>" }`, the form VC-JOSE-COSE §3.1.2 requires for a
 * credential inside a presentation secured with JOSE. The envelope is only a wrapper: its `id` is a
 * data: URL (RFC 2397, src/core/input/data-url.ts) holding the secured credential, and that is the
 * credential, verified as itself. Nothing else the envelope says is read, so nothing in it can make
 * a badge valid.
 *
 * Media types (VC-JOSE-COSE §7.1; the names its 2024-04 Candidate Recommendation used,
 * `application/vc+ld+json+jwt`, and its first draft, `application/vc+ld+jwt`, are read alike):
 * `application/vc+jwt` is a JWS whose payload is the credential (read); `vc+sd-jwt` an SD-JWT holding
 * a W3C credential (read; any other SD-JWT, and `vp+sd-jwt`, are not verified yet) and `vc+cose` (COSE)
 * a credential Lanyard does not verify yet (indeterminate); any other is no
 * secured credential Lanyard reads (indeterminate, named). A data: URL that is broken, or a JWT
 * media type whose data is no compact JWS, is unreadable (ParseError).
 */
import { shorten } from '../display.ts';
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { dataText, readDataUrl, type DataUrl, type DataUrlFailure } from './data-url.ts';
import { isW3cSdJwt } from './detect.ts';
import { COMPACT_JWS, SD_JWT } from './jws.ts';
import type { EnvelopeKind } from './presentation-of.ts';
import { coseRefusal, sdJwtRefusal } from './unsupported.ts';

const MEDIA_TYPE = /^application\/(v[cp])\+(?:ld\+(?:json\+)?)?(jwt|sd-jwt|cose)$/;

const NOUN = { vc: 'credential', vp: 'presentation' } as const;

/** The compact JWS an envelope of `kind` carries in its data: URL, unverified; throws when it carries none Lanyard reads. */
export function jwsOfEnvelope(doc: Record<string, unknown>, kind: EnvelopeKind): string {
  const noun = NOUN[kind];
  if (typeof doc.id !== 'string') throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The enveloped ${noun} has no id: VC DM 2.0 §4.13 carries the ${noun} in its id, as a data: URL`);
  const url = doc.id.trim();
  if (!/^data:/i.test(url)) throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The enveloped ${noun}'s id is not a data: URL (VC DM 2.0 §4.13: it must be one)`);
  const fail = (why: string) => new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The enveloped ${noun}'s data: URL is broken: ${why}`);
  return jwsOfSecuredData(readDataUrl(url, fail), kind, { name: `enveloped ${noun}`, a: `an enveloped ${noun}` }, fail);
}

/** The kind of secured document a data: URL's media type names (vc or vp), whatever its securing; undefined for any other. */
export const securedKind = (mediaType: string): EnvelopeKind | undefined => MEDIA_TYPE.exec(mediaType)?.[1] as EnvelopeKind | undefined;

/**
 * The compact JWS a data: URL of a secured `kind` carries, by its media type (above), unverified.
 * `holder` names what held the data: URL in messages (an envelope, or the data: URL given as the input).
 */
export function jwsOfSecuredData({ mediaType, bytes }: DataUrl, kind: EnvelopeKind, holder: { name: string; a: string }, fail: DataUrlFailure): string {
  const noun = NOUN[kind];
  const shown = shorten(mediaType, 60);
  const m = MEDIA_TYPE.exec(mediaType);
  if (!m) {
    throw new UnsupportedCredentialError(
      `${holder.a} of media type ${shown}`,
      `This ${holder.name} holds ${shown}, which is no secured ${noun} Lanyard reads (it reads application/${kind}+jwt)`,
    );
  }
  if (m[1] !== kind) {
    throw new UnsupportedCredentialError(`${holder.a} holding a ${NOUN[m[1] as EnvelopeKind]} (${shown})`, `This ${holder.name} holds a ${NOUN[m[1] as EnvelopeKind]} (${shown}), not a ${noun}, which Lanyard does not read`);
  }
  if (m[2] === 'cose') throw coseRefusal(`${holder.a} secured with COSE (${shown})`);
  if (m[2] === 'sd-jwt') {
    // VC-JOSE-COSE §3.2: a W3C credential secured as an SD-JWT, verified as a bare one is
    // (formats/sd-jwt.ts); any other data, readable or not, stays an SD-JWT Lanyard does not verify.
    const sd = kind === 'vc' ? w3cSdJwtOf(bytes) : undefined;
    if (sd) return sd;
    throw sdJwtRefusal(`${holder.a} secured as an SD-JWT (${shown})`);
  }
  const jws = dataText(bytes, fail).trim();
  if (COMPACT_JWS.test(jws)) return jws;
  if (SD_JWT.test(jws)) throw sdJwtRefusal(`${holder.a} secured as an SD-JWT though labelled ${shown}`);
  throw new ParseError(ErrorCodes.PARSE_JWS, `The ${holder.name}'s data is not a compact JWS, though its media type (${shown}) says it is`);
}

/** The data: URL's text when it is a W3C credential secured as an SD-JWT; undefined for any other, or unreadable, data. */
function w3cSdJwtOf(bytes: Uint8Array): string | undefined {
  try {
    const text = dataText(bytes).trim();
    return isW3cSdJwt(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
