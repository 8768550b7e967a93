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
 * protected terms may be overridden, JSON-LD 1.1 API §4.1.2 step 5.13 / §4.1.1 `override protected`,
 * and whether the context propagates). jsonld.js also memoises processed contexts, in each
 * `ResolvedContext`, keyed by the active context object ONLY (ResolvedContext.js `getProcessed`):
 * sound inside jsonld.js, whose expansion hands every node a fresh clone, but not here, where one
 * active context object is reached again and again, from documents of every kind, in both modes. A
 * result computed for a property-scoped context (overriding protected terms allowed) was then
 * returned for the same context embedded in a node (where it must be refused): issue 11, a
 * tampered credential called valid, in one document or primed by an earlier one. So jsonld.js's
 * resolutions are shared only within one mode (`resolvedBy`), and only for bundled contexts
 * (inline contexts are resolved afresh each time, so nothing a document carries outlives it).
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

/**
 * jsonld.js ContextResolver's `sharedCache` (URL or inline context JSON → tag → ResolvedContext),
 * keeping only the contexts of the set: an inline context from a document is never kept.
 */
class BundledResolutions {
  private readonly map = new Map<string, unknown>();
  constructor(private readonly contexts: ReadonlyMap<string, unknown>) {}
  get(key: string): unknown {
    return this.map.get(key);
  }
  set(key: string, value: unknown): this {
    if (this.contexts.has(key)) this.map.set(key, value);
    return this;
  }
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
  private readonly keys = new WeakMap<object, string>();
  /**
   * Resolved bundled contexts, shared by every call in the same mode: [protected terms kept,
   * overriding allowed]. Their jsonld.js processed-context memo is keyed by the active context
   * alone, so one mode must never see the other's results (see the header).
   */
  private readonly resolvedBy: [BundledResolutions, BundledResolutions];

  constructor(contexts: ReadonlyMap<string, unknown>, setOptions: ContextSetOptions = {}) {
    this.contexts = contexts;
    this.resolvedBy = [new BundledResolutions(contexts), new BundledResolutions(contexts)];
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

  /** A stable key for a local context: its JSON, memoised per object (scoped contexts are the same objects every time). */
  private keyOf(local: unknown, mode: Mode): string {
    if (typeof local === 'object' && local !== null) {
      let k = this.keys.get(local);
      if (k === undefined) {
        k = JSON.stringify(local);
        this.keys.set(local, k);
      }
      return mode + k;
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
      // A resolver per call (its per-operation cache holds inline contexts), over the resolutions of this mode.
      options: { ...this.options, contextResolver: new ContextResolver({ sharedCache: this.resolvedBy[mode === 'property' ? 1 : 0] }) },
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
