/**
 * The rules of an SVG's style sheets (`<style>`) that name elements by `url(#id)`, read for
 * svg-use-clones.ts, which counts what a picture draws: `.l3 rect { fill: url(#p2) }` makes every
 * rectangle under `.l3` draw the pattern p2 (hostile round 32: patterns eight deep nested only
 * through such rules, 3.3 KB, held Chromium's page 33 s drawn in an <img>).
 *
 * Read so that a rule is taken to match more elements than it does, never fewer. Each selector is
 * reduced to the compound naming the element styled (its last: combinators only narrow, Selectors 4
 * §3.1), and of that to its type, classes and id: `*`, attribute selectors, pseudo-classes and the
 * nesting selector `&` are left out, a functional pseudo-class (`:is(…)`, `:not(…)`) makes it match
 * every element. A rule inside `@keyframes` may apply to any element an animation names: every
 * element. A sheet Lanyard cannot read so is `undefined` (counted as too many by the caller): a CSS
 * escape (`\70`) spelling a reference to a drawn element, `@import` or a data: SVG, a `url(#…)` not inside a rule's own declarations (a nested rule's parent,
 * an at-rule's descriptors such as `@property`'s `initial-value`), a string left open. Its text is read as
 * CSS tokenizes it (CSS Syntax §4): a string, an unquoted url(…) token and a bracket hold no comment, no end
 * of a declaration and no end of a block (`url(#p;1)`, `"/*"`, `:is(} .x, *)`). Linear in the sheet's length.
 */

import { linearMatches } from '../../core/input/linear-matches.ts';

/** Which elements a selector may match: undefined members match any; `every` any element at all. */
export interface Subject {
  readonly every: boolean;
  readonly type?: string;
  readonly id?: string;
  readonly classes: readonly string[];
}

export interface StyleRule {
  readonly subjects: readonly Subject[];
  /** Its declarations naming an element by url(#id), `[property, value]`, property in lower case. */
  readonly declarations: readonly (readonly [string, string])[];
}

/**
 * `url(#id)` as CSS writes it (CSS Values §4.5; a function's name in any case, CSS Syntax §4.3.4): quoted,
 * the id runs to the closing quote (`url("#a)b")` names `a)b`); unquoted, to the `)` (CSS Syntax §4.3.6).
 */
export const URL_REF = /url\(\s*(?:"\s*#([^"]*)|'\s*#([^']*)|#([^'")]*))|element\(\s*#([-\w\u0080-\uffff]*)/gi;
/**
 * A declaration of a block (CSS Syntax §5.3.8), a quoted string and an unquoted url(…) token kept whole (a `;`
 * in `url(#p;1)` is the id's), tried where it may start (`declarations`).
 */
