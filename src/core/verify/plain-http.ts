/**
 * What is read over plain http for an issuer whose own address is served over TLS (an https id, or
 * did:web, which did:web §Read resolves over https only), or that has no web address (did:key,
 * did:jwk, urn:), is anyone's on the network path, so it is
 * not the issuer's word, as a hosted copy or an OB 1.x key read so confirms nothing
 * (formats/hosted-scope.ts, formats/ob2-signed.ts bindLegacyKey). An issuer whose own address is
 * plain http is taken as it serves itself. Two readers:
 * - an unsigned 1EdTech revocation list (OB 3.0): one that omits the badge would read "not revoked",
 *   one that names it "revoked"; it settles nothing (test/core/status/plain-http-list.test.ts). Signed
 *   lists (Bitstring Status List, status/status-list.ts) are trusted by their proof instead. OB 2.0's
 *   `revocationList` and keys are still read over plain http: the conformance corpus
 *   (test/fixtures/conformance, 1EdTech's example.org cases) expects an https profile's http list to decide.
 * - a key bound by its id alone (keys/binding.ts): whoever answers the read could sign any badge with
 *   a key of its own (test/core/keys/plain-http-key.test.ts).
 */
import { shorten } from '../display.ts';

/**
 * Whether `url` is read over plain http while `issuerId` is not itself a plain-http address: an https
 * id or did:web (served over TLS), and equally a did:key, did:jwk or urn: issuer, whose own word is
 * only its signature, or no issuer at all: an http read on its behalf is anyone's.
 */
export const overPlainHttp = (url: string, issuerId: string | undefined): boolean =>
  /^http:/i.test(url) && !/^http:/i.test(issuerId?.trim() ?? '');

/** Why the list at `listUrl` settles nothing for `issuerId`; undefined when it may. */
export function plainHttpList(listUrl: string, issuerId: string | undefined): string | undefined {
  if (!overPlainHttp(listUrl, issuerId)) return undefined;
  const issuer = issuerId === undefined ? 'the credential names no issuer that is' : `its issuer (${shorten(issuerId, 120)}) is not`;
  return `The revocation list is read over plain http (${shorten(listUrl)}), while ${issuer}: anyone on the network path could have answered it, so it settles nothing`;
}
