/**
 * Safe JSON intake for credentials (OB 2.0 / OB 3.0 documents are JSON objects). The nesting depth is
 * measured by a flat scan BEFORE JSON.parse, so a 100,000-deep input is refused without ever
 * reaching a recursive parser or a recursive walker further down the engine.
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { stripBom } from './text.ts';

/** Far deeper than any badge (OB 3.0 complete.json nests 7 levels), far below any stack limit. */
export const MAX_JSON_DEPTH = 100;

/** Largest nesting depth of objects/arrays in `text`, ignoring brackets inside strings; stops past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // A string: jump to its closing quote, the first one not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) return max; // unterminated: nothing after it is structure
        let k = end - 1;
        while (text.charCodeAt(k) === 0x5c /* \ */) k--;
        if ((end - 1 - k) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return max;
}

/**
 * True when `text` holds at most `limit` opening brackets (`{` or `[`) anywhere, strings included:
 * then no nesting can be deeper than `limit`, and the scan above is not needed. Each bracket is
 * found by the engine's native indexOf, so a badge (tens of brackets in a few kilobytes) costs tens
 * of calls, not a JavaScript loop over every character (issue 14: the scan was ~50 µs of each OB 2.0
 * signed badge's four documents, bench/mixed.ts).
 */
export function fewBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}

/** Parses a JSON object. ParseError: PARSE_EMPTY, PARSE_TOO_DEEP, or PARSE_JSON (broken, or not an object). */
export function parseJsonObject(text: string, maxDepth = MAX_JSON_DEPTH): Record<string, unknown> {
  const body = stripBom(text);
  if (body.trim() === '') throw new ParseError(ErrorCodes.PARSE_EMPTY, 'The JSON text is empty');
  if (!fewBrackets(body, maxDepth) && jsonDepth(body, maxDepth) > maxDepth) {
    throw new ParseError(ErrorCodes.PARSE_TOO_DEEP, `The JSON nests deeper than ${maxDepth} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new ParseError(ErrorCodes.PARSE_JSON, `Broken JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (Array.isArray(value)) {
    // Several badges exported as one list: said with how many, and what to do (each is read on its own).
    throw new ParseError(ErrorCodes.PARSE_JSON, `The JSON is a list of ${value.length} item${value.length === 1 ? '' : 's'}, not one badge: Lanyard reads one badge at a time, so add each badge on its own`);
  }
  if (value === null || typeof value !== 'object') {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ParseError(ErrorCodes.PARSE_JSON, `The JSON is ${what}, not an object`);
  }
  return value as Record<string, unknown>;
}

/** JSON nested one level deeper than MAX_JSON_DEPTH: parseJsonObject refuses it as ERR_PARSE_TOO_DEEP. */
const TOO_DEEP = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;

/**
 * A parsed value written back as text for the engine (a credential a backpack lists as JSON, one of a
 * list the user added). JSON.parse reads any depth, but JSON.stringify recurses: a value nested some
 * thousands of levels deep (a few kilobytes) throws RangeError, which failed a whole sync page, every
 * run, or a whole list. Such a value is handed on as what it is, JSON nested deeper than the engine
 * reads, which parseJsonObject refuses as ERR_PARSE_TOO_DEEP.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof RangeError) return TOO_DEEP;
    throw e;
  }
}
