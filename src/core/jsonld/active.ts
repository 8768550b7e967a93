/**
 * Active contexts as jsonld.js 9 makes them (context.js `getInitialContext`, `_cloneActiveContext`,
 * `_revertToPreviousContext`), built here so that an active context exists before jsonld.js is
 * loaded (load-jsonld.ts): the initial context of a ContextSet and the precomputed ones
 * (precomputed.ts). Same members as jsonld.js's, so jsonld.js processes them as its own.
 */
import { jsonLdLoaded } from './load-jsonld.ts';

export type Active = JsonLdActiveContext;

export type Cloneable = Active & { clone(): Cloneable; inverse: unknown; getInverse(): unknown; revertToPreviousContext(): Active };

/**
 * jsonld.js context.js `_cloneActiveContext`, without its deep copy of every term definition
 * (and of the scoped contexts they hold) on each context transition: that copy is most of the
 * cost of processing a credential's contexts the first time. jsonld.js only ever adds new
 * definition objects and never changes one once made (context.js `createTermDefinition`), so
 * sharing them is safe; the Map and the protected set, which processing does change, are copied.
 * Same members as the original, so behaviour is the same (the differential tests check it).
 */
export function shareClone(this: Cloneable): Cloneable {
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

/** jsonld.js context.js `_revertToPreviousContext`. */
export function revertToPreviousContext(this: Cloneable): Active {
  return this.previousContext ? (this.previousContext as Cloneable).clone() : this;
}

/** jsonld.js context.js `_createInverseContext` (compaction only: jsonld.js is loaded whenever jsonld.js code calls it). */
export function getInverse(this: Cloneable): unknown {
  const lib = jsonLdLoaded();
  if (!lib) throw new Error('jsonld.js is not loaded');
  return lib.initialMethods.getInverse.call(this);
}

/** An initial active context: jsonld.js `getInitialContext(options).clone()`, with the cheaper clone. */
export function initialContext(): Cloneable {
  return { mappings: new Map(), clone: shareClone, inverse: null, getInverse, protected: {}, revertToPreviousContext } as unknown as Cloneable;
}
