/**
 * How many elements an SVG's `<use>` references make a browser build when it draws the picture (SVG 2
 * §5.6: each `use` element gets a shadow tree cloning what it references, clones of nested `use`
 * elements included). References nest: a group of ten `use` of a group of ten `use`… is 10^5 clones
 * in 1 KB. Drawn in an `<img>` on the test machine, such a picture held Chromium's page about 20 s at
 * 10^5 and at 10^7 (1.4 KB) kept the popup from showing its list (hostile round 31, test/browser/
 * svg-bomb-picture.test.ts). An issuer writes a badge's picture: a picker row drawn in Gmail's,
 * Outlook's or LinkedIn's page, or the popup's list, would hang or crash there.
 *
 * Read as text in linear time (the worker has no DOMParser) by svg-markup.ts: comments and CDATA
 * sections hidden, character and entity references decoded in the attribute values read
 * (`href="&#35;g"` is `#g`). A picture whose DOCTYPE could add elements or attributes that reading
 * does not see (an entity holding markup or another reference, an attribute's default value) counts
 * as too many (Infinity), as does one naming an entity it does not declare, a reference cycle or an
 * end tag that closes another element than the last opened (browsers draw neither: no legitimate
 * picture has one), or a picture of more than MAX_ELEMENTS elements that references any. Only
 * same-document references count (`#id`): an `<img>` loads nothing else.
 *
 * Other references multiply what is drawn the same way: a pattern of ten rectangles each filled with
 * the pattern before, ten deep (6 KB), held Chromium's page over 30 s. So an element's `href` (a
 * pattern's or gradient's template, a filter's feImage) and every `url(#id)` (`URL(#id)` too) in its attributes (fill,
 * stroke, clip-path, mask, filter, markers, a style attribute) count as drawing the element named,
 * as a `use` does; not an href that only points (a link, an animation's target, a path followed). A
 * style sheet's rules (`<style>`: `.l3 rect { fill: url(#p) }`) count for every element they may
 * match (svg-style-rules.ts); a sheet that cannot be read so, or one the picture links to
 * (`<?xml-stylesheet?>`, a `link` element), counts as too many. Firefox's `-moz-element(#id)` (an
 * element's rendering as a CSS image, in a foreignObject's HTML or on an SVG element) draws the element
 * named in a picture drawn as an image too, and counts as `url(#id)` does (svg-style-rules.ts urlIds);
 * in an inherited property (`list-style-image`, `cursor`), where Lanyard cannot tell what draws it, as too many.
 *
 * Paints and markers are inherited (SVG 2 §13.2, §13.7: `fill`, `stroke`, `marker-*`): `<g
 * fill="url(#p)">` around ten rectangles draws the pattern ten times (hostile round 32: eight levels
 * of that, 3.3 KB, held Chromium's page 11 s). Each element counts the paints it inherits from the
 * nearest element setting each property (a pattern's content from the pattern's own ancestors, SVG 2
 * §14.3.2); a use's or template's clones inherit from the element referencing them (§5.6.1), so what
 * it inherits counts once per element cloned. An animation that sets a `url(#id)` of a drawn element
 * (`<set attributeName="fill" to="url(#p)">`) or an href to one (`<set attributeName="href" to="#g">` in a
 * `use`: 300 such, 18 KB, held Chromium 85 s), a custom property holding one (`--p: url(#p)`, used by
 * `var()` anywhere under it) and, beside style rules naming one, an animation of `class` or `id`
 * count as too many. `inherit` on a property that does not inherit by default (`mask="inherit"`,
 * `all: inherit`) draws what the parent's value names (svg-inherit.ts). A `data:` SVG an element embeds (`<image href="data:image/svg+xml,…">`, which a
 * picture drawn as an image still loads) is counted as part of it, two deep at most; one in a style
 * sheet or a CSS value counts as too many.
 */
