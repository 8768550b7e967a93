/**
 * The parts of jsonld.js the engine runs, in one module that is only ever imported dynamically
 * (`loadJsonLd`): context processing for a context transition not precomputed (context-set.ts)
 * and the reference expansion (fallback.ts). A credential whose contexts are all precomputed
 * (precomputed.ts) is converted without jsonld.js being loaded at all: evaluating it was a third
 * of the first verification (issue 14). In the extension's classic engine script the import is
 * inlined (vite.config.ts `iife()`, inlineDynamicImports), so it costs nothing there.
 */
import contextApi from 'jsonld/lib/context.js';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import events from 'jsonld/lib/events.js';
import expandApi from 'jsonld/lib/expand.js';
import toRdfApi from 'jsonld/lib/toRdf.js';
import util from 'jsonld/lib/util.js';

export { contextApi, ContextResolver, events, expandApi, toRdfApi, util };

/** jsonld.js's own active-context methods (active.ts delegates `getInverse` to it). */
export const initialMethods = contextApi.getInitialContext({}) as JsonLdActiveContext & { getInverse(): unknown };
