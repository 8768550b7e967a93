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
 */
import contextApi from 'jsonld/lib/context.js';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import events from 'jsonld/lib/events.js';
import { bundledContexts } from './contexts.ts';
import { UnknownContextError } from './errors.ts';

export type Active = JsonLdActiveContext;

/** How a local context is applied: plain (@context in the document), type-scoped, property-scoped. */
export type Mode = 'plain' | 'type' | 'property';

const MAX_TRANSITIONS = 512;

type Cloneable = Active & { clone(): Cloneable; inverse: unknown; getInverse: unknown; revertToPreviousContext: unknown };

/**
 * jsonld.js context.js `_cloneActiveContext`, without its deep copy of every term definition
 * (and of the scoped contexts they hold) on each context transition: that copy is most of the
 * cost of processing a credential's contexts the first time. jsonld.js only ever adds new
 * definition objects and never changes one once made (context.js `createTermDefinition`), so
 * sharing them is safe; the Map and the protected set, which processing does change, are copied.
 * Same members as the original, so behaviour is the same (the differential tests check it).
 */
function shareClone(this: Cloneable): Cloneable {
  const child = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  } as Cloneable;
  if (this.previousContext) child.previousContext = (this.previousContext as Cloneable).clone();
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

/** Options for a set other than the bundled one (tests: the W3C suite's base IRI and processing mode). */
export interface ContextSetOptions {
  /** The document base IRI (JSON-LD 1.1 API `base`); credentials have none. */
  base?: string;
  processingMode?: 'json-ld-1.0' | 'json-ld-1.1';
}

export class ContextSet {
  readonly contexts: ReadonlyMap<string, unknown>;
  /** jsonld.js processing options: static loader, safe mode, no base (reference §3.4 "safe mode"). */
  readonly options: Record<string, unknown>;
  readonly initial: Active;
  private readonly transitions = new WeakMap<Active, Map<string, Active>>();
  /** Per mode, the memo key of each scoped context object (the whole key string, so a lookup hashes no new string). */
  private readonly keys = { type: new WeakMap<object, string>(), property: new WeakMap<object, string>() };

  constructor(contexts: ReadonlyMap<string, unknown>, setOptions: ContextSetOptions = {}) {
    this.contexts = contexts;
    const documentLoader = async (url: string) => {
      const document = contexts.get(url);
      if (document === undefined) throw new UnknownContextError(url);
      // A copy: jsonld.js merges an `@import`ed context into the importing one in place.
      return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
    };
    this.options = { documentLoader, eventHandler: [events.safeEventHandler], base: setOptions.base ?? '', safe: true };
    if (setOptions.processingMode) this.options.processingMode = setOptions.processingMode;
    // A child of jsonld's shared initial context, so that the cheaper clone below stays ours.
    const initial = (contextApi.getInitialContext(this.options) as Cloneable).clone();
    initial.clone = shareClone;
    this.initial = initial;
  }

  /**
   * A stable key for a local context: its JSON, memoised per object for scoped contexts (the same
   * objects every time, and ours: jsonld.js keeps them from the copies `learn` and the loader
   * hand it). A document's own (`plain`) context is serialised each time: the caller owns that
   * object and could change it between two calls.
   */
  private keyOf(local: unknown, mode: Mode): string {
    if (mode !== 'plain' && typeof local === 'object' && local !== null) {
      // The same string object each time: V8 hashes a string once, and a scoped context's JSON runs to kilobytes.
      const memo = this.keys[mode];
      let k = memo.get(local);
      if (k === undefined) {
        k = mode + JSON.stringify(local);
        memo.set(local, k);
      }
      return k;
    }
    return mode + JSON.stringify(local);
  }

  /** The remembered transition, or undefined when it has not been computed yet. */
  cached(active: Active, local: unknown, mode: Mode): Active | undefined {
    return this.transitions.get(active)?.get(this.keyOf(local, mode));
  }

  /** Computes a transition with jsonld.js and remembers it. Throws what jsonld.js throws (safe mode, protected terms, unknown context). */
  async learn(active: Active, local: unknown, mode: Mode): Promise<Active> {
    const next = await contextApi.process({
      activeCtx: active,
      // A copy: jsonld.js changes a local context that has `@import` in place.
      localCtx: structuredClone(local),
      // A resolver and a cache per call: nothing jsonld.js memoises outlives the call (see the header).
      options: { ...this.options, contextResolver: new ContextResolver({ sharedCache: new Map() }) },
      ...(mode === 'type' ? { propagate: false } : mode === 'property' ? { propagate: true, overrideProtected: true } : {}),
    });
    let map = this.transitions.get(active);
    if (!map) this.transitions.set(active, (map = new Map()));
    if (map.size >= MAX_TRANSITIONS) map.clear();
    map.set(this.keyOf(local, mode), next);
    return next;
  }

  expandIri(active: Active, value: string, vocab: boolean, base: boolean): string | null {
    return contextApi.expandIri(active, value, { vocab, base }, this.options);
  }
}

let bundled: ContextSet | undefined;

/** The process-wide set over the bundled contexts, created on first use (cheap: contexts are processed lazily). */
export function bundledContextSet(): ContextSet {
  return (bundled ??= new ContextSet(bundledContexts()));
}