import { readDataUrl } from '../../core/input/data-url.ts';
import { decodeText } from '../../core/input/text.ts';
import { InheritedRefs, INHERIT_KEYWORD, keywordOf } from './svg-inherit.ts';
import { attributes, localName, readMarkup, TAG } from './svg-markup.ts';
import { applyRules, declarations, fragmentId, styleRules, unescaped, urlIds, withoutComments, type StyleRule } from './svg-style-rules.ts';

/** The clones (and drawn references) a picture Lanyard draws may ask for: a badge picture uses a few (Figma's one per embedded image). */
export const MAX_USE_CLONES = 4096;

/**
 * The elements read of a picture that references any: past this, too many (a badge picture has a
 * few thousand at most), so that a 2 MB picture of small elements costs the worker a bounded read.
 */
export const MAX_ELEMENTS = 50_000;

/** What any reference is spelt with (a `use`, an href, url(), an entity or character reference, a CSS escape): a picture without any draws nothing twice. */
const REFERENCES = /use|url|href|element|&|\\/i;
/** A style sheet the picture links to (XML stylesheet PI, a `link` element): its rules are not read here. */
const LINKED_SHEET = /<\?xml-stylesheet|<(?:[^\s/<>!?:]+:)?link[\s/>]/i;
/** A `data:` SVG (RFC 2397), which an SVG drawn as an image still loads (its image elements, CSS images). */
const SVG_DATA = /data:\s*image\/svg\+xml/i;
/** Pictures inside pictures read: deeper, too many. */
const MAX_NESTED = 2;
/** Whether a value holds a CSS `url(` or `-moz-element(` (a function name in any case, CSS Syntax §4.3.4; svg-style-rules.ts urlIds). */
const HAS_URL = /url\(|element\(/i;
/**
 * Elements whose href points at an element without drawing it: a link, an animation's target
 * (SMIL), a path followed (mpath, textPath). An animation names its own parent: read as drawing it,
 * that was a cycle.
 */
const POINTS = new Set(['a', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'discard', 'mpath', 'textPath', 'tref']);
/** Elements that change another's attributes over time (SMIL): their `url(#id)` values are not read as set where. */
const ANIMATIONS = new Set(['animate', 'animateMotion', 'animateTransform', 'animateColor', 'set']);
/** An animation's values (SMIL `to`, `from`, `by`, `values` as a `;` list): set on an href, each `#id` is drawn by an element Lanyard cannot tell. */
const ANIMATED_VALUES = new Set(['to', 'from', 'by', 'values']);
const GRADIENTS = new Set(['linearGradient', 'radialGradient', 'meshgradient']);

/** The inherited properties that draw what they name (SVG 2 §13.2 paint, §13.7.3 markers); `marker` sets the three. */
const INHERITED = ['fill', 'stroke', 'marker-start', 'marker-mid', 'marker-end'];
const inheritedSlots = (property: string): number[] => (property === 'marker' ? [2, 3, 4] : INHERITED.includes(property) ? [INHERITED.indexOf(property)] : []);
/** Inherited properties that take an image (CSS Lists 3 §3.1, CSS UI 4 §5.1): a `-moz-element(#id)` there draws it for every list item under it. */
const INHERITED_IMAGES = new Set(['list-style', 'list-style-image', 'cursor']);
/** Values that take the parent's (CSS Cascade §7.3): they set nothing. */
const INHERIT = /^\s*(?:inherit|unset|revert|revert-layer)\s*$/i;
/** The ids one element's paint or marker may name (an attribute and its style attribute each name one). */
const MAX_PAINT_IDS = 4;

/** The number of elements `<use>` references clone when the picture is drawn; Infinity when that cannot be known. */
export function svgUseClones(svg: string, depth = 0): number {
  if (LINKED_SHEET.test(svg)) return Infinity;
  const markup = readMarkup(svg);
  if (markup === undefined) return Infinity;
  const { text, decode } = markup;
  if (!REFERENCES.test(text)) return 0;

  const parent: number[] = [];
  const children: number[][] = [];
  /** The ids each element draws: a paint, clip, mask, filter or marker's url(#…). */
  const targets: string[][] = [];
  /** The ids each element clones: a `use`'s, a pattern's or a filter image's href. */
  const clones = new Map<number, string[]>();
  /** By element × INHERITED.length + property, the ids the element's own value names ([] for a value naming none); unset, absent. */
  const painted = new Map<number, string[]>();
  /** Ids named where Lanyard cannot tell which elements draw them: an animation's values, a custom property. */
  const unplaced: string[] = [];
  let tooMany = false;
  let restyles = false;
  const ids = new Map<string, number>();
  /** Each element's local name, `class` and `id`. */
  const kinds: string[] = [];
  const classOf: string[] = [];
  const idOf: string[] = [];
  /** The text of each `<style>` element. */
  const sheets: string[] = [];
  const valueIds = new Map<string, string[]>();
  /** What properties that do not inherit by default (`filter`, `mask`, `background`…) name, and where they are set to inherit (svg-inherit.ts). */
  const inheritedRefs = new InheritedRefs();
  let inheritUnplaced = false; // an inherit Lanyard cannot place: a style sheet's, an animation's
  /** What the pictures each element embeds draw. */
  const nested = new Map<number, number>();
  /** A property's value for element e: an inherited one sets its paint, any other draws what it names. */
  const property = (e: number, prop: string, value: string): void => {
    if (tooMany) return;
    const named = valueIds.get(value) ?? valueIds.set(value, urlIds(value)).get(value)!;
    const slots = inheritedSlots(prop);
    const at = (k: number): number => e * INHERITED.length + k;
    if (ANIMATIONS.has(kinds[e]!) || prop.startsWith('--') || INHERITED_IMAGES.has(prop)) unplaced.push(...named);
    else if (!slots.length) inheritedRefs.record(e, prop, value, named, targets[e]!);
    else if (!INHERIT.test(keywordOf(value))) for (const k of slots) painted.set(at(k), [...(painted.get(at(k)) ?? []), ...named]);
    // A paint or marker names one element (SVG 2 §13.2 <paint>): one value naming many would cost each element that inherits it.
    if (slots.some((k) => (painted.get(at(k))?.length ?? 0) > MAX_PAINT_IDS)) tooMany = true;
  };
  const open: { name: string; index: number; from: number }[] = [];
  for (const m of text.matchAll(TAG)) {
    const [, closing, name = '', attrs = ''] = m;
    if (closing) {
      // A well-formed picture closes the last element opened; any other is no picture a browser draws.
      const element = open.pop();
      if (element?.name !== name) return Infinity;
      // Tags only (a `<` never closed is none: looked for to the end from each, they took their number squared).
      if (localName(name) === 'style') sheets.push(text.slice(element.from, m.index).replace(/<[^<>]*>/g, ''));
      continue;
    }
    const index = parent.length;
    if (index >= MAX_ELEMENTS) return Infinity;
    const up = open.length ? open[open.length - 1]!.index : -1;
    parent.push(up);
    children.push([]);
    targets.push([]);
    if (up >= 0) children[up]!.push(index);
    const local = localName(name);
    kinds.push(local);
    classOf.push('');
    idOf.push('');
    /** An animation's attribute, and the ids its values name (an href set so clones what it names: SVG 2 §5.6). */
    let animates = '';
    const animatedIds: string[] = [];
    for (const a of attributes(attrs)) {
      const attr = a[1]!;
      // An attribute's tabs and line breaks are spaces (XML 1.0 §3.3.3); an id is not trimmed, a URL is.
      const value = decode(a[2] ?? a[3] ?? '').replace(/[\t\n\r]/g, ' ');
      // A CSS escape could spell the id or the property otherwise (`url(#\70 1)`), or the function's name (`u\72l(#p)`,
      // `-moz-\65lement(#e)`: CSS Syntax §4.3.4 reads the name as its escapes spell it): not read here.
      if (value.includes('\\') && HAS_URL.test(unescaped(value))) return Infinity;
      if (SVG_DATA.test(value)) {
        // A picture inside the picture (an image's or feImage's data: SVG) draws what it asks for.
        const inner = localName(attr) === 'href' && depth < MAX_NESTED ? dataClones(value, depth + 1) : Infinity;
        if (inner > MAX_USE_CLONES) return Infinity;
        nested.set(index, (nested.get(index) ?? 0) + inner);
      }
      if (attr === 'id') {
        idOf[index] = value;
        if (!ids.has(value)) ids.set(value, index);
      } else if (attr === 'class') classOf[index] = value;
      else if (localName(attr) === 'href' && value.trim().startsWith('#') && !POINTS.has(local)) clones.set(index, [...(clones.get(index) ?? []), fragmentId(value.trim().slice(1))]);
      // A property's name spelt with escapes (`m\61sk`) is that property (CSS Syntax §4.3.7).
      else if (attr === 'style') for (const [p, v] of declarations(withoutComments(value))) property(index, p.includes('\\') ? unescaped(p).toLowerCase() : p, v);
      else if (inheritedSlots(attr).length || HAS_URL.test(value) || INHERIT_KEYWORD.test(keywordOf(value))) property(index, attr, value);
      if (attr === 'attributeName' && ANIMATIONS.has(local) && /^\s*(?:class|id)\s*$/.test(value)) restyles = true;
      if (attr === 'attributeName' && ANIMATIONS.has(local)) animates = localName(value.trim());
      else if (ANIMATED_VALUES.has(attr) && ANIMATIONS.has(local))
        for (const v of value.split(';')) {
          if (v.trim().startsWith('#')) animatedIds.push(fragmentId(v.trim().slice(1)));
          inheritUnplaced ||= /inherit/i.test(unescaped(v)); // `inherit` (`inh\65rit` too), or a style attribute set to one
        }
      // Too many already: read on, one element's paint written thousands of times was copied as often, each copy longer.
      if (tooMany) return Infinity;
    }
    if (animates === 'href') unplaced.push(...animatedIds);
    if (!/\/\s*$/.test(attrs)) open.push({ name, index, from: m.index + m[0].length });
  }
  const drawsElement = (id: string): boolean => ids.has(id) && !GRADIENTS.has(kinds[ids.get(id)!]!);
  const rules: StyleRule[] = [];
  for (const sheet of sheets) {
    const css = decode(sheet);
    inheritUnplaced ||= /inherit/i.test(unescaped(css));
    const read = SVG_DATA.test(css) ? undefined : styleRules(css, drawsElement);
    if (read === undefined) return Infinity;
    for (const r of read) rules.push(r);
  }
  let ruled = false;
  const drawing = rules.map((r) => ({ ...r, declarations: r.declarations.filter(([, v]) => urlIds(v).some(drawsElement)) })).filter((r) => r.declarations.length);
  const applied = applyRules(drawing, { kinds, classOf, idOf }, (e, p, v) => {
    ruled = true;
    property(e, p, v);
    return !tooMany;
  });
  if (!applied || markup.unknown || tooMany || (ruled && restyles) || unplaced.some(drawsElement)) return Infinity;
  // What an inherit of a property that does not inherit by default draws: the parent's (a use's clone's, too many).
  const clonedOnes = new Set([...clones.values()].flat().map((id) => ids.get(id)));
  if (!inheritedRefs.resolve(parent, targets, drawsElement, clonedOnes, inheritUnplaced, MAX_PAINT_IDS)) return Infinity;
  /** By element × INHERITED.length + property, the element whose value it inherits (itself when it sets one), or -1. */
  const source = new Int32Array(parent.length * INHERITED.length).fill(-1);
  if (painted.size)
    for (let e = 0; e < parent.length; e++)
      for (let k = 0; k < INHERITED.length; k++) source[e * INHERITED.length + k] = painted.has(e * INHERITED.length + k) ? e : parent[e]! >= 0 ? source[parent[e]! * INHERITED.length + k]! : -1;

  // Elements drawn for each element's subtree, clones included, by an explicit depth-first walk
  // (a chain of references thousands long would overflow the stack): -1 not seen, -2 on the path.
  const n = parent.length;
  const drawn = new Float64Array(n).fill(-1);
  const cap = MAX_USE_CLONES + n + 1;
  // A gradient draws no element (its children are stops; its href a template, one per gradient): not counted.
  const NONE: number[] = [];
  const drawnOf = (list: readonly string[] | undefined): number[] => (list?.length ? list.flatMap((id) => (drawsElement(id) ? [ids.get(id)!] : [])) : NONE);
  const refs = targets.map(drawnOf);
  const cloned = parent.map((_, e) => drawnOf(clones.get(e)));
  /** What each element draws by the paints it inherits or sets. */
  const inherits = parent.map((_, e) => {
    if (!painted.size) return NONE;
    const list: number[] = [];
    for (let k = 0; k < INHERITED.length; k++) {
      const from = source[e * INHERITED.length + k]!;
      if (from >= 0) list.push(...drawnOf(painted.get(from * INHERITED.length + k)));
    }
    return list.length ? list : NONE;
  });
  const sum = (list: readonly number[]): number => {
    let s = 0;
    for (const c of list) s += drawn[c]!;
    return s;
  };
  // Every reference counted (a use with both href and xlink:href draws one: counted twice, never less);
  // each element a clone holds inherits the referencing element's paints, an upper bound of what they draw.
  const cost = (e: number): number => {
    const paint = sum(inherits[e]!);
    return Math.min(cap, 1 + (nested.get(e) ?? 0) + sum(children[e]!) + sum(refs[e]!) + paint + sum(cloned[e]!) * (1 + paint));
  };
  for (let root = 0; root < n; root++) {
    if (drawn[root] !== -1) continue;
    const stack = [root];
    while (stack.length) {
      const e = stack[stack.length - 1]!;
      if (drawn[e]! >= 0) {
        stack.pop();
      } else if (drawn[e] === -1) {
        drawn[e] = -2;
        for (const list of [children[e]!, refs[e]!, cloned[e]!, inherits[e]!])
          for (const d of list) {
            if (drawn[d] === -2) return Infinity; // a reference to an element on the path: a cycle
            if (drawn[d] === -1) stack.push(d);
          }
      } else {
        drawn[e] = cost(e);
        stack.pop();
      }
    }
  }
  let total = 0;
  for (let e = 0; e < n; e++) if (parent[e] === -1) total = Math.min(cap, total + drawn[e]!);
  return Math.max(0, total - n);
}

/** The clones a `data:` SVG asks for; Infinity when it cannot be read. */
function dataClones(url: string, depth: number): number {
  try {
    const text = decodeText(readDataUrl(url.trim()).bytes);
    return text === undefined ? Infinity : svgUseClones(text, depth);
  } catch {
    return Infinity;
  }
}

/** Whether drawing the picture would build more than MAX_USE_CLONES clones. */
export const tooManyClones = (svg: string): boolean => svgUseClones(svg) > MAX_USE_CLONES;

/**
 * A badge's picture as the popup may draw it: a `data:` SVG (RFC 2397, base64 or percent-encoded)
 * only when it can be read and asks for no more than MAX_USE_CLONES clones; anything else as it is
 * (a hosted picture is loaded by the popup itself, where the worker cannot read it).
 */
export function drawableImage(image: string | undefined): string | undefined {
  if (image === undefined || !/^\s*data:image\/svg\+xml[;,]/i.test(image)) return image;
  return dataClones(image, 0) > MAX_USE_CLONES ? undefined : image;
}
