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
 * a picture counts as too many (Infinity), as does a reference cycle or an end tag that closes
 * another element than the last opened (browsers draw neither: no legitimate picture has one), or a
 * picture of more than MAX_ELEMENTS elements with a `use` among them. Only same-document references
 * count (`#id`): an `<img>` loads nothing else. A `use` with both `href` and `xlink:href` is counted
 * by the larger. Other references (patterns, filters, markers) are drawn, not cloned, and not counted.
 */

import { readDataUrl } from '../../core/input/data-url.ts';
import { decodeText } from '../../core/input/text.ts';

/** The clones a picture Lanyard draws may ask for: a badge picture uses a few (Figma's one per embedded image). */
export const MAX_USE_CLONES = 4096;

/**
 * The elements read of a picture that has a `use` element: past this, too many (a badge picture has a
 * few thousand at most), so that a 2 MB picture of small elements costs the worker a bounded read.
 */
export const MAX_ELEMENTS = 50_000;

/** A `use` element's start tag, under any prefix: a picture without one clones nothing. */
const USE = /<([^\s<>/!?]*:)?use[\s/>]/;
/** Markup that holds no elements. */
const HIDDEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)/g;
/** A start or end tag; an attribute value never holds `<` (XML 1.0 §3.1 AttValue), so no match runs past the next tag. */
const TAG = /<(\/?)([^\s/<>!?]+)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:"([^"]*)"|'([^']*)'|[^>]*)/g;
const REF = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([^\s;&<]+));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

/** The number of elements `<use>` references clone when the picture is drawn; Infinity when that cannot be known. */
export function svgUseClones(svg: string): number {
  const text = svg.replace(HIDDEN, '');
  const entities = new Map<string, string>();
  for (const m of text.matchAll(ENTITY)) {
    const value = m[3] ?? m[4];
    // A parameter entity, an external one, or one whose text holds markup or references: not read here.
    if (m[1] || value === undefined || /[<&%]/.test(value)) return Infinity;
    if (!entities.has(m[2]!)) entities.set(m[2]!, value);
  }
  if (!USE.test(text)) return 0;
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
  /** For a `use`: the ids it references (href, xlink:href). */
  const targets: string[][] = [];
  const ids = new Map<string, number>();
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
    const isUse = localName(name) === 'use';
    for (const a of attrs.matchAll(ATTR)) {
      const attr = a[1]!;
      // An attribute's tabs and line breaks are spaces (XML 1.0 §3.3.3); an id is not trimmed, a URL is.
      const value = decode(a[2] ?? a[3] ?? '').replace(/[\t\n\r]/g, ' ');
      if (attr === 'id' && !ids.has(value)) ids.set(value, index);
      else if (isUse && localName(attr) === 'href' && value.trim().startsWith('#')) targets[index]!.push(fragmentId(value.trim()));
    }
    if (!/\/\s*$/.test(attrs)) open.push({ name, index });
  }
  if (unknown) return Infinity;

  // Elements drawn for each element's subtree, clones included, by an explicit depth-first walk
  // (a chain of references thousands long would overflow the stack): -1 not seen, -2 on the path.
  const n = parent.length;
  const drawn = new Float64Array(n).fill(-1);
  const cap = MAX_USE_CLONES + n + 1;
  const refs = (e: number): number[] => targets[e]!.flatMap((id) => (ids.has(id) ? [ids.get(id)!] : []));
  // A use with two references: both are walked, the larger counted (the browser draws one).
  const cost = (e: number): number => {
    const own = children[e]!.reduce((s, c) => s + drawn[c]!, 1);
    return Math.min(cap, own + Math.max(0, ...refs(e).map((t) => drawn[t]!)));
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
