/**
 * How many elements an SVG's `<use>` references make a browser build when it draws the picture (SVG 2
 * §5.6: each `use` element gets a shadow tree cloning what it references, clones of nested `use`
 * elements included). References nest: a group of ten `use` of a group of ten `use`… is 10^5 clones
 * in 1 KB. Drawn in an `<img>` on the test machine, such a picture held Chromium's page about 20 s at
 * 10^5 and at 10^7 (1.4 KB) kept the popup from showing its list (hostile round 31, test/browser/
 * svg-bomb-picture.test.ts). An issuer writes a badge's picture: a picker row drawn in Gmail's,
 * Outlook's or LinkedIn's page, or the popup's list, would hang or crash there.
 *
 * Read as text, as unbaked-svg.ts reads it (the worker has no DOMParser), in linear time: comments,
 * CDATA sections and processing instructions hold no elements; character references and the five
 * predefined entities are decoded in the attribute values read (`href="&#35;g"` is `#g`), and so are
 * the internal entities a DOCTYPE declares as plain text (Illustrator's namespace entities); an entity
 * whose text holds markup or another reference could add elements this reading does not see, so such
 * a picture counts as too many (Infinity), as does a DOCTYPE giving attributes a default value (the
 * parser adds them unseen), a reference cycle or an end tag that closes another element than the last
 * opened (browsers draw neither: no legitimate picture has one), or a
 * picture of more than MAX_ELEMENTS elements that references any. Only same-document references
 * count (`#id`): an `<img>` loads nothing else, but for the `data:` SVG an `<image>` draws, whose own
 * clones are counted as drawn by that element (nestedClones).
 *
 * Other references multiply what is drawn the same way: a pattern of ten rectangles each filled with
 * the pattern before, ten deep (6 KB), held Chromium's page over 30 s. So an element's `href` (a
 * pattern's or gradient's template, a filter's feImage) and every `url(#id)` in its attributes (fill,
 * stroke, clip-path, mask, filter, markers, a style attribute) count as drawing the element named,
 * as a `use` does; not an href that only points (a link, an animation's target, a path followed). A
 * style sheet's rules (`<style>`: `.a { fill: url(#p) }`) are not matched to elements here: a picture
 * nesting references only through them is not counted (a known limit).
 */

import { readDataUrl } from '../../core/input/data-url.ts';
import { decodeText } from '../../core/input/text.ts';

/** The clones (and drawn references) a picture Lanyard draws may ask for: a badge picture uses a few (Figma's one per embedded image). */
export const MAX_USE_CLONES = 4096;

/**
 * The elements read of a picture that references any: past this, too many (a badge picture has a
 * few thousand at most), so that a 2 MB picture of small elements costs the worker a bounded read.
 */
export const MAX_ELEMENTS = 50_000;

/** What any reference is spelt with (a `use`, an href, url(), an entity or character reference): a picture without any draws nothing twice. */
const REFERENCES = /use|url|href|&/i;
/** Markup that holds no elements. */
const HIDDEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)/g;
/** A start or end tag; an attribute value never holds `<` (XML 1.0 §3.1 AttValue), so no match runs past the next tag. */
const TAG = /<(\/?)([^\s/<>!?]+)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:"([^"]*)"|'([^']*)'|[^>]*)/g;
/**
 * An attribute list declaration giving a default value (XML 1.0 §3.3.2, `#FIXED` or not): the parser puts that
 * attribute on every element of its name that lacks it (Chromium does: an href, a fill, an id), unseen here.
 */
