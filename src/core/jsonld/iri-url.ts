/**
 * IRI helpers of jsonld.js 9 `lib/url.js`, line for line as ES module functions (issue 14): the
 * fast converter's IRI expansion (expand-iri.ts) needs `isAbsolute` and `prependBase`, and
 * importing jsonld.js's CommonJS url.js put it, and the bundler's CommonJS runtime, in the engine's
 * entry: two more files to load before the first verification (the bench's bundle was a facade,
 * the entry chunk and the runtime chunk). JSON-LD 1.1 API §5.2 "IRI Expansion" step 8 resolves
 * against the base with RFC 3986 §5.2 (as jsonld.js does, including its quirks: an empty result is
 * `./`). test/core/jsonld/expand-iri.test.ts compares expandIri with jsonld.js's, relative
 * references included.
 *
 * From jsonld.js lib/url.js: Copyright (c) 2017 Digital Bazaar, Inc. All rights reserved (BSD-3-Clause);
 * its URL parser: parseUri 1.2.2, (c) Steven Levithan <stevenlevithan.com>, MIT License.
 */

/** jsonld.js url.js `parsers.full`. */
const FULL_KEYS = ['href', 'protocol', 'scheme', 'authority', 'auth', 'user', 'password', 'hostname', 'port', 'path', 'directory', 'file', 'query', 'fragment'] as const;
const FULL = /^(([a-zA-Z][a-zA-Z0-9+-.]*):)?(?:\/\/((?:(([^:@]*)(?::([^:@]*))?)?@)?([^:\/?#]*)(?::(\d*))?))?(?:(((?:[^?#\/]*\/)*)([^?#]*))(?:\?([^#]*))?(?:#(.*))?)/;

type Parsed = Record<(typeof FULL_KEYS)[number], string | null> & { normalizedPath: string };

/** jsonld.js url.js `parse(str, 'full')`. */
function parse(str: string): Parsed {
  const parsed = {} as Parsed;
  const m = FULL.exec(str)!;
  let i = FULL_KEYS.length;
  while (i--) parsed[FULL_KEYS[i]!] = m[i] === undefined ? null : m[i]!;
  // remove default ports in found in URLs
  if ((parsed.scheme === 'https' && parsed.port === '443') || (parsed.scheme === 'http' && parsed.port === '80')) {
    parsed.href = parsed.href!.replace(':' + parsed.port, '');
    parsed.authority = parsed.authority!.replace(':' + parsed.port, '');
    parsed.port = null;
  }
  parsed.normalizedPath = removeDotSegments(parsed.path!);
  return parsed;
}

/** jsonld.js url.js `removeDotSegments` (RFC 3986 §5.2.4, reworked). */
export function removeDotSegments(path: string): string {
  if (path.length === 0) return '';
  const input = path.split('/');
  const output: string[] = [];
  while (input.length > 0) {
    const next = input.shift();
    const done = input.length === 0;
    if (next === '.') {
      if (done) output.push('');
      continue;
    }
    if (next === '..') {
      output.pop();
      if (done) output.push('');
      continue;
    }
    output.push(next!);
  }
  if (path[0] === '/' && output.length > 0 && output[0] !== '') output.unshift('');
  if (output.length === 1 && output[0] === '') return '/';
  return output.join('/');
}

/** jsonld.js url.js: an absolute IRI (a scheme and ':') or a blank node IRI. A weak check: only the scheme. */
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
export const isAbsolute = (v: unknown): boolean => typeof v === 'string' && ABSOLUTE.test(v);

/** jsonld.js url.js `prependBase` (RFC 3986 §5.2.2), for a string base or null. */
export function prependBase(base: string | null, iri: string): string {
  if (base === null) return iri;
  if (isAbsolute(iri)) return iri;
  const b = parse(base || '');
  const rel = parse(iri);
  const transform: { protocol: string; authority?: string | null; path?: string; query?: string | null } = { protocol: b.protocol || '' };
  if (rel.authority !== null) {
    transform.authority = rel.authority;
    transform.path = rel.path!;
    transform.query = rel.query;
  } else {
    transform.authority = b.authority;
    if (rel.path === '') {
      transform.path = b.path!;
      transform.query = rel.query !== null ? rel.query : b.query;
    } else {
      if (rel.path!.indexOf('/') === 0) {
        transform.path = rel.path!;
      } else {
        // merge paths: the relative path after the base's last directory
        let path = b.path!;
        path = path.substr(0, path.lastIndexOf('/') + 1);
        if ((path.length > 0 || b.authority) && path.substr(-1) !== '/') path += '/';
        path += rel.path;
        transform.path = path;
      }
      transform.query = rel.query;
    }
  }
  if (rel.path !== '') transform.path = removeDotSegments(transform.path!);
  let rval = transform.protocol;
  if (transform.authority !== null) rval += '//' + transform.authority;
  rval += transform.path;
  if (transform.query !== null) rval += '?' + transform.query;
  if (rel.fragment !== null) rval += '#' + rel.fragment;
  if (rval === '') rval = './';
  return rval;
}
