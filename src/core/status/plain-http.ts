/**
 * An unsigned revocation list read over plain http for an issuer whose own address is served over
 * TLS (an https id, or did:web, which did:web §Read resolves over https only) is anyone's on the
 * network path: a list that omits the badge would read "not revoked", one that names it "revoked".
 * Neither is the issuer's word, so such a list settles nothing (`indeterminate`), as a hosted copy
 * or an OB 1.x key read over plain http for an https issuer confirms nothing (hosted-scope.ts,
 * ob2-signed.ts bindLegacyKey). An issuer whose own address is plain http is taken as it serves
 * itself. Signed lists (Bitstring Status List, status-list.ts) are trusted by their proof instead.
 */
import { shorten } from '../display.ts';

/** Why the list at `listUrl` settles nothing for `issuerId`; undefined when it may. */
export function plainHttpList(listUrl: string, issuerId: string | undefined): string | undefined {
  if (!/^http:/i.test(listUrl) || issuerId === undefined || !/^(https:|did:web:)/i.test(issuerId)) return undefined;
  return `The revocation list is read over plain http (${shorten(listUrl)}), while its issuer is served over TLS (${shorten(issuerId, 120)}): anyone on the network path could have answered it, so it settles nothing`;
}
