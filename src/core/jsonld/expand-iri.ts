/**
 * IRI expansion against an active context (JSON-LD 1.1 API §5.2 "IRI Expansion"), outside
 * context processing: jsonld.js 9 context.js `_expandIri` with no local context and no `defined`
 * map (what its `api.expandIri` passes), line for line, so that the fast converter does not need
 * jsonld.js's context module loaded (most of the first verification's start-up). Relative
 * references are resolved by jsonld.js's url.js `prependBase`, ported in iri-url.ts.
 * test/core/jsonld/expand-iri.test.ts compares it with jsonld.js's on every term of the
 * precomputed contexts and on compact IRIs, keywords, blank nodes and relative references.
 */
import { isAbsolute, prependBase } from './iri-url.ts';

/** jsonld.js context.js `api.isKeyword`. */
const KEYWORDS = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id', '@included', '@index', '@json', '@language',
  '@list', '@nest', '@none', '@omitDefault', '@prefix', '@preserve', '@protected', '@requireAll', '@reverse', '@set', '@type', '@value',
  '@version', '@vocab',
]);
export const isKeyword = (v: unknown): boolean => typeof v === 'string' && v[0] === '@' && KEYWORDS.has(v);

/** jsonld.js util.js REGEX_KEYWORD. */
const KEYWORD_FORM = /^@[a-zA-Z]+$/;

export function expandIri(active: JsonLdActiveContext, value: string, vocab: boolean, base: boolean, documentBase: string): string | null {
  if (value === null || typeof value !== 'string' || isKeyword(value)) return value;
  // Ignore non-keyword things that look like a keyword.
  if (KEYWORD_FORM.test(value)) return null;
  if (vocab) {
    const mapping = active.mappings.get(value);
    // A term explicitly ignored with a null mapping.
    if (mapping === null) return null;
    if (typeof mapping === 'object' && mapping !== undefined && !Array.isArray(mapping) && '@id' in mapping) return mapping['@id'] as string | null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.substring(0, colon);
    const suffix = value.substring(colon + 1);
    // A blank node (prefix `_`) or an already absolute IRI (suffix starting with `//`).
    if (prefix === '_' || suffix.indexOf('//') === 0) return value;
    const mapping = active.mappings.get(prefix);
    if (mapping && mapping._prefix) return (mapping['@id'] as string) + suffix;
    if (isAbsolute(value)) return value;
  }
  if (vocab && '@vocab' in active) return active['@vocab'] + value;
  if (base) {
    if ('@base' in active) return active['@base'] ? prependBase(prependBase(documentBase, active['@base'] as string), value) : value;
    return prependBase(documentBase, value);
  }
  return value;
}
