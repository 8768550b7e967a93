/**
 * The reference path: jsonld.js expansion and RDF conversion (jsonld.js `toRDF`, which
 * `jsonld.canonize` runs before RDFC-1.0), for whatever the fast converter does not handle.
 * jsonld.js's own entry point is not imported: in Node it loads an HTTP client for its default
 * document loader (tens of milliseconds at start-up) that Lanyard never uses.
 */
import expandApi from 'jsonld/lib/expand.js';
import toRdfApi from 'jsonld/lib/toRdf.js';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import type { ContextSet } from './context-set.ts';
import type { Quad } from './rdf-terms.ts';
import { assertExpandedValid } from './spec-checks.ts';

export async function toRdfReference(doc: unknown, set: ContextSet): Promise<Quad[]> {
  const options = { ...set.options, contextResolver: new ContextResolver({ sharedCache: new Map() }), keepFreeFloatingNodes: false };
  // jsonld.js `expand`: a deep copy of the input, then the expansion algorithm from the initial context.
  let expanded = await expandApi.expand({ activeCtx: set.initial, element: structuredClone(doc), options });
  if (expanded && typeof expanded === 'object' && !Array.isArray(expanded) && '@graph' in expanded && Object.keys(expanded).length === 1) {
    expanded = (expanded as { '@graph': unknown })['@graph'];
  } else if (expanded === null) expanded = [];
  if (!Array.isArray(expanded)) expanded = [expanded];
  assertExpandedValid(expanded);
  return toRdfApi.toRDF(expanded, { ...options, produceGeneralizedRdf: false }) as Quad[];
}
