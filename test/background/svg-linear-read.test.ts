/**
 * svg-use-clones.ts reads a picture in the worker before any is drawn (unbaked.ts, views.ts): its
 * reading must stay linear on hostile text. Each case below is 100 to 450 KB, and took from 5 s to minutes (the square of its length; at
 * 2 MB, hours): a tag never closed (TAG's name split at each place), a tag's words without `=`
 * (ATTR), `url(` then spaces (URL_REF's two `\s*`), a style's words without `:` (DECLARATION), a
 * style's `<` never closed, and one element's paint written thousands of times (the list of what it
 * names copied at each, once already too many). Each is now read in milliseconds, as it counted before.
 */
import { describe, expect, it } from 'vitest';
import { styleRules } from '../../src/background/services/svg-style-rules.ts';
import { svgUseClones } from '../../src/background/services/svg-use-clones.ts';

const N = 100_000;
const timed = (svg: string): [number, number] => {
  const started = performance.now();
  const count = svgUseClones(svg);
  return [count, performance.now() - started];
};

describe('a hostile picture is read in linear work', () => {
  it.each([
    ['a tag never closed', `<svg><use href="#p"/><${'a'.repeat(N)}<rect/></svg>`, 0],
    ["a tag's words without =", `<svg><use href="#p"/><rect ${'a'.repeat(N)}/></svg>`, 0],
    ['url( then spaces', `<svg><rect id="p"/><rect fill="url(${' '.repeat(N)}"/></svg>`, 0],
    ['url( then spaces in a style attribute', `<svg><rect id="p"/><rect style="fill:url(${' '.repeat(N)}"/></svg>`, 0],
    ["a style attribute's words without :", `<svg><rect id="p"/><rect style="${'a'.repeat(N)}url(#p)"/></svg>`, 0],
    ["a rule's words without :", `<svg><rect id="p"/><style>r{${'a'.repeat(N)}url(#p)}</style></svg>`, 0],
    ["a style's < never closed", `<svg><use href="#p"/><style>${'<'.repeat(N)}</style></svg>`, 0],
    ['a paint written 30,000 times on one element', `<svg><rect id="p"/><rect ${'fill="url(#p)" '.repeat(30_000)}/></svg>`, Infinity],
    ['a paint declared 30,000 times in one style', `<svg><rect id="p"/><rect style="${'fill:url(#p);'.repeat(30_000)}"/></svg>`, Infinity],
  ])('%s', (_, svg, expected) => {
    const [count, ms] = timed(svg);
    expect(count).toBe(expected);
    expect(ms).toBeLessThan(1_500);
  });

  it('a rule thousands of blocks deep: the keyframes it may be in are known as each block opens', () => {
    const css = `${'{'.repeat(N)}${'a{fill:url(#p)}'.repeat(N / 50)}`;
    const started = performance.now();
    expect(styleRules(css, () => true)).toHaveLength(N / 50);
    expect(performance.now() - started).toBeLessThan(1_500);
    // Still every element for a rule in @keyframes, however deep.
    expect(styleRules('@keyframes k{{to{fill:url(#p)}}}', () => true)).toEqual([{ subjects: [{ every: true, classes: [] }], declarations: [['fill', 'url(#p)']] }]);
    expect(styleRules('@media print{@keyframes k{to{fill:url(#p)}}}', () => true)?.[0]?.subjects).toEqual([{ every: true, classes: [] }]);
  });
});
