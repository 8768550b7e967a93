/**
 * Review 36: `inherit` takes the parent's value of a property that does not inherit by default (CSS
 * Cascade §7.3.1), so `<g mask="url(#m)">` around four rectangles with `mask="inherit"` draws the mask
 * five times, not once. Probed in Chromium (an <img> of a data: SVG, decode(), drawn into a canvas):
 * six levels of that, each mask using the level below twice (2.1 KB), took 16.3 s to draw (the same
 * picture without the inherit, 23 ms; with the mask written on each rectangle, 13.6 s); clip-path so,
 * 0.6 s. A filter's feImage so did not multiply there (nine levels, 20 ms) but is counted the same way.
 */
import { describe, expect, it } from 'vitest';
import { MAX_USE_CLONES, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';

/** Level k: a group drawing level k-1 by `property`, four rectangles under it given `child(k)`. */
function levels(n: number, property: string, resource: (k: number) => string, child: (k: number) => string, css = ''): string {
  let defs = '<rect id="g0" width="8" height="8" fill="red"/>';
  for (let k = 1; k <= n; k++) defs += `${resource(k)}<g id="g${k}" ${property}="url(#f${k})">${`<rect width="64" height="64" ${child(k)}/>`.repeat(4)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">${css ? `<style>${css}</style>` : ''}<defs>${defs}</defs><use href="#g${n}"/></svg>`;
}
const mask = (k: number) => `<mask id="f${k}"><use href="#g${k - 1}"/><use href="#g${k - 1}" x="3"/></mask>`;
const clip = (k: number) => `<clipPath id="f${k}"><use href="#g${k - 1}"/><use href="#g${k - 1}" x="3"/></clipPath>`;
const filter = (k: number) => `<filter id="f${k}"><feImage href="#g${k - 1}"/></filter>`;

describe('inherit on a property that does not inherit by default', () => {
  it('counts the parent’s reference for each element inheriting it: the probe’s pictures are too many', () => {
    expect(tooManyClones(levels(6, 'mask', mask, () => 'mask="inherit"'))).toBe(true);
    expect(tooManyClones(levels(6, 'clip-path', clip, () => 'clip-path="inherit"'))).toBe(true);
    expect(tooManyClones(levels(9, 'filter', filter, () => 'filter="inherit"'))).toBe(true);
    expect(tooManyClones(levels(9, 'filter', filter, () => 'style="filter: INHERIT"'))).toBe(true);
    expect(tooManyClones(levels(9, 'filter', filter, () => 'style="all:inherit"'))).toBe(true);
  });

  it('follows a chain of inherits, and stops where none is written', () => {
    const chained = levels(6, 'mask', mask, () => 'mask="inherit"').replaceAll('<rect width="64" height="64" mask="inherit"/>', '<g mask="inherit"><rect width="64" height="64" mask="inherit"/></g>');
    expect(tooManyClones(chained)).toBe(true);
    // Without the inherit each level draws the one below twice: 2^6, counted as such.
    expect(svgUseClones(levels(6, 'mask', mask, () => ''))).toBeLessThan(MAX_USE_CLONES);
    expect(svgUseClones(levels(6, 'mask', mask, () => 'mask="none"'))).toBeLessThan(MAX_USE_CLONES);
  });

  it('-moz-element(#id) in a background inherited so', () => {
    let html = '<div id="e0" style="width:8px;height:8px;background:red"></div>';
    for (let k = 1; k <= 9; k++) html = `<div id="e${k}" style="background:-moz-element(#e${k - 1})">${'<p style="background:inherit"></p>'.repeat(4)}</div>` + html;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="64" height="64"><div xmlns="http://www.w3.org/1999/xhtml">${html}</div></foreignObject></svg>`;
    expect(tooManyClones(svg)).toBe(true);
  });

  it('where Lanyard cannot tell which parent: a style sheet’s, an animation’s or a use’s clone’s inherit, too many', () => {
    expect(svgUseClones(levels(2, 'mask', mask, () => 'class="r"', '.r { mask: inherit }'))).toBe(Infinity);
    expect(svgUseClones(levels(2, 'mask', mask, () => '', 'rect { all: inh\\65rit }'))).toBe(Infinity);
    const set = levels(2, 'mask', mask, () => '').replace('<rect width="64" height="64" />', '<rect width="64" height="64"><set attributeName="mask" to="inherit"/></rect>');
    expect(svgUseClones(set)).toBe(Infinity);
    expect(svgUseClones(set.replace('attributeName="mask" to="inherit"', 'attributeName="style" to="mask: inherit"'))).toBe(Infinity);
    const cloned = `<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"><feImage href="#r0"/></filter><rect id="r0"/><rect id="r" filter="inherit"/><use href="#r" filter="url(#f)"/></svg>`;
    expect(svgUseClones(cloned)).toBe(Infinity);
  });

  it('reads in linear work: many properties naming an element, many elements inheriting all of them', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `a${i}="url(#r)"`).join(' ');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><rect id="r"/><g ${names}>${'<g style="all:inherit"/>'.repeat(20_000)}</g></svg>`;
    const same = `<svg xmlns="http://www.w3.org/2000/svg"><rect id="r"/><g ${names.replace(/a(\d+)=/g, 'mask-$1=')}><g mask="inherit"/></g></svg>`;
    const started = performance.now();
    expect(svgUseClones(svg)).toBe(Infinity);
    expect(svgUseClones(same)).toBeGreaterThan(MAX_USE_CLONES);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('an inherit as CSS reads it: !important beside it, or a keyword spelt with escapes (review 37)', () => {
    // CSS Syntax §5.4.6: `!important` is no part of the value; §4.3.7: `inh\\65rit` is the ident inherit.
    for (const child of ['style="mask: inherit !important"', 'style="mask:inherit!IMPORTANT"', 'style="mask: inh\\65rit"', 'style="m\\61sk: inherit"', 'style="all: inherit ! important"', 'mask="/**/inherit"', 'mask="inherit/* x */"']) {
      expect(tooManyClones(levels(6, 'mask', mask, () => child)), child).toBe(true);
    }
    const set = levels(2, 'mask', mask, () => '').replace('<rect width="64" height="64" />', '<rect width="64" height="64"><set attributeName="mask" to="inh\\65rit"/></rect>');
    expect(svgUseClones(set)).toBe(Infinity);
  });

  it('an inherited paint set to inherit !important or an escaped inherit is still the parent’s (review 37)', () => {
    const svg = (rect: string) => {
      let d = '<pattern id="p0" width="1" height="1"><rect width="1" height="1" fill="red"/></pattern>';
      for (let i = 1; i <= 3; i++) d += `<pattern id="p${i}" width="1" height="1"><g fill="url(#p${i - 1})">${`<rect width="72" height="72" ${rect}/>`.repeat(10)}</g></pattern>`;
      return `<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72"><defs>${d}</defs><rect width="72" height="72" fill="url(#p3)"/></svg>`;
    };
    expect(tooManyClones(svg(''))).toBe(true);
    for (const rect of ['style="fill: inherit !important"', 'style="fill: inh\\65rit"', 'fill="inh\\65rit"', 'fill="/**/inherit"']) expect(tooManyClones(svg(rect)), rect).toBe(true);
  });

  it('an inherit with no reference to inherit costs nothing', () => {
    expect(svgUseClones(`<svg xmlns="http://www.w3.org/2000/svg"><style>rect { filter: inherit }</style><g>${'<rect mask="inherit" style="all: inherit"/>'.repeat(50)}</g></svg>`)).toBe(0);
  });
});
