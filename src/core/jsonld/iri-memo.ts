/**
 * Expanded IRIs, per context set and active context, for vocabulary expansion with and without base:
 * jsonld.js `expandIri` without a local context is a pure function of those (it reads the term
 * definitions, @vocab and @base of an active context, which is never changed once made, and the
 * set's base), and every credential expands the same few terms and types again and again (to-rdf.ts).
 * Bounded: a map is emptied when it reaches MAX_MEMO names.
 */
import type { Active, ContextSet } from './context-set.ts';

const MAX_MEMO = 4096;

/** `set.expandIri(active, value, true, base)`, memoised. */
export type VocabIri = (active: Active, value: string, base: boolean) => string | null;

const expanders = new WeakMap<ContextSet, VocabIri>();

/** The set's memoised vocabulary expansion (one per set, its memo kept with it). */
export function vocabIriOf(set: ContextSet): VocabIri {
  let expand = expanders.get(set);
  if (expand) return expand;
  const memo = new WeakMap<Active, Map<string, string | null>[]>();
  expand = (active, value, base) => {
    let maps = memo.get(active);
    if (!maps) memo.set(active, (maps = [new Map(), new Map()]));
    const map = maps[base ? 1 : 0]!;
    let e = map.get(value);
    if (e === undefined) {
      e = set.expandIri(active, value, true, base);
      if (map.size >= MAX_MEMO) map.clear();
      map.set(value, e);
    }
    return e;
  };
  expanders.set(set, expand);
  return expand;
}
