/** A baked image fetched from its link is saved as what its bytes are (services/baked-image.ts). */
import { describe, expect, it } from 'vitest';
import { bakedImageKind } from '../../src/background/services/baked-image.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('bakedImageKind', () => {
  it('knows a PNG by its signature and an SVG by its root after the prolog', () => {
    expect(bakedImageKind(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('png');
    expect(bakedImageKind(enc('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    const illustrator = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg:svg xmlns:svg="&ns_svg;"></svg:svg>';
    expect(bakedImageKind(enc(illustrator))).toBe('svg');
  });

  it('is nothing for HTML (even with an inline svg), JSON, or an empty answer', () => {
    expect(bakedImageKind(enc('<!DOCTYPE html><html><body><svg></svg><script>alert(1)</script></body></html>'))).toBeUndefined();
    expect(bakedImageKind(enc('<html><svg></svg></html>'))).toBeUndefined();
    expect(bakedImageKind(enc('{"type":"Assertion"}'))).toBeUndefined();
    expect(bakedImageKind(new Uint8Array(0))).toBeUndefined();
    expect(bakedImageKind(enc('<!-- never closed <svg>'))).toBeUndefined();
  });
});
