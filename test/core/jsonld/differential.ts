/**
 * The differential oracle shared by the W3C suite test and the fuzzer (issue 11): what Lanyard's
 * engine makes of a document (its canonical N-Quads, which path made the RDF, or a refusal) next to
 * what `jsonld.canonize` makes of it in safe mode, the way signers call it. jsonld.js runs with a
 * resolver of its own per call, so that no result depends on what it saw before.
 */
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import { canonize, toRdf, type RdfPath } from '../../../src/core/jsonld/canonize.ts';
import type { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { SpecError } from '../../../src/core/jsonld/errors.ts';

/** `spec`: the engine refused a document the JSON-LD 1.1 API forbids and jsonld.js 9 accepts (errors.ts SpecError). */
export type Outcome = { ok: true; nquads: string; path?: RdfPath } | { ok: false; error: string; spec?: boolean };

export interface ReferenceOptions {
  contexts: ReadonlyMap<string, unknown>;
  base?: string;
  processingMode?: string;
  /**
   * jsonld.js's own default is a process-wide cache of resolved contexts (jsonld.js `_resolvedContextCache`);
   * pass a ReferenceCache to share one across calls the same way (faster: the top-level contexts
   * are processed once). Without it, each call is jsonld.js in a fresh process.
   */
  cache?: ReferenceCache;
}

type Resolved = { setProcessed(active: unknown, processed: { context: unknown; events: unknown[] }): void };

/**
 * A shared cache for jsonld.js's ContextResolver that behaves as a fresh process would: remote
 * contexts are cached (the loader tags them `static`), inline ones are not, and each processed-context entry keeps the
 * events raised up to its making only (jsonld.js stores the call's whole, still-growing events
 * array: a warning raised by a later context of the same call would be replayed for other calls).
 * Documents with `@import` are not given it: jsonld.js stores an import's merge in the imported
 * context's memo.
 */
export class ReferenceCache {
  private readonly map = new Map<string, Map<string, Resolved | Resolved[]>>();
  get(key: string): unknown {
    return this.map.get(key);
  }
  set(key: string, tags: Map<string, Resolved | Resolved[]>): this {
    // Only remote contexts: an inline one is keyed by its JSON, which a `__proto__` key leaves out.
    if (key.startsWith('{') || key.startsWith('[')) return this;
    tags.set = function (tag: string, resolved: Resolved | Resolved[]) {
      // A remote context resolves to a list of ResolvedContexts, an inline one to one.
      for (const r of Array.isArray(resolved) ? resolved : [resolved]) {
        const original = r.setProcessed.bind(r);
        r.setProcessed = (active, processed) => original(active, { ...processed, events: [...processed.events] });
      }
      return Map.prototype.set.call(this, tag, resolved) as typeof tags;
    };
    this.map.set(key, tags);
    return this;
  }
}

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300);

/** Lanyard: the path toRdf takes, then canonize (the engine's answer). */
export async function engineOutcome(doc: unknown, set: ContextSet): Promise<Outcome> {
  let path: RdfPath;
  try {
    ({ path } = await toRdf(doc, set));
  } catch (e) {
    return { ok: false, error: message(e), spec: e instanceof SpecError };
  }
  try {
    return { ok: true, nquads: await canonize(doc, set), path };
  } catch (e) {
    return { ok: false, error: `canonize refused what toRdf accepted: ${message(e)}` };
  }
}

/** jsonld.js: `jsonld.canonize(doc, {algorithm: 'RDFC-1.0', safe: true, …})` over a static loader. */
export async function referenceOutcome(doc: unknown, o: ReferenceOptions): Promise<Outcome> {
  const { default: jsonld } = await import('jsonld');
  const documentLoader = async (url: string) => {
    const document = o.contexts.get(url);
    if (document === undefined) throw new Error(`no document ${url}`);
    return { contextUrl: null, documentUrl: url, document: structuredClone(document), tag: 'static' };
  };
  const cache = o.cache && !JSON.stringify(doc).includes('"@import"') ? o.cache : new Map();
  const options: Record<string, unknown> = { algorithm: 'RDFC-1.0', safe: true, documentLoader, contextResolver: new ContextResolver({ sharedCache: cache }) };
  if (o.base !== undefined) options.base = o.base;
  if (o.processingMode !== undefined) options.processingMode = o.processingMode;
  try {
    // jsonld.js copies its input itself (util.clone) before expanding.
    return { ok: true, nquads: (await jsonld.canonize(doc as object, options as never)) as unknown as string };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

/** Null when the engine agrees with jsonld.js (same bytes, or both refuse); else what differs. */
export function difference(engine: Outcome, reference: Outcome): string | null {
  if (engine.ok && reference.ok) return engine.nquads === reference.nquads ? null : `engine (${engine.path}):\n${engine.nquads}\njsonld.canonize:\n${reference.nquads}`;
  if (!engine.ok && !reference.ok) return null;
  if (engine.ok && !reference.ok) return `engine (${engine.path}) gave output, jsonld.canonize refused (${reference.error}):\n${engine.nquads}`;
  return `engine refused (${engine.ok ? '' : engine.error}), jsonld.canonize gave:\n${reference.ok ? reference.nquads : ''}`;
}
