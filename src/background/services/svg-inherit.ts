/**
 * `inherit` on a property that does not inherit by default (CSS Cascade §7.3.1: the parent's computed
 * value, references and all), for svg-use-clones.ts: `<g mask="url(#m)">` around four rectangles
 * with `mask="inherit"` draws the mask five times. Probed in Chromium (an <img> of a data: SVG,
 * decode(), drawn into a canvas; review 36): six levels so, each mask using the level below twice
 * (2.1 KB), took 16.3 s to draw (without the inherit 23 ms; the mask written on each rectangle,
 * 13.6 s); clip-path so 0.6 s; a filter's feImage so did not multiply there (nine levels, 20 ms),
 * counted the same way all the same. Each element inheriting such a property counts what its
 * parent's value names, as its own reference; `all: inherit` inherits every one.
 */
import { unescaped, withoutComments } from './svg-style-rules.ts';

/** The CSS-wide keyword `inherit` (any case), a value on its own (read through keywordOf). */
export const INHERIT_KEYWORD = /^\s*inherit\s*$/i;

/**
 * A value as CSS reads a keyword in it: its comments spaces (§4.3.2: a comment beside the keyword), its escapes spelt (CSS
 * Syntax §4.3.7: `inh\65rit` is the ident inherit) and a last `!important` set aside (§5.4.6: no part of the
 * value). Read raw, each hid an inherit.
 */
export const keywordOf = (value: string): string => {
  const read = withoutComments(value);
  return (read.includes('\\') ? unescaped(read) : read).replace(/!\s*important\s*$/i, '');
};

/**
 * A property's family, its shorthand's and longhands' (`mask-image`, `-webkit-mask` are `mask`'s;
 * `border` resets `border-image`): an inherit of one takes the others' too (more counted, never less).
 */
const family = (prop: string): string => prop.replace(/^-[a-z]+-/, '').split('-')[0]!;

/** Families of properties naming a drawn element, past which a picture with any inherit counts as too many. */
const MAX_FAMILIES = 16;

/** The references an inherit passes on, read per element as the picture is read. */
export class InheritedRefs {
  /** By family, each element's own ids; and the elements setting one of the family (or `all`) to inherit. */
  private readonly own = new Map<string, Map<number, string[]>>();
  private readonly inheriting = new Map<string, number[]>();

  /** Element e's value of a property that does not inherit by default, and the ids it names (added to the element's `targets`). */
  record(e: number, prop: string, value: string, named: readonly string[], targets: string[]): void {
    targets.push(...named);
    const key = family(prop);
    if (named.length) {
      const own = this.own.get(key) ?? this.own.set(key, new Map()).get(key)!;
      (own.get(e) ?? own.set(e, []).get(e)!).push(...named);
    }
    if (INHERIT_KEYWORD.test(keywordOf(value))) (this.inheriting.get(key) ?? this.inheriting.set(key, []).get(key)!).push(e);
  }

  /**
   * Adds to `targets` what each element inheriting draws: its parent's own or inherited ids (parents
   * come first). False, too many, when an inherit cannot be placed (`unplaced`: a style sheet's, an
   * animation's) or inherits from a use (a cloned element: SVG 2 §5.6.1, not told apart here) while
   * such a property names a drawn element, or when one element would inherit more than `maxIds` ids.
   */
  resolve(parent: readonly number[], targets: string[][], draws: (id: string) => boolean, cloned: ReadonlySet<number | undefined>, unplaced: boolean, maxIds: number): boolean {
    const drawing = [...this.own].filter(([, own]) => [...own.values()].some((list) => list.some(draws)));
    // Each family is walked for every `all: inherit`: more than a picture's few (filter, mask, clip-path…), too many, in linear work.
    if (drawing.length && (unplaced || (drawing.length > MAX_FAMILIES && this.inheriting.size))) return false;
    for (const [key, own] of drawing) {
      const from = new Map<number, string[]>();
      for (const e of [...(this.inheriting.get(key) ?? []), ...(this.inheriting.get('all') ?? [])].sort((a, b) => a - b)) {
        const list = [...new Set([...(own.get(parent[e]!) ?? []), ...(from.get(parent[e]!) ?? [])])];
        if (list.length > maxIds || cloned.has(e)) return false;
        from.set(e, list);
        targets[e]!.push(...list);
      }
    }
    return true;
  }
}
