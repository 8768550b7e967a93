/**
 * A style sheet that imports another (`@import`) counts as too many: its rules are not read here. Spelt
 * with a CSS escape (`@\69mport`, CSS Syntax §4.3.7: an at-keyword's name is read unescaped), it was
 * read as a sheet without rules, and a `data:` sheet it imports is loaded by a picture drawn as an
 * image: in /usr/bin/chromium (playwright, an <img> of a data: SVG drawn on a canvas) both
 * `@import url("data:text/css,rect{fill:green}")` and `@\69mport …` painted its red rectangle green.
 * So patterns eight deep nested through rules only that sheet holds (hostile round 32's 33 s picture)
 * counted a few elements. Likewise a `data:` SVG a sheet names only through escapes.
 */
import { describe, expect, it } from 'vitest';
import { styleRules } from '../../src/background/services/svg-style-rules.ts';
import { svgUseClones } from '../../src/background/services/svg-use-clones.ts';

/** Patterns eight deep, each of ten rectangles filled with the pattern before through a rule of class l{i}. */
const chain = (sheet: (rules: string) => string): string => {
  let rules = '';
  let defs = '<pattern id="p0" width="1" height="1"><rect width="1" height="1"/></pattern>';
  for (let i = 1; i <= 8; i++) {
    rules += `.l${i} rect{fill:url(#p${i - 1})}`;
    defs += `<pattern id="p${i}" class="l${i}" width="1" height="1">${'<rect width="1" height="1"/>'.repeat(10)}</pattern>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg"><style>${sheet(rules)}</style><defs>${defs}</defs><rect class="l9" width="9" height="9" fill="url(#p8)"/></svg>`;
};

describe('a sheet importing another, however spelt, counts as too many', () => {
  it('the rules in the page itself are counted (the bomb the import hides)', () => {
    expect(svgUseClones(chain((rules) => rules))).toBe(Infinity);
  });

  it.each([
    ['@import', (rules: string) => `@import url("data:text/css,${encodeURIComponent(rules)}");`],
    ['@\\69mport', (rules: string) => `@\\69mport url("data:text/css,${encodeURIComponent(rules)}");`],
    ['@\\49 MPORT', (rules: string) => `@\\49 MPORT "data:text/css;base64,${btoa(rules)}";`],
  ])('%s of a data: sheet', (_, sheet) => {
    expect(svgUseClones(chain(sheet))).toBe(Infinity);
  });

  it('a data: SVG named through escapes in a sheet', () => {
    expect(styleRules('rect{mask:url("data:image/svg\\2b xml;base64,PHN2Zy8+")}', () => false)).toBeUndefined();
  });

  it('an escape elsewhere in a sheet (a font name) still reads', () => {
    expect(styleRules(".a{font-family:'\\5FAE\\8F6F\\96C5\\9ED1'}", () => true)).toEqual([]);
  });
});
