/**
 * iri-url.ts is jsonld.js's lib/url.js (isAbsolute, prependBase, removeDotSegments) as ES module
 * functions: same answers as jsonld.js's own on RFC 3986 §5.4's examples and on the bases and
 * references credentials and the JSON-LD test suites use.
 */
import url from 'jsonld/lib/url.js';
import { describe, expect, it } from 'vitest';
import { isAbsolute, prependBase, removeDotSegments } from '../../../src/core/jsonld/iri-url.ts';

const BASES = ['http://a/b/c/d;p?q', '', 'https://example.org:443/x/y', 'http://example.com:80', 'urn:uuid:1234', 'http://a', 'file:///tmp/a/', 'http://u:p@h:8080/a/./b/../c?x#y'];
// RFC 3986 §5.4.1 normal and §5.4.2 abnormal examples, and a few more.
const REFS = [
  'g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
  '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x',
  'http:g', '_:b0', 'did:example:123', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'a b', '//h:80/p',
];

describe('iri-url (jsonld.js url.js, ported)', () => {
  it('prependBase answers as jsonld.js does, base by base and reference by reference', () => {
    for (const base of [...BASES, null]) for (const ref of REFS) expect(prependBase(base, ref), `${base} + ${ref}`).toBe(url.prependBase(base, ref));
  });
  it('isAbsolute and removeDotSegments answer as jsonld.js does', () => {
    for (const v of [...REFS, ...BASES, 'A1+.-:x', '1a:b', ':x', 'a:b c']) expect(isAbsolute(v), v).toBe(url.isAbsolute(v));
    for (const p of ['', '/', '/a/b/../c/./d', 'a/..', '../a', '/..', '.', 'a/./', '//x']) expect(removeDotSegments(p), p).toBe(url.removeDotSegments(p));
  });
  it('resolves the RFC 3986 §5.4.1 examples', () => {
    expect(prependBase('http://a/b/c/d;p?q', '../g')).toBe('http://a/b/g');
    expect(prependBase('http://a/b/c/d;p?q', '?y')).toBe('http://a/b/c/d;p?y');
    expect(prependBase('http://a/b/c/d;p?q', 'g;x?y#s')).toBe('http://a/b/c/g;x?y#s');
  });
});
