/**
 * An SVG picture's markup read as text for svg-use-clones.ts, as unbaked-svg.ts reads it (the worker
 * has no DOMParser), in linear time. Comments, CDATA sections and processing instructions hold no
 * elements (XML 1.0 §2.5, §2.7, §2.6); a CDATA section's text is read as text (a style sheet's).
 * Character references and the five predefined entities are decoded in the values read (XML 1.0
 * §4.1, §4.6: `href="&#35;g"` is `#g`), and so are the internal entities a DOCTYPE declares as plain
 * text (§4.2; Illustrator's namespace entities). An entity whose text holds markup or another
 * reference could add elements this reading does not see, and a DOCTYPE giving attributes a default
 * value makes the parser add them unseen: such markup is not read (undefined, too many for the caller).
 */

import { linearMatches } from '../../core/input/linear-matches.ts';

/** Markup that holds no elements; a CDATA section's text is read as text (a style sheet's). */
const HIDDEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)/g;
/**
 * A start or end tag; an attribute value never holds `<` (XML 1.0 §3.1 AttValue), so no match runs past
 * the next tag. Its name is all of its run (the lookahead): tried at each shorter name, a tag never
 * closed took its length squared.
 */
export const TAG = /<(\/?)([^\s/<>!?]+)(?![^\s/<>!?])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
/** An attribute of a tag's text and its value, double- or single-quoted (XML 1.0 §3.1 Attribute), tried where it may start (`attributes`). */
const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
/** Where an attribute failing at a place cannot start before: the end of the run of name characters there. */
const NO_ATTR = /[^\s=/]*/y;
const ENTITY = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:"([^"]*)"|'([^']*)'|[^>]*)/g;
/**
 * An attribute list declaration giving a default value (XML 1.0 §3.3.2, `#FIXED` or not): the parser puts that
 * attribute on every element of its name that lacks it (Chromium does: an href, a fill, an id), unseen here.
 */
const ATTLIST = /<!ATTLIST\s[^>"']*(["']?)/g;
const REF = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([^\s;&<]+));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const ESCAPED: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** A tag's attributes (its text after the name), as a global match of ATTR reads them, in linear work. */
export const attributes = (attrs: string): RegExpExecArray[] => linearMatches(ATTR, NO_ATTR, attrs);

/** A name without its namespace prefix (`xlink:href` is `href`). */
export const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

export interface Markup {
  /** The picture with its comments and processing instructions left out, its CDATA sections as escaped text. */
  readonly text: string;
  /** A value's character and entity references decoded; one naming no entity declared is left as it is and marks `unknown`. */
  decode(raw: string): string;
  /** Whether a value decoded so far named an entity the picture does not declare. */
  readonly unknown: boolean;
}

/** The picture's markup to read, or undefined when its declarations could add what this reading does not see. */
export function readMarkup(svg: string): Markup | undefined {
  const text = svg.replace(HIDDEN, (m) => (m.startsWith('<![CDATA[') ? m.slice(9, m.endsWith(']]>') ? -3 : undefined).replace(/[&<>]/g, (c) => ESCAPED[c]!) : ''));
  const entities = new Map<string, string>();
  for (const m of text.matchAll(ENTITY)) {
    const value = m[3] ?? m[4];
    // A parameter entity, an external one, or one whose text holds markup or references: not read here.
    if (m[1] || value === undefined || /[<&%]/.test(value)) return undefined;
    if (!entities.has(m[2]!)) entities.set(m[2]!, value);
  }
  // Each match ends at the declaration's first quote, its end or the text's: read once, in linear work.
  for (const m of text.matchAll(ATTLIST)) if (m[1]) return undefined;
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
  return {
    text,
    decode,
    get unknown() {
      return unknown;
    },
  };
}
