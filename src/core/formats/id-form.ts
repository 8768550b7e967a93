/**
 * An id as a revocation list's entries are compared with it (ob2-revocation-list.ts, the OB 2.0
 * RevocationList; status/revocation-list.ts, the 1EdTech Revocation List): two spellings of one id
 * name one credential, and a list naming it otherwise revokes it all the same.
 * - an http(s) URL in its normal form (scheme and host case, default port: RFC 3986 §6.2.2-3), its
 *   http form on the default port read as its https form (one address, as ob2-common.ts
 *   isSecureFormOf says: an issuer that moved to https may list the ids it first gave); the fragment
 *   kept (two fragments of one document may be two assertions), the path's case kept;
 * - a UUID URN in lower case: its hex digits are "case insensitive on input" (RFC 9562 §4), as are
 *   "urn" and the namespace id (RFC 8141 §3.1);
 * - anything else as written;
 * each without the white space or control characters around it.
 */
export function idForm(written: string): string {
  // White space around an id is no part of it (a list made from a text file: "urn:uuid:…\n"); the
  // URL parser strips it too (WHATWG URL §basic URL parser: leading and trailing C0 control or space).
  const id = written.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/^urn:uuid:[0-9a-f-]+$/i.test(id)) return id.toLowerCase();
  if (!/^https?:\/\//i.test(id) || !URL.canParse(id)) return id;
  const url = new URL(id);
  if (url.protocol === 'http:' && url.port === '') url.protocol = 'https:';
  return url.href;
}
