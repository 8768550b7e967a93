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
   * jsonld.js's own default is a process-wide cache of resolved contexts; pass a Map to share one
   * across calls the same way (faster). A document with `@import` always gets a fresh one:
   * jsonld.js memoises an import's merge under the active context, which would reach later calls.
   */
  sharedCache?: Map<string, unknown>;
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
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
  const options: Record<string, unknown> = { algorithm: 'RDFC-1.0', safe: true, documentLoader, contextResolver: new ContextResolver({ sharedCache: o.sharedCache && !JSON.stringify(doc).includes('"@import"') ? o.sharedCache : new Map() }) };
  if (o.base !== undefined) options.base = o.base;
  if (o.processingMode !== undefined) options.processingMode = o.processingMode;
  try {
    // jsonld.js copies its input before expanding; a copy here too, so that nothing it does reaches the caller's document.
    return { ok: true, nquads: (await jsonld.canonize(structuredClone(doc) as object, options as never)) as unknown as string };
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
