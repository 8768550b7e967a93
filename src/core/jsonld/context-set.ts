/**
 * Processed JSON-LD contexts, kept for the life of the process (issue 4 "process each bundled
 * context once and keep it"). Context processing itself is jsonld.js's (JSON-LD 1.1 API §4.1,
 * with @protected, type- and property-scoped contexts and @propagate), driven through a static
 * document loader that never fetches. Each transition (active context + local context + mode →
 * new active context) is computed once and remembered, so that converting a credential needs no
 * context processing at all once warm.
 *
 * What a transition depends on, and so what its memo key holds: the active context (by identity:
 * active contexts are never changed once made, and the same transition from the same active
 * context always gives the same object back), the local context (its JSON) and the mode (whether
 * protected terms may be overridden, JSON-LD 1.1 API §4.1.2 step 5.13 / §4.2.2 `override protected`,
 * and whether the context propagates).
 *
 * jsonld.js keeps a memo of its own, inside each `ResolvedContext` (ResolvedContext.js
 * `getProcessed`), and that memo's key is incomplete: the active context object alone. It ignores
 * the mode, so a result computed for a property-scoped context (overriding protected terms
 * allowed) came back for the same context embedded in a node, where it must be refused (issue 11:
 * a tampered credential called valid, in one document or primed by an earlier one). It also stores
 * with each result the array of events captured for the whole `process` call, which goes on
 * growing after the entry is made: a warning that safe mode refuses, raised by a later context of
 * the same array, was replayed for a later document reusing the entry, which was then refused.
 * Inside jsonld.js that memo rarely hits (its expansion hands each node a fresh clone); here, where
 * one active context object is reached again and again from documents of every kind, it hit all
 * the time, because the resolved inline contexts (keyed by their JSON) were shared by every call.
 * Now each call has its own resolver and its own cache (jsonld.js resolves a bundled context URL
 * afresh on each call anyway: our loader gives no `static` tag), so nothing jsonld.js memoises
 * outlives a call; the memo above, with its complete key, is the only one kept.
 *
 * The first verification (issue 14): transitions the bundled set has precomputed (precomputed.ts,
 * proven equal to jsonld.js's by its test) are taken from that table, and jsonld.js itself is
 * loaded only when a transition is not there (load-jsonld.ts); IRIs are expanded by
 * expand-iri.ts, jsonld.js's algorithm without jsonld.js.
 */
import { initialContext, type Active } from './active.ts';
import { bundledContexts, bundledContextsLoaded, loadBundledContexts } from './contexts.ts';
import { UnknownContextError } from './errors.ts';
import { expandIri } from './expand-iri.ts';
import { loadJsonLd, type JsonLdLib } from './load-jsonld.ts';
import { precomputedApplies, precomputedTransition, scopedKey } from './precomputed.ts';

export type { Active } from './active.ts';

/** How a local context is applied: plain (@context in the document), type-scoped, property-scoped. */
export type Mode = 'plain' | 'type' | 'property';

const MAX_TRANSITIONS = 512;

/** Options for a set other than the bundled one (tests: the W3C suite's base IRI and processing mode). */
export interface ContextSetOptions {
  /** The document base IRI (JSON-LD 1.1 API `base`); credentials have none. */
  base?: string;
  processingMode?: 'json-ld-1.0' | 'json-ld-1.1';
  /** false: never use the precomputed transitions (scripts/gen-precomputed-contexts.mts, tests). */
  precomputed?: boolean;
}

export class ContextSet {
  readonly contexts: ReadonlyMap<string, unknown>;
  /** jsonld.js processing options but the event handler (see `jsonLdOptions`): static loader, safe mode, no base (reference §3.4 "safe mode"). */
  readonly options: Record<string, unknown>;
  readonly initial: Active;
  private readonly transitions = new WeakMap<Active, Map<string, Active>>();
  /** Whether the precomputed transitions apply to this set: false, or undefined until compared (precomputed.ts `precomputedApplies`). */
  private precomputed: boolean | undefined;

