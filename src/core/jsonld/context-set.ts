/**
 * Processed JSON-LD contexts, kept for the life of the process (issue 4 "process each bundled
 * context once and keep it"). Context processing itself is jsonld.js's (JSON-LD 1.1 API §4.1,
 * with @protected, type- and property-scoped contexts and @propagate), driven through a static
 * document loader that never fetches. Each transition (active context + local context + mode →
 * new active context) is computed once and remembered, so that converting a credential needs no
 * context processing at all once warm.
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

export class ContextSet {
  readonly contexts: ReadonlyMap<string, unknown>;
  /** jsonld.js processing options: static loader, safe mode, no base (reference §3.4 "safe mode"). */
  readonly options: Record<string, unknown>;
  readonly initial: Active;
  private readonly transitions = new WeakMap<Active, Map<string, Active>>();
  private readonly keys = new WeakMap<object, string>();
  /** Resolved remote (bundled) contexts, shared by every call. */
  private readonly resolved = new Map<string, unknown>();

  constructor(contexts: ReadonlyMap<string, unknown>) {
    this.contexts = contexts;
    const documentLoader = async (url: string) => {
      const document = contexts.get(url);
      if (document === undefined) throw new UnknownContextError(url);
      return { contextUrl: null, documentUrl: url, document };
    };
    this.options = { documentLoader, eventHandler: [events.safeEventHandler], base: '', safe: true };
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
      localCtx: local,
      // A resolver per call: its per-operation cache would otherwise keep every inline context seen.
      options: { ...this.options, contextResolver: new ContextResolver({ sharedCache: this.resolved }) },
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
