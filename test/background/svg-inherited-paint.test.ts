/**
 * Hostile round 32: a paint is inherited (SVG 2 §13.2: `fill`, `stroke` and the markers are inherited
 * properties), so `<g fill="url(#p)">` around ten rectangles draws the pattern ten times, not once.
 * Patterns ten to a level, eight deep, each level's rectangles inheriting the fill of the group around
 * them, held Chromium's page 11 s drawn in an <img> (3.3 KB; the same picture with the fill written
 * on each rectangle, which svg-use-clones.ts already counted, 14 s). A use's clones inherit from the
 * use (SVG 2 §5.6.1), a pattern's content from the pattern's own ancestors (§14.3.2).
 */
import { describe, expect, it } from 'vitest';
import { MAX_USE_CLONES, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';

/** Patterns `levels` deep, ten rectangles a level; `wrap(i, rects)` says how level i's rectangles get the paint of level i - 1. */
function patterns(levels: number, wrap: (i: number, rects: string) => string): string {
  let defs = '<pattern id="p0" width="1" height="1"><rect width="1" height="1" fill="red"/></pattern>';
  for (let i = 1; i <= levels; i++) defs += wrap(i, '<rect width="72" height="72"/>'.repeat(10));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72"><defs>${defs}</defs><rect width="72" height="72" fill="url(#p${levels})"/></svg>`;
}

describe('inherited paints count for every element that inherits them', () => {
  it('a group’s fill or stroke, in an attribute or its style, is drawn by each element under it', () => {
    const group = (attr: (i: number) => string) => patterns(8, (i, rects) => `<pattern id="p${i}" width="1" height="1"><g ${attr(i - 1)}>${rects}</g></pattern>`);
    expect(tooManyClones(group((i) => `fill="url(#p${i})"`))).toBe(true);
    expect(tooManyClones(group((i) => `stroke="url(#p${i})"`))).toBe(true);
    expect(tooManyClones(group((i) => `style="fill: url(#p${i})"`))).toBe(true);
    expect(tooManyClones(group((i) => `marker-start="url(#p${i})"`))).toBe(true);
    // Two levels: 10 rectangles drawing p1, whose 10 draw p0 (2 elements): far below the bound, and counted as such.
    const two = patterns(2, (i, rects) => `<pattern id="p${i}" width="1" height="1"><g fill="url(#p${i - 1})">${rects}</g></pattern>`);
    expect(svgUseClones(two)).toBeGreaterThanOrEqual(10 * (1 + 10 * 2));
  });

  it('a pattern’s content inherits from the pattern and its ancestors', () => {
    expect(tooManyClones(patterns(8, (i, rects) => `<pattern id="p${i}" width="1" height="1" fill="url(#p${i - 1})">${rects}</pattern>`))).toBe(true);
    expect(tooManyClones(patterns(8, (i, rects) => `<g fill="url(#p${i - 1})"><pattern id="p${i}" width="1" height="1">${rects}</pattern></g>`))).toBe(true);
  });

  it('a use’s clones inherit from the use: a fill around a use of ten rectangles is drawn ten times', () => {
    let defs = '<pattern id="p0" width="1" height="1"><rect width="1" height="1" fill="red"/></pattern><g id="ten">' + '<rect width="72" height="72"/>'.repeat(10) + '</g>';
    for (let i = 1; i <= 8; i++) defs += `<pattern id="p${i}" width="1" height="1"><use href="#ten" fill="url(#p${i - 1})"/></pattern>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs}</defs><rect width="72" height="72" fill="url(#p8)"/></svg>`;
    expect(tooManyClones(svg)).toBe(true);
  });

  it('an animation setting a paint to a drawn element counts as too many; a gradient it sets draws nothing', () => {
    const set = patterns(8, (i, rects) => `<pattern id="p${i}" width="1" height="1"><g><set attributeName="fill" to="url(#p${i - 1})"/>${rects}</g></pattern>`);
    expect(svgUseClones(set)).toBe(Infinity);
    expect(svgUseClones(`<svg><defs><linearGradient id="g"/></defs><rect><animate attributeName="fill" values="url(#g);red" dur="1s"/></rect></svg>`)).toBe(0);
  });

  it('reads in linear work: a fill naming many elements counts as too many, not as many times as it is inherited', () => {
    const many = `<svg><rect id="r"/><g fill="${'url(#r) '.repeat(100_000)}">${'<g>'.repeat(20_000)}${'</g>'.repeat(20_000)}</g></svg>`;
    const started = performance.now();
    expect(svgUseClones(many)).toBe(Infinity);
    expect(performance.now() - started).toBeLessThan(5_000);
    // A deep nest inheriting one pattern is counted once an element, up to the bound.
    expect(svgUseClones(`<svg><pattern id="p"><rect/></pattern><g fill="url(#p)">${'<g>'.repeat(30_000)}${'</g>'.repeat(30_000)}</g></svg>`)).toBe(MAX_USE_CLONES + 1); // counted up to the bound
  });

  it('a paint set otherwise below stops the inherited one; pictures as makers write them are unchanged', () => {
    // Each rectangle sets its own fill: the group's pattern is drawn by none of them (the group itself draws nothing).
    const own = patterns(8, (i, rects) => `<pattern id="p${i}" width="1" height="1"><g fill="url(#p${i - 1})">${rects.replaceAll('/>', ' fill="red"/>')}</g></pattern>`);
    expect(svgUseClones(own)).toBeLessThan(MAX_USE_CLONES);
    // A group filled with a gradient (Inkscape, Illustrator) draws no element however many paths it holds.
    const gradient = `<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><g fill="url(#g)" stroke="url(#g)">${'<path d="M0 0h1"/>'.repeat(5000)}</g></svg>`;
    expect(svgUseClones(gradient)).toBe(0);
    // A Figma picture: an svg with fill="none" and a pattern of an embedded image.
    const figma = '<svg width="72" height="72" viewBox="0 0 72 72" fill="none" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="72" height="72" fill="url(#pattern0)"/><defs><pattern id="pattern0" patternContentUnits="objectBoundingBox" width="1" height="1"><use xlink:href="#image0_1_2" transform="scale(0.002)"/></pattern><image id="image0_1_2" width="500" height="500" xlink:href="data:image/png;base64,iVBORw0KGgo="/></defs></svg>';
    expect(svgUseClones(figma)).toBe(4);
  });
});
