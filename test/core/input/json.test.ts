import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { fewBrackets, jsonDepth, MAX_JSON_DEPTH, parseJsonObject } from '../../../src/core/input/json.ts';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return (e as ParseError).code;
  }
  throw new Error('expected a ParseError');
};

const nested = (n: number, open = '{"a":', close = '}', leaf = '1'): string => open.repeat(n) + leaf + close.repeat(n);

describe('parseJsonObject', () => {
  it('parses an object and strips a UTF-8 BOM', () => {
    expect(parseJsonObject('\ufeff {"id": "urn:uuid:1"} \n')).toEqual({ id: 'urn:uuid:1' });
  });

  it.each(['', '   \n\t', '\ufeff'])('empty %j → PARSE_EMPTY', (text) => {
    expect(codeOf(() => parseJsonObject(text))).toBe(ErrorCodes.PARSE_EMPTY);
  });

  it.each(['{"a":', '{a:1}', '{"a":1}}', 'null', '[]', '[{"a":1}]', '"str"', '42', 'true'])('%s → PARSE_JSON', (text) => {
    expect(codeOf(() => parseJsonObject(text))).toBe(ErrorCodes.PARSE_JSON);
  });

  it('accepts the depth limit and refuses one more', () => {
    expect(() => parseJsonObject(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(codeOf(() => parseJsonObject(nested(MAX_JSON_DEPTH + 1)))).toBe(ErrorCodes.PARSE_TOO_DEEP);
  });

  it('refuses 100,000-deep objects and arrays without blowing the stack', () => {
    expect(codeOf(() => parseJsonObject(nested(100_000)))).toBe(ErrorCodes.PARSE_TOO_DEEP);
    expect(codeOf(() => parseJsonObject(`{"a":${nested(100_000, '[', ']')}}`))).toBe(ErrorCodes.PARSE_TOO_DEEP);
    // Unbalanced: the scan does not need the closing half to find the depth.
    expect(codeOf(() => parseJsonObject('['.repeat(100_000)))).toBe(ErrorCodes.PARSE_TOO_DEEP);
  });

  it('skips the scan only when the brackets alone cannot reach the limit', () => {
    expect(fewBrackets('{"a":[{"b":[]}]}', 4)).toBe(true);
    expect(fewBrackets('{"a":[{"b":[]}]}', 3)).toBe(false);
    // Brackets inside strings count too: the bound may be loose, never short.
    expect(fewBrackets(JSON.stringify({ s: '[[[' }), 3)).toBe(false);
    // Mixed brackets past the limit: the limit's own depth of mixed nesting is still refused.
    const mixed = '{"a":' + '[{'.repeat(60) + '}]'.repeat(60) + '}';
    expect(fewBrackets(mixed, MAX_JSON_DEPTH)).toBe(false);
    expect(codeOf(() => parseJsonObject(mixed))).toBe(ErrorCodes.PARSE_TOO_DEEP);
    // Many brackets, all shallow: the scan runs and accepts it.
    const wide = JSON.stringify({ a: Array.from({ length: 500 }, () => ({ b: [] })) });
    expect(fewBrackets(wide, MAX_JSON_DEPTH)).toBe(false);
    expect(parseJsonObject(wide).a).toHaveLength(500);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '{'.repeat(500) + '\\"[[[' + '"'.repeat(3), t: '\\' });
    expect(jsonDepth(text)).toBe(1);
    expect(parseJsonObject(text).t).toBe('\\');
  });
});

describe('jsonDepth against a character-by-character scan', () => {
  /** The scan jsonDepth replaced (it now jumps over strings with indexOf): both must agree on any text. */
  function reference(text: string, limit = Infinity): number {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        if (++depth > max) {
          max = depth;
          if (max > limit) return max;
        }
      } else if (c === '}' || c === ']') depth--;
    }
    return max;
  }
  it('agrees on random texts of quotes, backslashes and brackets', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = ['"', '\\', '{', '}', '[', ']', 'a', ':', ','];
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join('');
      expect(jsonDepth(text), text).toBe(reference(text));
      expect(jsonDepth(text, 2), text).toBe(reference(text, 2));
    }
  });
});
