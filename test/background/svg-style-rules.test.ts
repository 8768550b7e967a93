/**
 * Hostile round 32: a picture's style sheet draws as its attributes do. Patterns ten to a level,
 * eight deep, nested only through rules (`.l3 rect { fill: url(#p2) }`, 3.3 KB), held Chromium's page
 * 33 s drawn in an <img>, and svg-use-clones.ts, which did not read `<style>` (a known limit until
 * now), handed it to the popup and the pickers. svg-style-rules.ts reads the rules so that each may
 * match more elements than it does, never fewer.
 */
import { describe, expect, it } from 'vitest';
import { MAX_USE_CLONES, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';
import { styleRules } from '../../src/background/services/svg-style-rules.ts';

/** Patterns eight deep, ten rectangles a level, given the paint of the level below by `rule(i)` in a style sheet. */
function sheetBomb(rule: (i: number) => string, wrap = (css: string) => `<style>${css}</style>`, rect = '<rect width="72" height="72"/>'): string {
  let defs = '<pattern id="p0" width="1" height="1"><rect width="1" height="1" fill="red"/></pattern>';
  let css = '';
  for (let i = 1; i <= 8; i++) {
    defs += `<pattern id="p${i}" class="l${i}" width="1" height="1">${rect.replace('/>', ` class="r${i}"/>`).repeat(10)}</pattern>`;
    css += rule(i);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72">${wrap(css)}<defs>${defs}</defs><rect width="72" height="72" fill="url(#p8)"/></svg>`;
}

describe('style sheets count for the elements they may style', () => {
  it('rules nesting patterns, however the selector or the sheet is written, count as too many', () => {
    const forms: Record<string, string> = {
      descendant: sheetBomb((i) => `.l${i} rect{fill:url(#p${i - 1})}`),
      child: sheetBomb((i) => `pattern.l${i} > rect { stroke : url( "#p${i - 1}" ) }`),
      byClass: sheetBomb((i) => `.r${i}{fill:url(#p${i - 1})}`),
      groupInherits: sheetBomb((i) => `#p${i}{fill:url(#p${i - 1})}`),
      pseudo: sheetBomb((i) => `.r${i}:not(.x):hover{fill:url(#p${i - 1})}`),
      list: sheetBomb((i) => `circle, svg|rect.r${i}::before, .zz{fill:url(#p${i - 1})}`),
      media: sheetBomb((i) => `@media (min-width: 1px) { @supports (fill: red) { .r${i} { fill: url(#p${i - 1}) } } }`),
      nested: sheetBomb((i) => `.l${i} { & rect { fill: url(#p${i - 1}) } }`),
      upper: sheetBomb((i) => `.r${i}{fill:URL(#p${i - 1})}`),
      comment: sheetBomb((i) => `/* } */.r${i}/**/{fill:/*x*/url(#p${i - 1})}`),
      string: sheetBomb((i) => `.r${i}{font-family:"a}b{";fill:url(#p${i - 1})}`),
      cdata: sheetBomb((i) => `.r${i}{fill:url(#p${i - 1})}`, (css) => `<style><![CDATA[${css}]]></style>`),
      entities: sheetBomb((i) => `.r${i}{fill:url(&#35;p${i - 1})}`),
      keyframes: sheetBomb((i) => `@keyframes k${i} { from { fill: url(#p${i - 1}) } } .r${i} { animation: k${i} 1s }`),
      html: sheetBomb((i) => `.r${i}{fill:url(#p${i - 1})}`, (css) => `<foreignObject><style xmlns="http://www.w3.org/1999/xhtml">${css}</style></foreignObject>`),
    };
    for (const [name, svg] of Object.entries(forms)) expect(tooManyClones(svg), name).toBe(true);
  });

  it('a presentation attribute written URL(…) is the same reference (CSS function names are case-blind)', () => {
    let defs = '<pattern id="p0"><rect width="1" height="1"/></pattern>';
    for (let i = 1; i <= 8; i++) defs += `<pattern id="p${i}">${`<rect width="72" height="72" fill="URL(#p${i - 1})"/>`.repeat(10)}</pattern>`;
    expect(tooManyClones(`<svg xmlns="http://www.w3.org/2000/svg">${defs}<rect fill="Url(#p8)"/></svg>`)).toBe(true);
  });

  it('a function name spelt with escapes in an attribute or a style attribute is the same reference (review 37)', () => {
    // CSS Syntax §4.3.4: `u\\72l(` is a url token, `-moz-\\65lement(` the element() function; only a literal url( was refused.
    const attrs = (attr: (i: number) => string) => {
      let defs = '<pattern id="p0"><rect width="1" height="1"/></pattern>';
      for (let i = 1; i <= 3; i++) defs += `<pattern id="p${i}"><g ${attr(i - 1)}>${'<rect width="72" height="72"/>'.repeat(10)}</g></pattern>`;
      return `<svg xmlns="http://www.w3.org/2000/svg">${defs}<rect fill="url(#p3)"/></svg>`;
    };
    for (const attr of [(i: number) => `style="fill: u\\72l(#p${i})"`, (i: number) => `fill="u\\72l(#p${i})"`, (i: number) => `style="fill: \\75rl(#p${i})"`]) expect(tooManyClones(attrs(attr)), attr(0)).toBe(true);
    expect(svgUseClones('<svg xmlns="http://www.w3.org/2000/svg"><rect id="r"/><foreignObject><p xmlns="http://www.w3.org/1999/xhtml" style="background: -moz-\\65lement(#r)"/></foreignObject></svg>')).toBe(Infinity);
  });

  it('what cannot be read so counts as too many: an escape, @import, a custom property, a url outside a rule, a linked sheet, an animated class', () => {
    // CSS escapes (CSS Syntax §4.3.7) in the id, the selector or the function's name.
    expect(svgUseClones(sheetBomb((i) => `.r${i}{fill:url(#p\\3${i - 1} )}`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `.\\72 ${i}{fill:url(#p${i - 1})}`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `.r${i}{fill:u\\72l(#p${i - 1})}`))).toBe(Infinity);
    // An escape that spells no reference to a drawn element changes nothing (a font's name in escapes).
    expect(svgUseClones(`<svg><style>.t{font-family:'\\5FAE\\8F6F'}.a{fill:url(#g)}</style><linearGradient id="g"/><use href="#x"/></svg>`)).toBe(0);
    expect(svgUseClones(sheetBomb((i) => `@import url("data:text/css,.r${i}{fill:url(%23p${i - 1})}");`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `.l${i}{--paint:url(#p${i - 1})} .r${i}{fill:var(--paint)}`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `@property --p${i} { syntax: "<url>"; inherits: true; initial-value: url(#p${i - 1}) }`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `.l${i} { fill: url(#p${i - 1}); rect { stroke: red } }`))).toBe(Infinity);
    expect(svgUseClones(sheetBomb((i) => `.r${i}{content:"never closed;fill:url(#p${i - 1})}`))).toBe(Infinity);
    expect(svgUseClones('<?xml-stylesheet href="data:text/css,rect{fill:url(%23p)}"?><svg><pattern id="p"><rect/></pattern><use href="#p"/></svg>')).toBe(Infinity);
    expect(svgUseClones('<svg xmlns:h="http://www.w3.org/1999/xhtml"><h:link rel="stylesheet" href="data:text/css,x"/><use href="#a"/></svg>')).toBe(Infinity);
    const animated = sheetBomb((i) => `.on rect{fill:url(#p${i - 1})}`).replace('<defs>', '<defs><set href="#p1" attributeName="class" to="on"/>');
    expect(svgUseClones(animated)).toBe(Infinity);
  });

  it('a picture as makers write it: gradients, a clip path and a few classes count as before', () => {
    // Illustrator: a CDATA sheet of gradient fills by class and one clip path.
    const illustrator = `<svg xmlns="http://www.w3.org/2000/svg"><defs><style><![CDATA[.cls-1{fill:url(#linear-gradient);}.cls-2{clip-path:url(#clip-path);}.cls-3{font-family:'MyriadPro-Regular', 'Myriad Pro';}]]></style><linearGradient id="linear-gradient"><stop offset="0"/></linearGradient><clipPath id="clip-path"><rect width="10" height="10"/></clipPath></defs>${'<path class="cls-1" d="M0 0h1"/>'.repeat(500)}<g class="cls-2"><text class="cls-3">Badge</text></g></svg>`;
    // The group draws the clip path (the clip path and its rectangle): 2.
    expect(svgUseClones(illustrator)).toBe(2);
    expect(svgUseClones('<svg><style>.a{fill:red}</style><use href="#x"/></svg>')).toBe(0);
  });

  it('reads a hostile sheet in bounded work', () => {
    const elements = '<rect class="a"/>'.repeat(40_000);
    const rules = `rect{fill:url(#p)}`.repeat(2_000);
    const started = performance.now();
    expect(svgUseClones(`<svg><pattern id="p"><circle/></pattern><style>${rules}</style>${elements}</svg>`)).toBe(Infinity);
    expect(svgUseClones(`<svg><pattern id="p"><circle/></pattern><style>${'.a.b'.repeat(1)}{fill:url(#p)}${'{'.repeat(100_000)}</style>${elements}</svg>`)).toBeGreaterThanOrEqual(0);
    expect(svgUseClones(`<svg><pattern id="p"><circle/></pattern><style>.a{fill:url(#p)}</style>${elements}</svg>`)).toBe(MAX_USE_CLONES + 1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('styleRules: a rule inside @keyframes matches every element; a sheet without url(#…) has none', () => {
    expect(styleRules('.a{fill:red}', () => true)).toEqual([]);
    expect(styleRules('@keyframes k{to{fill:url(#p)}}', () => true)).toEqual([{ subjects: [{ every: true, classes: [] }], declarations: [['fill', 'url(#p)']] }]);
  });
});
