import { describe, expect, it } from 'vitest';
import { untoken } from '../../../src/core/jsonld/iri-tokens.ts';

describe('untoken (the generated tables\' IRI prefixes, ~0…~9)', () => {
  const prefixes = ['https://a.example/', 'http://b.example#'];
  it('writes each token back as its prefix, wherever it is', () => {
    expect(untoken('{"@id":"~0x","@type":"~1y"}', prefixes)).toBe('{"@id":"https://a.example/x","@type":"http://b.example#y"}');
    expect(untoken('~0~1~0', prefixes)).toBe('https://a.example/http://b.example#https://a.example/');
    expect(untoken('no tokens', prefixes)).toBe('no tokens');
  });
  it('keeps a ~ that names no prefix (no digit, a digit beyond the prefixes, the last character)', () => {
    expect(untoken('a~b ~2 ~', prefixes)).toBe('a~b ~2 ~');
    expect(untoken('~~0', prefixes)).toBe('~https://a.example/');
  });
});
