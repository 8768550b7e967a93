import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/core/display.ts';

describe('shorten: message values are cut only with an ellipsis', () => {
  it('leaves a value that fits unchanged', () => {
    expect(shorten('did:key:z6Mk', 80)).toBe('did:key:z6Mk');
  });
  it('cuts a long DID with …, keeping its start and its end', () => {
    const did = `did:key:z6Mk${'a'.repeat(100)}XYZW`;
    const s = shorten(did, 40);
    expect(Array.from(s).length).toBe(40);
    expect(s).toContain('…');
    expect(s.startsWith('did:key:z6Mk')).toBe(true);
    expect(s.endsWith('XYZW')).toBe(true);
  });
  it('never splits a surrogate pair', () => {
    const s = shorten('😀'.repeat(50), 10);
    expect(Array.from(s).length).toBe(10);
    expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
  it('never says undefined', () => {
    expect(shorten(undefined)).toBe('(none)');
    expect(shorten(null)).toBe('null');
    expect(shorten({ a: 1 })).toBe('{"a":1}');
    expect(shorten(42)).toBe('42');
  });
});