const DECLARATION = /([^:;]+):((?:url\(\s*[^\s"')][^)]*\)?|[^;"']|"[^"]*"|'[^']*')*)/iy;
/** What a declaration failing at a place cannot start before: the next `:` or `;`, and past it. */
const NO_DECLARATION = /[^:;]*[:;]?/y;
const EVERY: Subject = { every: true, classes: [] };

/**
 * The rules of a style sheet whose declarations name an element by url(#id); undefined when the
 * sheet cannot be read so. `draws` says whether an id names an element that draws (a CSS escape
 * matters only where it could spell a reference to one).
 */
export function styleRules(sheet: string, draws: (id: string) => boolean): StyleRule[] | undefined {
  const css = withoutComments(sheet);
  if (/@import/i.test(css)) return undefined;
  if (css.includes('\\')) {
    // Read as what its escapes could spell (CSS Syntax §4.3.7): `u\72l(#p)`, `url(#\70 1)`.
    const spelt = unescaped(css);
    // An import spelt so (`@\69mport`: Chromium loads its data: sheet in an <img>) or a data: SVG: not read here either.
    return /@import|data:\s*image\/svg\+xml/i.test(spelt) || urlIds(spelt).some(draws) ? undefined : [];
  }
  if (!countUrls(css)) return [];
  const rules: StyleRule[] = [];
  /** The open blocks' preludes (selectors or at-rules), and whether each holds another block. */
  const open: { prelude: string; start: number; nested: boolean; keyframes: boolean }[] = [];
  let start = 0;
  let inRules = 0;
  /** The closers the open `(`, `[` (and `{` inside them) wait for: a `}` or `;` there ends no block (CSS Syntax §5.4.8). */
  const brackets: string[] = [];
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      if (end < 0 || /\n/.test(css.slice(i, end))) return undefined;
      i = end;
    } else if (urlTokenAt(css, i)) {
      // An unquoted url(…) is one token to its `)`: `url(#p}1)` names `p}1` and ends no block.
      i = css.indexOf(')', i);
      if (i < 0) return undefined;
    } else if (c === '(' || c === '[' || (brackets.length && c === '{')) {
      brackets.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    } else if (brackets.length) {
      if (c === brackets[brackets.length - 1]) brackets.pop();
    } else if (c === '{') {
      const outer = open[open.length - 1];
      if (outer) outer.nested = true;
      const prelude = css.slice(start, i).trim();
      // Inside `@keyframes` at any depth, known when opened: looking through every open block for each rule took depth × rules.
      open.push({ prelude, start: i + 1, nested: false, keyframes: !!outer?.keyframes || /^@(?:-\w+-)?keyframes\b/i.test(prelude) });
      start = i + 1;
    } else if (c === '}') {
      const block = open.pop();
      if (block && !block.nested) {
        const body = css.slice(block.start, i);
        const named = countUrls(body);
        if (named) {
          if (block.prelude.startsWith('@')) return undefined;
          inRules += named;
          rules.push({ subjects: block.keyframes ? [EVERY] : subjects(block.prelude), declarations: declarations(body).filter(([, v]) => countUrls(v)) });
        }
      }
      start = i + 1;
    } else if (c === ';' && !open.length) start = i + 1;
  }
  return inRules === countUrls(css) ? rules : undefined;
}

/** CSS as its escapes spell it (CSS Syntax §4.3.7): `u\72l(#p)`, `inh\65rit`. */
export const unescaped = (css: string): string =>
  css.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([\s\S])/g, (_, hex: string | undefined, c: string | undefined) => (hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : c!));

const countUrls = (text: string): number => [...text.matchAll(URL_REF)].length;

/**
 * The ids a value's `url(#id)` references name, and its `-moz-element(#id)` (an element's rendering as an
 * image, CSS Images 4 §3.3 `element()`, which Firefox draws, prefixed, in an SVG drawn as an image too:
 * a foreignObject's `background: -moz-element(#e8) …` four times a level, nine levels (4 KB), held
 * Firefox ESR 153 about 30 s drawing the <img>, review 36). Its id is a CSS hash token (CSS Syntax
 * §4.3.1), no URL: read up to the first character that is no name's, never percent-decoded.
 */
export const urlIds = (value: string): string[] => [...value.matchAll(URL_REF)].map((u) => (u[4] !== undefined ? u[4] : fragmentId((u[1] ?? u[2] ?? u[3]!).trim())));

/** Whether an unquoted url(…) token starts at `i` (CSS Syntax §4.3.4: `url(` as a whole name, no quote after its spaces). */
const URL_TOKEN = /url\(\s*[^\s"']/iy;
function urlTokenAt(css: string, i: number): boolean {
  if ((css[i] !== 'u' && css[i] !== 'U') || (i > 0 && /[-\w\u0080-\uffff\\]/.test(css[i - 1]!))) return false;
  URL_TOKEN.lastIndex = i;
  return URL_TOKEN.test(css);
}

/**
 * The CSS without its comments, each a space (CSS Syntax §4.3.2), in linear work. A `/*` inside a string or an
 * unquoted url(…) token is that token's text, not a comment: `font-family: "/*"` hid every declaration up to the
 * next `*\/`, one drawing a pattern among them. An escaped character (`\"`) is read past as the tokenizer does.
 */
export function withoutComments(css: string): string {
  if (!css.includes('/*')) return css;
  let out = '';
  let from = 0;
  const past = (i: number, end: (c: string) => boolean): number => {
    for (; i < css.length; i++) {
      if (css[i] === '\\') i++;
      else if (end(css[i]!)) return i + 1;
    }
    return i;
  };
  for (let i = 0; i < css.length; ) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      out += `${css.slice(from, i)} `;
      i = from = end < 0 ? css.length : end + 2;
    } else if (c === '\\') i += 2;
    else if (c === '"' || c === "'") i = past(i + 1, (d) => d === c || d === '\n');
    else if (urlTokenAt(css, i)) i = past(i + 4, (d) => d === ')');
    else i++;
  }
  return out + css.slice(from);
}

