import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { jsonDepth, MAX_JSON_DEPTH, parseJsonObject } from '../../../src/core/input/json.ts';

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

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '{'.repeat(500) + '\\"[[[' + '"'.repeat(3), t: '\\' });
    expect(jsonDepth(text)).toBe(1);
    expect(parseJsonObject(text).t).toBe('\\');
  });
});
