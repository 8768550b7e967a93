/**
 * A data: URL given as the input itself (pasted text, a file holding just it, a command-line
 * argument): RFC 2397 `data:[<mediatype>][;base64],<data>`, the form an EnvelopedVerifiableCredential
 * carries its credential in (VC DM 2.0 §4.13). It is read by the envelope's rules (enveloped.ts):
 * `application/vc+jwt` (and its earlier names) is the VC-JWT it holds, `application/vp+jwt` the
 * VP-JWT, whose credential is read as any presentation's; SD-JWT and COSE are named and not verified
 * yet. JSON media types (`application/json`, `application/ld+json`; VC DM 2.0 §6.1 `application/vc`,
 * and the `application/vc+ld+json` of VC DM 1.1) hold the credential as JSON, read as that JSON.
 * Anything else is no credential Lanyard reads. The data: URL itself vouches for nothing: what it
 * holds is verified as if given directly.
 */
import { shorten } from '../display.ts';
import { ErrorCodes, ParseError } from '../errors.ts';
import { broken, dataText, readDataUrl } from './data-url.ts';
import { jwsOfSecuredData, securedKind } from './enveloped.ts';
import { stripBom } from './text.ts';
import type { CredentialText } from './types.ts';

const JSON_TYPES = new Set(['application/json', 'application/ld+json', 'application/vc', 'application/vc+ld+json']);

export const isDataUrl = (text: string): boolean => /^data:/i.test(text);

/** The credential a data: URL holds; `classify` reads the text inside (a JWS or JSON) as credential text. */
export function credentialOfDataUrl(url: string, classify: (text: string) => CredentialText): CredentialText {
  const data = readDataUrl(url);
  if (JSON_TYPES.has(data.mediaType)) {
    const text = stripBom(dataText(data.bytes)).trim();
    if (text[0] !== '{') throw new ParseError(ErrorCodes.PARSE_UNRECOGNISED, `The data: URL's data is not a JSON object, though its media type (${shorten(data.mediaType, 60)}) says it holds JSON`);
    return classify(text);
  }
  return classify(jwsOfSecuredData(data, securedKind(data.mediaType) ?? 'vc', { name: 'data: URL', a: 'a data: URL' }, broken));
}
