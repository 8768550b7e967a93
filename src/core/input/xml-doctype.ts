/**
 * DOCTYPE and entity handling for the baked-SVG reader (XML 1.0 §2.8, §4.1, §4.2, §4.6).
 * The internal subset is skipped except for simple internal general entities (Adobe Illustrator
 * writes `<!ENTITY ns_svg "http://www.w3.org/2000/svg">` and then `xmlns="&ns_svg;"`). Entity values
 * that contain markup or further entity references are never expanded, so nested expansion (the
 * "billion laughs") cannot happen, and every expansion is charged to a budget.
 */
import { ErrorCodes, ParseError } from '../errors.ts';

/** An internal entity's replacement text, or null when Lanyard does not expand it. */
export type EntityTable = Map<string, string | null>;

export const malformed = (message: string, at?: number): ParseError =>
  new ParseError(ErrorCodes.PARSE_SVG, `Malformed SVG/XML: ${message}${at === undefined ? '' : ` (at ${at})`}`);

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const REF = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][\w.:\u00B7\u00C0-\uFFFF-]*));/y;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y;

/** Mutable allowance of characters that custom entity expansion may still produce. */
export interface Budget {
  left: number;
}

/** Expands character and entity references in text or an attribute value; throws on a bad or unknown one. */
export function decodeRefs(raw: string, entities: EntityTable, budget: Budget, at: number): string {
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', last)) {
    REF.lastIndex = i;
    const m = REF.exec(raw);
    if (!m) throw malformed('an & that does not start a reference', at + i);
    out += raw.slice(last, i);
    last = REF.lastIndex;
    const [, hex, dec, name] = m;
    if (name === undefined) {
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) throw malformed('an invalid character reference', at + i);
      out += String.fromCodePoint(cp);
      continue;
    }
    // Own keys only: `&constructor;` or `&toString;` must be undeclared, not Object's members as text.
    const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : entities.get(name);
    if (value === undefined) throw malformed(`the undeclared entity &${name};`, at + i);
    if (value === null) throw malformed(`the entity &${name}; is external or nested, which Lanyard does not expand`, at + i);
    budget.left -= value.length;
    if (budget.left < 0) throw malformed('entity expansion exceeds the limit', at + i);
    out += value;
  }
  return out + raw.slice(last);
}

/** Replacement text of `<!ENTITY name "value">`, or null when it holds markup, entity or PE references. */
function entityValue(literal: string): string | null {
  if (/[<%]/.test(literal) || /&(?!#)/.test(literal)) return null;
  const value = decodeRefs(literal, new Map(), { left: 0 }, 0);
  return /[<&]/.test(value) ? null : value;
}

function skipQuoted(s: string, i: number): number {
  const end = s.indexOf(s[i]!, i + 1);
  if (end < 0) throw malformed('an unterminated quoted string in the DOCTYPE', i);
  return end + 1;
}

/** Skips a markup declaration `<!… >` honouring quoted strings; returns the index after `>`. */
function skipDecl(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") i = skipQuoted(s, i);
    else if (c === '>') return i + 1;
    else i++;
  }
  throw malformed('an unterminated declaration in the DOCTYPE', i);
}

/** `<!ENTITY` [%] name (literal | external) `>`: records internal general entities, first one wins. */
function readEntity(s: string, i: number, entities: EntityTable): number {
  let j = i + 8;
  while (/\s/.test(s[j] ?? '')) j++;
  const parameter = s[j] === '%';
  if (parameter) for (j++; /\s/.test(s[j] ?? ''); ) j++;
  NAME.lastIndex = j;
  const name = NAME.exec(s)?.[0];
  if (!name) throw malformed('an ENTITY declaration without a name', j);
  for (j += name.length; /\s/.test(s[j] ?? ''); ) j++;
  const q = s[j];
  const value = q === '"' || q === "'" ? entityValue(s.slice(j + 1, skipQuoted(s, j) - 1)) : null;
  if (!parameter && !entities.has(name)) entities.set(name, value);
  return skipDecl(s, j);
}

/** Reads `<!DOCTYPE …>` starting at `start`; returns the index after it and the entities it declares. */
export function readDoctype(s: string, start: number): { end: number; entities: EntityTable } {
  const entities: EntityTable = new Map();
  let i = start + 9;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") i = skipQuoted(s, i);
    else if (c === '>') return { end: i + 1, entities };
    else if (c !== '[') i++;
    else {
      // Internal subset: declarations, comments, PIs and PE references until `]`.
      for (i++; i < s.length && s[i] !== ']'; ) {
        if (/\s/.test(s[i]!)) i++;
        else if (s.startsWith('<!--', i)) i = after(s, '-->', i + 4);
        else if (s.startsWith('<?', i)) i = after(s, '?>', i + 2);
        else if (s.startsWith('<!ENTITY', i)) i = readEntity(s, i, entities);
        else if (s.startsWith('<!', i)) i = skipDecl(s, i + 2);
        else if (s[i] === '%') i = after(s, ';', i + 1);
        else throw malformed('unexpected text in the DOCTYPE internal subset', i);
      }
      if (i >= s.length) throw malformed('an unterminated DOCTYPE internal subset', start);
      i++;
    }
  }
  throw malformed('an unterminated DOCTYPE', start);
}

/** Index just past the next `token` from `from`, or a malformed-XML error. */
export function after(s: string, token: string, from: number): number {
  const end = s.indexOf(token, from);
  if (end < 0) throw malformed(`missing ${JSON.stringify(token)}`, from);
  return end + token.length;
}
