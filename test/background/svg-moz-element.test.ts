/**
 * Review 36: Firefox draws `-moz-element(#id)` (an element's rendering as a CSS image) in an SVG drawn
 * as an image too. Probed in Firefox ESR 153 (an <img> of a data: SVG, drawn into a canvas): a
 * foreignObject div whose background is `-moz-element(#r)` showed the red rect r; a chain of divs each
 * painting the one before four times took 3.2 s at seven levels, 12 s at eight and 30 s at nine (4 KB),
 * growing fourfold a level, as a use bomb does (svg-use-clones.test.ts). Counted now as `url(#id)` is.
 */
import { describe, expect, it } from 'vitest';
import { MAX_USE_CLONES, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';

const XHTML = 'http://www.w3.org/1999/xhtml';
const picture = (html: string, css = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">${css ? `<style>${css}</style>` : ''}<foreignObject width="200" height="200"><div xmlns="${XHTML}">${html}</div></foreignObject></svg>`;

/** Level k's div paints level k-1's `fan` times (the probe's picture, `id` spelling each id). */
function chain(levels: number, fan = 4, id = (k: number) => `e${k}`, fn = '-moz-element'): string {
  let s = `<div id="${id(0)}" style="width:64px;height:64px;background:linear-gradient(red,blue)"></div>`;
  for (let k = 1; k <= levels; k++) {
    const refs = Array.from({ length: fan }, (_, i) => `${fn}(#${id(k - 1)}) ${i * 13}px ${i * 7}px/${32 - i * 5}px no-repeat`).join(', ');
    s = `<div id="${id(k)}" style="width:64px;height:64px;background:${refs}"></div>` + s;
  }
  return picture(s);
}

describe('-moz-element(#id) in an SVG picture', () => {
  it('counts what it draws: the probe\'s chain is too many, in any case, a short one is not', () => {
    expect(tooManyClones(chain(9))).toBe(true);
    expect(tooManyClones(chain(7))).toBe(true);
    expect(tooManyClones(chain(9, 4, undefined, '-MOZ-ELEMENT'))).toBe(true);
    expect(tooManyClones(chain(9).replaceAll('-moz-element(#', '-moz-element(\n #'))).toBe(true);
    expect(svgUseClones(chain(1, 1))).toBeGreaterThan(0);
    expect(tooManyClones(chain(2))).toBe(false);
  });

  it('reads the id as a CSS name (any name character); an escape in it is not read here', () => {
    expect(tooManyClones(chain(9, 4, (k) => `-é_${k}`))).toBe(true);
    expect(tooManyClones(chain(9, 4, (k) => `x${k}`).replaceAll('(#x', '(#\\78 '))).toBe(true);
  });

  it('in a style sheet\'s rules, as url(#id) there', () => {
    let html = '<div id="e0" style="width:8px;height:8px;background:red"></div>';
    let css = '';
    for (let k = 1; k <= 9; k++) {
      html = `<div id="e${k}" class="l${k}">${'<p></p>'.repeat(4)}</div>` + html;
      css += `.l${k} p { width: 8px; height: 8px; background: -moz-element(#e${k - 1}) } `;
    }
    expect(svgUseClones(picture(html, css))).toBeGreaterThan(MAX_USE_CLONES);
  });

  it('in an inherited image property (every list item under it draws it): too many', () => {
    expect(svgUseClones(picture(`<div id="e0" style="width:8px;height:8px;background:red"></div><ul style="list-style-image:-moz-element(#e0)"><li>a</li></ul>`))).toBe(Infinity);
  });
});
