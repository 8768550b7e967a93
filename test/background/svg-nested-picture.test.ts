/**
 * Hostile round 32: an SVG drawn as an image still loads the `data:` pictures it embeds, and draws
 * them: a 1.6 KB picture whose only element is `<image href="data:image/svg+xml;base64,…">` holding a
 * use bomb of 10^5 clones held Chromium's page about 30 s (its own draw count was 0: it references
 * nothing by `#id`), and the popup and pickers were handed it. svg-use-clones.ts counts the inner
 * picture as part of the outer one.
 */
import { describe, expect, it } from 'vitest';
import { drawableImage, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';
import { useBomb } from '../support/svg-bomb.ts';

const base64 = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const percent = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;
const holding = (url: string, element = 'image') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="72" height="72"><${element} width="72" height="72" xlink:href="${url}"/></svg>`;

describe('a picture inside the picture', () => {
  it('counts what the embedded data: SVG draws, in an image or a filter image, however it is encoded', () => {
    expect(tooManyClones(holding(base64(useBomb(5))))).toBe(true);
    expect(tooManyClones(holding(percent(useBomb(5))))).toBe(true);
    expect(tooManyClones(holding(base64(useBomb(5)), 'feImage'))).toBe(true);
    expect(drawableImage(base64(holding(base64(useBomb(5)))))).toBeUndefined();
  });

  it('nested two deep at most; deeper, in a style sheet or a CSS value, or unreadable, counts as too many', () => {
    const small = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
    expect(svgUseClones(holding(base64(holding(base64(small)))))).toBe(0);
    expect(svgUseClones(holding(base64(holding(base64(holding(base64(small)))))))).toBe(Infinity);
    expect(svgUseClones(`<svg><rect style="mask-image: url('${percent(useBomb(5))}')"/></svg>`)).toBe(Infinity);
    expect(svgUseClones(`<svg><style>rect{fill:url(#a);background:url(${base64(small)})}</style><rect/></svg>`)).toBe(Infinity);
    expect(svgUseClones(holding('data:image/svg+xml;base64,@@@'))).toBe(Infinity);
  });

  it('an embedded raster picture or a small SVG changes nothing', () => {
    expect(svgUseClones(holding('data:image/png;base64,iVBORw0KGgo='))).toBe(0);
    const figma = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect fill="url(#p)"/><pattern id="p"><use xlink:href="#i"/></pattern><image id="i" xlink:href="data:image/png;base64,iVBORw0KGgo="/></svg>';
    expect(svgUseClones(holding(base64(figma)))).toBe(4);
    expect(drawableImage(base64(holding(base64(figma))))).toBe(base64(holding(base64(figma))));
  });
});
