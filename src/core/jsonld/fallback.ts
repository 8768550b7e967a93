/**
 * The reference path: jsonld.js expansion and RDF conversion (jsonld.js `toRDF`, which
 * `jsonld.canonize` runs before RDFC-1.0), for whatever the fast converter does not handle.
 * jsonld.js's own entry point is not imported: in Node it loads an HTTP client for its default
 * document loader (tens of milliseconds at start-up) that Lanyard never uses; the parts used are
 * loaded on first need (load-jsonld.ts), and this module itself is imported dynamically by
 * canonize.ts, only for a document the fast converter leaves.
 */
import type { ContextSet } from './context-set.ts';
import type { Quad } from './rdf-terms.ts';
import type { assertExpandedValid } from './spec-checks.ts';
import type { hasForeignKey } from './foreign-keys.ts';

/**
 * The checks this path shares with the fast one, handed in by canonize.ts rather than imported:
 * a dynamically imported chunk that imports modules of the engine's makes the bundler split
 * those into a chunk of their own, one more module to load at start-up (issue 14).
 */
export interface SharedChecks {
  hasForeignKey: typeof hasForeignKey;
  assertExpandedValid: typeof assertExpandedValid;
}

export async function toRdfReference(doc: unknown, set: ContextSet, { hasForeignKey, assertExpandedValid }: SharedChecks): Promise<Quad[]> {
  const { lib, options: jsonLdOptions } = await set.jsonLd();
  const { expandApi, toRdfApi, util: jsonldUtil } = lib;
  const options = { ...jsonLdOptions, keepFreeFloatingNodes: false };
  // jsonld.js `expand`: a deep copy of the input made as jsonld.js makes it (util.clone: a
  // `__proto__` key becomes the copy's prototype there, so it must here too), then the expansion
  // algorithm from the initial context.
  let element = jsonldUtil.clone(doc);
  let activeCtx = set.initial;
  if (typeof element === 'object' && element !== null && !Array.isArray(element) && Object.hasOwn(element, '@context') && !hasForeignKey(doc)) {
    // expand.js processes the top-level @context against the initial context first (plain mode);
    // the set has that transition memoised (the same jsonld.js call), so it is not redone for each
    // document; the element then goes on without it, as expand.js's own walk skips @context.
    // Not when that context does not propagate (@propagate false): expand.js would then revert the
    // element itself to the initial context, as it does not for the context it processes on it.
    const { '@context': local, ...rest } = element as Record<string, unknown>;
    const top = set.cached(set.initial, local, 'plain') ?? (await set.learn(set.initial, local, 'plain'));
    if (!top.previousContext) {
      activeCtx = top;
      element = rest;
    }
  }
  let expanded = await expandApi.expand({ activeCtx, element, options });
  if (expanded && typeof expanded === 'object' && !Array.isArray(expanded) && '@graph' in expanded && Object.keys(expanded).length === 1) {
    expanded = (expanded as { '@graph': unknown })['@graph'];
  } else if (expanded === null) expanded = [];
  if (!Array.isArray(expanded)) expanded = [expanded];
  assertExpandedValid(expanded);
  return toRdfApi.toRDF(expanded, { ...options, produceGeneralizedRdf: false }) as Quad[];
}