/** The id a fragment names, percent-decoded as the URL parser's fragment is read for it. */
export function fragmentId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** A style attribute's or block's declarations, as a global match of DECLARATION reads them, in linear work. */
export const declarations = (body: string): [string, string][] => linearMatches(DECLARATION, NO_DECLARATION, body).map((d) => [d[1]!.trim().toLowerCase(), d[2]!]);

/** What each selector of a list may match, as its last compound says. */
function subjects(selectors: string): Subject[] {
  // A functional pseudo-class, an attribute selector or a string: what it matches is not read here.
  if (/[("'[]/.test(selectors)) return [EVERY];
  return selectors.split(',').map((selector) => {
    const compound = selector.trim().split(/[\s>+~]+/).pop() ?? '';
    const bare = compound.replace(/::?[^.#:]*/gu, '').replace(/[*&]/g, '');
    const type = /^(?:[^|.#]*\|)?([^\d.#|-][^.#|]*)/u.exec(bare)?.[1];
    const id = /#([^.#]+)/u.exec(bare)?.[1];
    const classes = [...bare.matchAll(/\.([^.#]+)/gu)].map((m) => m[1]!);
    return type === undefined && id === undefined && !classes.length ? EVERY : { every: false, type, id, classes };
  });
}

/** The elements of a picture, as the rules match them. */
export interface Elements {
  readonly kinds: readonly string[];
  /** Each element's `class` attribute and `id`, as written. */
  readonly classOf: readonly string[];
  readonly idOf: readonly string[];
}

/** Rule matches Lanyard makes for one picture at most: past them, too many. */
export const MAX_MATCHES = 1_000_000;

/**
 * Calls `apply` with each element a rule may match and each of its declarations; false when that
 * would take more than MAX_MATCHES calls or `apply` says to stop (the caller counts the picture as too many).
 */
export function applyRules(rules: readonly StyleRule[], elements: Elements, apply: (e: number, property: string, value: string) => boolean): boolean {
  if (!rules.length) return true;
  const n = elements.kinds.length;
  const classSets = elements.classOf.map((c) => new Set(c.split(/[\t\n\f\r ]+/).filter(Boolean)));
  const index = (key: (e: number) => Iterable<string>): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    for (let e = 0; e < n; e++) for (const k of key(e)) (map.get(k) ?? map.set(k, []).get(k)!).push(e);
    return map;
  };
  const byType = index((e) => [elements.kinds[e]!]);
  const byId = index((e) => [elements.idOf[e]!]);
  const byClass = index((e) => classSets[e]!);
  const every = Array.from({ length: n }, (_, e) => e);
  const matches = (s: Subject, e: number): boolean =>
    (s.type === undefined || elements.kinds[e] === s.type) && (s.id === undefined || elements.idOf[e] === s.id) && s.classes.every((c) => classSets[e]!.has(c));
  let budget = MAX_MATCHES;
  for (const rule of rules) {
    for (const s of rule.subjects) {
      const candidates = s.every ? every : s.id !== undefined ? byId.get(s.id) : s.classes.length ? byClass.get(s.classes[0]!) : byType.get(s.type!);
      for (const e of candidates ?? []) {
        if (--budget < 0) return false;
        if (!s.every && !matches(s, e)) continue;
        budget -= rule.declarations.length;
        if (budget < 0) return false;
        for (const [property, value] of rule.declarations) if (!apply(e, property, value)) return false;
      }
    }
  }
  return true;
}
