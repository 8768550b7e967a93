/**
 * A style sheet's or style attribute's text is read as CSS tokenizes it (CSS Syntax §4): a `;`, `{` or `}`
 * inside an unquoted url(…) token, a `)` inside a quoted url, a `/*` inside a string or a url token, and
 * a `}` inside a bracket (`:is(} .x, *)`, a forgiving selector list) are not what they are outside. Read
 * otherwise, patterns nested ten to a level through such references (ids `p;1`, `p}1`, `a)b`, a string
 * holding `/*` before the rule) counted 0 or 11 clones, and Chromium drew every one in an <img>
 * (each form probed by hand, 12-07: a rectangle filled through it drew the pattern).
 */
import { describe, expect, it } from 'vitest';
import { svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';

/** Patterns five deep, ten rectangles a level: `ref(id, level)` is how each rectangle names the pattern below; `sheet` the style sheet. */
function bomb(id: (i: number) => string, ref: (id: string, level: number) => string, sheet = ''): string {
  let defs = `<pattern id="${id(0)}" width="1" height="1"><rect width="1" height="1" fill="red"/></pattern>`;
  for (let i = 1; i <= 5; i++) defs += `<pattern id="${id(i)}" width="1" height="1">${`<rect width="9" height="9" class="r${i}" ${ref(id(i - 1), i)}/>`.repeat(10)}</pattern>`;
  return `<svg xmlns="http://www.w3.org/2000/svg">${sheet ? `<style>${sheet}</style>` : ''}<defs>${defs}</defs><rect width="9" height="9" fill="url(#${id(5)})"/></svg>`;
}
const levels = (rule: (level: number) => string): string => [1, 2, 3, 4, 5].map(rule).join('');

describe('CSS read as it is tokenized', () => {
  it('a reference whose id holds ; { } or ) counts, in a style attribute and in a sheet', () => {
    const forms: Record<string, string> = {
      styleSemicolon: bomb((i) => `p;${i}`, (id) => `style="fill:url(#${id})"`),
      sheetSemicolon: bomb((i) => `p;${i}`, () => '', levels((i) => `.r${i}{fill:url(#p;${i - 1})}`)),
      sheetBrace: bomb((i) => `p}${i}`, () => '', levels((i) => `.r${i}{fill:url(#p}${i - 1})}`)),
      quotedParen: bomb((i) => `a)${i}`, (id) => `style="fill:url('#${id}')"`),
      sheetQuotedParen: bomb((i) => `a)${i}`, () => '', levels((i) => `.r${i}{fill:url("#a)${i - 1}")}`)),
      commentInUrl: bomb((i) => `a/*${i}*/`, (id) => `style="fill:url(#${id})"`),
    };
    for (const [name, svg] of Object.entries(forms)) expect(tooManyClones(svg), name).toBe(true);
  });

  it('a string holding /* hides no declaration after it', () => {
    const sheet = `g{font-family:"/*"}` + levels((i) => `.r${i}{fill:url(#p${i - 1})}`) + `g{font-family:"*/"}`;
    expect(tooManyClones(bomb((i) => `p${i}`, () => '', sheet))).toBe(true);
    expect(tooManyClones(bomb((i) => `p${i}`, (id) => `style="font-family:'/*';fill:url(#${id});x:'*/'"`))).toBe(true);
  });

  it('a } inside a bracket of the selector does not end it (a forgiving :is() matching every element)', () => {
    expect(tooManyClones(bomb((i) => `p${i}`, () => '', levels((i) => `.r${i}:is(} .zz, *){fill:url(#p${i - 1})}`)))).toBe(true);
  });

  it('pictures as makers write them count as before', () => {
    const plain = '<svg><style>/* a */.a{fill:url(#g)} .b{stroke:url("#g");font-family:"x;y"}</style><linearGradient id="g"/><rect class="a"/><use href="#r"/><rect id="r" style="fill:url(#g);/* c */"/></svg>';
    expect(svgUseClones(plain)).toBe(1);
  });
});
