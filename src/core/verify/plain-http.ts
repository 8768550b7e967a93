/**
 * What is read over plain http for an issuer whose own address is served over TLS (an https id, or
 * did:web, which did:web §Read resolves over https only), or that has no web address (did:key,
 * did:jwk, urn:), is anyone's on the network path, so it is
 * not the issuer's word, as a hosted copy or an OB 1.x key read so confirms nothing
 * (formats/hosted-scope.ts, formats/ob2-signed.ts bindLegacyKey). An issuer whose own address is
 * plain http is taken as it serves itself. Two readers:
 * - an unsigned 1EdTech revocation list (OB 3.0): one that omits the badge would read "not revoked",
 *   one that names it "revoked"; it settles nothing (test/core/status/plain-http-list.test.ts). Nor does
 *   a signed list (Bitstring Status List, status/status-list.ts) read so: its proof holds for an older
 *   copy as well, from before the credential was revoked (test/core/status/plain-http-signed-list.test.ts). OB 2.0's
 *   `revocationList` and keys are still read over plain http: the conformance corpus
 *   (test/fixtures/conformance, 1EdTech's example.org cases) expects an https profile's http list to decide.
 * - a key bound by its id alone (keys/binding.ts): whoever answers the read could sign any badge with
 *   a key of its own (test/core/keys/plain-http-key.test.ts).
 * - a hosted assertion's copy (OB 1.x, 2.0: formats/ob2-hosted.ts): whoever answers the read could
 *   serve a copy naming any recipient and the issuer's real badge class; one read over plain http
 *   confirms nothing unless the issuer's profile and badge class are plain http themselves. Where a
 *   redirect ended is what counts: an http id the issuer redirects to https was read over TLS
 *   (test/core/formats/ob2-hosted-plain-http.test.ts).
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

/** What the badge in hand names (not the answer's word): its badge class, and the issuer of a class it embeds. */
export type InHand = { badgeClass?: string | undefined; issuer?: string | undefined };

/**
 * How an answer that arrived from `readFrom` (where its redirects ended) is anyone's: read over plain
 * http while the issuer's profile or a badge class named is not itself a plain-http address (a
 * profile unknown counts as not); undefined when it may be the issuer's word. The badge classes:
 * the one the answer names and the one the badge in hand names (`inHand`, with the issuer its
 * embedded class names), which whoever answered the read did not write: a copy naming its own
 * plain-http class and profile instead of the https ones the badge names is still anyone's (review44).
 */
export function plainHttpRead(readFrom: string, issuerId: string | undefined, badgeClassId: string | undefined, inHand?: InHand): string | undefined {
  if (!/^http:/i.test(readFrom)) return undefined;
  const named = (id: string | undefined) => id !== undefined && overPlainHttp(readFrom, id);
  // A badge class is served from its id only when that is a web address. One embedded under a urn:uuid
  // id (OB 2.0 §BadgeClass: any IRI; 1EdTech's openbadges-samples "bespoke" badge) came with the
  // assertion, over the assertion's read: no TLS of its own to be downgraded; its issuer speaks for it.
  const namedClass = (id: string | undefined) => id !== undefined && /^https?:/i.test(id.trim()) && named(id);
  const secure = overPlainHttp(readFrom, issuerId)
    ? { what: 'its issuer\'s profile', id: issuerId }
    : namedClass(badgeClassId) ? { what: 'the badge class it names', id: badgeClassId }
    : namedClass(inHand?.badgeClass) ? { what: 'the badge class the badge names', id: inHand!.badgeClass }
    : named(inHand?.issuer) ? { what: 'the issuer the badge names', id: inHand!.issuer } : undefined;
  if (!secure) return undefined;
  const is = secure.id === undefined ? 'is unknown' : /^https:/i.test(secure.id) ? `is served over https (${shorten(secure.id, 120)})` : `is not a plain-http address (${shorten(secure.id, 120)})`;
  return `read over plain http (${shorten(readFrom)}), while ${secure.what} ${is}: anyone on the network path could have answered that read`;
}

/** Why a hosted copy from `readFrom` confirms nothing (plainHttpRead); undefined when it may confirm the badge. */
export function plainHttpCopy(readFrom: string, issuerId: string | undefined, badgeClassId: string | undefined, inHand?: InHand): string | undefined {
  const why = plainHttpRead(readFrom, issuerId, badgeClassId, inHand);
  return why && `The issuer's copy was ${why}, so it confirms nothing (the badge may be genuine; its issuer should serve it over https)`;
}

/**
 * The plain http address an answer from `asked` came by: where it ended (`from`) when that is plain
 * http, or `asked` when a read of an http address was redirected anywhere but to its own https form
 * (the same host and path on the default ports): whoever answered the plain http read chose where it
 * went, another badge's revoked copy or a page answering 410 (test/core/formats/ob2-hosted-review43.test.ts).
 * Undefined when it came over TLS by the issuer's own route.
 */
export function plainHttpRoute(asked: string, from: string): string | undefined {
  if (/^http:/i.test(from)) return from;
  if (!/^http:/i.test(asked)) return undefined;
  const https = otherSchemeForm(asked.replace(/#.*$/s, ''));
  return https !== undefined && URL.canParse(from) && new URL(from).href === https ? undefined : asked;
}

/** `http://host/p` for `https://host/p` and back, on the default ports only (one port serves one scheme). */
export function otherSchemeForm(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.port !== '' || (u.protocol !== 'http:' && u.protocol !== 'https:')) return undefined;
    return `${u.protocol === 'http:' ? 'https:' : 'http:'}${u.href.slice(u.protocol.length)}`;
  } catch {
    return undefined;
  }
}