  constructor(contexts: ReadonlyMap<string, unknown>, setOptions: ContextSetOptions = {}) {
    this.contexts = contexts;
    const documentLoader = async (url: string) => {
      const document = contexts.get(url);
      if (document === undefined) throw new UnknownContextError(url);
      // A copy: jsonld.js merges an `@import`ed context into the importing one in place.
      return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
    };
    this.options = { documentLoader, base: setOptions.base ?? '', safe: true };
    if (setOptions.processingMode) this.options.processingMode = setOptions.processingMode;
    // jsonld's initial context, cloned (jsonld.js `getInitialContext(options).clone()`), with the cheaper clone.
    this.initial = initialContext();
    if (setOptions.precomputed === false || setOptions.base || setOptions.processingMode) this.precomputed = false;
  }

  /** jsonld.js, loaded, and the options for a call into it: safe mode's event handler, and a resolver and a cache of the call's own (see the header). */
  async jsonLd(): Promise<{ lib: JsonLdLib; options: Record<string, unknown> }> {
    // jsonld.js reads the context documents (the loader above): the bundled ones are loaded with it (contexts.ts).
    const [lib] = await Promise.all([loadJsonLd(), loadBundledContexts()]);
    const options = { ...this.options, eventHandler: [lib.events.safeEventHandler], contextResolver: new lib.ContextResolver({ sharedCache: new Map() }) };
    return { lib, options };
  }

  /**
   * A stable key for a local context: its JSON, memoised per object for scoped contexts (the same
   * objects every time, and ours: jsonld.js keeps them from the copies `learn` and the loader
   * hand it). A document's own (`plain`) context is serialised each time: the caller owns that
   * object and could change it between two calls.
   */
  private keyOf(local: unknown, mode: Mode): string {
    // The same string object each time: V8 hashes a string once, and a scoped context's JSON runs to kilobytes.
    if (mode !== 'plain' && typeof local === 'object' && local !== null) return scopedKey(local, mode);
    return mode + JSON.stringify(local);
  }

  /** The remembered (or precomputed) transition, or undefined when it has not been computed yet. */
  cached(active: Active, local: unknown, mode: Mode): Active | undefined {
    const learned = this.transitions.get(active);
    const key = learned ? this.keyOf(local, mode) : undefined;
    const hit = key === undefined ? undefined : learned!.get(key);
    if (hit !== undefined || this.precomputed === false) return hit;
    // Another set is compared with the bundled documents, read once loaded (with jsonld.js: the first transition learnt loads them).
    if (this.precomputed === undefined && !bundledContextsLoaded() && this.contexts !== bundledContexts()) return undefined;
    if ((this.precomputed ??= precomputedApplies(this.contexts, bundledContexts())) === false) return undefined;
    return precomputedTransition(active === this.initial ? undefined : active, local, mode, () => key ?? this.keyOf(local, mode));
  }

  /** Computes a transition with jsonld.js and remembers it. Throws what jsonld.js throws (safe mode, protected terms, unknown context). */
  async learn(active: Active, local: unknown, mode: Mode): Promise<Active> {
    const { lib, options } = await this.jsonLd();
    const next = await lib.contextApi.process({
      activeCtx: active,
      // A copy: jsonld.js changes a local context that has `@import` in place.
      localCtx: structuredClone(local),
      options,
      ...(mode === 'type' ? { propagate: false } : mode === 'property' ? { propagate: true, overrideProtected: true } : {}),
    });
    let map = this.transitions.get(active);
    if (!map) this.transitions.set(active, (map = new Map()));
    if (map.size >= MAX_TRANSITIONS) map.clear();
    map.set(this.keyOf(local, mode), next);
    return next;
  }

  expandIri(active: Active, value: string, vocab: boolean, base: boolean): string | null {
    return expandIri(active, value, vocab, base, this.options.base as string);
  }
}

let bundled: ContextSet | undefined;

/** The process-wide set over the bundled contexts, created on first use (cheap: contexts are processed lazily). */
export function bundledContextSet(): ContextSet {
  return (bundled ??= new ContextSet(bundledContexts()));
}