const ATTLIST = /<!ATTLIST\s[^>"']*(["']?)/g;
const REF = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([^\s;&<]+));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** `url(#id)` in a presentation attribute or a style attribute (CSS Values §4.5), `URL(` too (CSS Syntax §4.3.4: ASCII case-insensitive). */
const URL_REF = /url\(\s*['"]?\s*#([^'")]*)/gi;
/**
 * Elements whose href points at an element without drawing it: a link, an animation's target
 * (SMIL), a path followed (mpath, textPath). An animation names its own parent: read as drawing it,
 * that was a cycle.
 */
const POINTS = new Set(['a', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'discard', 'mpath', 'textPath', 'tref']);

const GRADIENTS = new Set(['linearGradient', 'radialGradient', 'meshgradient']);

const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

/**
 * A `data:` SVG drawn inside the picture (an `<image>` or `<feImage>`): an `<img>` loads no other address,
 * but draws that one, and its own clones with it (Chromium drew a 10^5 use bomb so in 48 s). Counted as
 * drawn by the element naming it, nested at most this deep (each level is read again: bounded work).
 */
const MAX_NESTED = 2;
const SVG_DATA = /data:\s*image\/svg\+xml/i;

/** The number of elements `<use>` references clone when the picture is drawn; Infinity when that cannot be known. */
export const svgUseClones = (svg: string): number => clonesOf(svg, 0);

/** The clones of a `data:` URL drawn inside a picture `depth` deep: none for a raster picture; Infinity for an SVG that cannot be read. */
function nestedClones(url: string, depth: number): number {
  // Its media type as the browser reads it (trimmed, any case: Fetch §4.6 "data: URL processor"), before its data is decoded.
  const comma = url.indexOf(',');
  if (comma < 0 || url.slice(5, comma).split(';')[0]!.trim().toLowerCase() !== 'image/svg+xml') return 0;
  if (depth >= MAX_NESTED) return Infinity;
  try {
    const text = decodeText(readDataUrl(url).bytes);
    return text === undefined ? Infinity : clonesOf(text, depth + 1);
  } catch {
    return Infinity;
  }
}

function clonesOf(svg: string, depth: number): number {
  const text = svg.replace(HIDDEN, '');
  const entities = new Map<string, string>();
  for (const m of text.matchAll(ENTITY)) {
    const value = m[3] ?? m[4];
    // A parameter entity, an external one, or one whose text holds markup or references: not read here.
    if (m[1] || value === undefined || /[<&%]/.test(value)) return Infinity;
    if (!entities.has(m[2]!)) entities.set(m[2]!, value);
  }
  // Each match ends at the declaration's first quote, its end or the text's: read once, in linear work.
  for (const m of text.matchAll(ATTLIST)) if (m[1]) return Infinity;
  if (!REFERENCES.test(text)) return 0;
  let unknown = false;
  const decode = (raw: string): string =>
    raw.indexOf('&') < 0
      ? raw
      : raw.replace(REF, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
          if (name === undefined) {
            const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
            return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
          }
          const v = PREDEFINED[name] ?? entities.get(name);
          if (v === undefined) unknown = true;
          return v ?? all;
        });

  const parent: number[] = [];
  const children: number[][] = [];
  /** The ids each element draws: a `use` or pattern's href, a paint, clip, mask, filter or marker's url(#…). */
  const targets: string[][] = [];
  const ids = new Map<string, number>();
  /** Each element's local name. */
  const kinds: string[] = [];
  /** The clones of the SVG pictures each element draws inside this one (nestedClones). */
  const inside: number[] = [];
  const open: { name: string; index: number }[] = [];
  for (const m of text.matchAll(TAG)) {
    const [, closing, name = '', attrs = ''] = m;
    if (closing) {
      // A well-formed picture closes the last element opened; any other is no picture a browser draws.
      if (open.pop()?.name !== name) return Infinity;
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
    inside.push(0);
    for (const a of attrs.matchAll(ATTR)) {
      const attr = a[1]!;
      // An attribute's tabs and line breaks are spaces (XML 1.0 §3.3.3); an id is not trimmed, a URL is.
      const value = decode(a[2] ?? a[3] ?? '').replace(/[\t\n\r]/g, ' ');
      const data = localName(attr) === 'href' && /^data:/i.test(value.trim());
      if (data || SVG_DATA.test(value)) {
        // Anywhere but as an href's whole address (a CSS url() of one, say) an SVG one is not read here.
        const clones = data ? nestedClones(value.trim(), depth) : Infinity;
        if (clones > MAX_USE_CLONES) return Infinity;
        inside[index]! += clones;
        continue;
      }
      if (attr === 'id' && !ids.has(value)) ids.set(value, index);
      else if (localName(attr) === 'href' && value.trim().startsWith('#') && !POINTS.has(local)) targets[index]!.push(fragmentId(value.trim()));
      else if (/url\(/i.test(value)) {
        // A CSS escape could spell the id otherwise (`url(#\70 1)`): not read here.
        if (value.includes('\\')) return Infinity;
        for (const u of value.matchAll(URL_REF)) targets[index]!.push(fragmentId(`#${u[1]!.trim()}`));
      }
    }
    if (!/\/\s*$/.test(attrs)) open.push({ name, index });
  }
  if (unknown) return Infinity;

  // Elements drawn for each element's subtree, clones included, by an explicit depth-first walk
  // (a chain of references thousands long would overflow the stack): -1 not seen, -2 on the path.
  const n = parent.length;
  const drawn = new Float64Array(n).fill(-1);
  const cap = MAX_USE_CLONES + n + 1;
  // A gradient draws no element (its children are stops; its href a template, one per gradient): not counted.
  const refs = (e: number): number[] => targets[e]!.flatMap((id) => (ids.has(id) && !GRADIENTS.has(kinds[ids.get(id)!]!) ? [ids.get(id)!] : []));
  // Every reference counted (a use with both href and xlink:href draws one: counted twice, never less).
  const cost = (e: number): number => Math.min(cap, [...children[e]!, ...refs(e)].reduce((s, c) => s + drawn[c]!, 1 + inside[e]!));
  for (let root = 0; root < n; root++) {
    if (drawn[root] !== -1) continue;
    const stack = [root];
    while (stack.length) {
      const e = stack[stack.length - 1]!;
      if (drawn[e]! >= 0) {
        stack.pop();
      } else if (drawn[e] === -1) {
        drawn[e] = -2;
        for (const d of [...children[e]!, ...refs(e)]) {
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

/** The id a `#…` reference names, percent-decoded as the URL parser's fragment is read for it. */
function fragmentId(ref: string): string {
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
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
  try {
    const text = decodeText(readDataUrl(image.trim()).bytes);
    return text !== undefined && !tooManyClones(text) ? image : undefined;
  } catch {
    return undefined;
  }
}
