/**
 * Hostile round 31: a badge picture whose `<use>` references nest (SVG 2 §5.6) makes the browser
 * build 10^levels clones from a kilobyte; in Chromium a picture of 10^5 held the page about 20 s and
 * one of 10^7 crashed the tab. svg-use-clones.ts counts the clones without drawing.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS, MAX_USE_CLONES, svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';
import { useBomb } from '../support/svg-bomb.ts';

describe('svgUseClones', () => {
  it('counts what nested references clone, however they are written', () => {
    // g1's ten uses clone g0 (a group and its rectangle): 20; the last use clones g1 as drawn (11 elements, 20 clones): 31.
    expect(svgUseClones(useBomb(1))).toBe(51);
    expect(tooManyClones(useBomb(2))).toBe(false);
    for (const href of ['href', 'xlink:href', 'svg:href']) expect(tooManyClones(useBomb(5, 10, href)), href).toBe(true);
    expect(tooManyClones(useBomb(24, 2))).toBe(true);
    expect(svgUseClones(useBomb(60, 2))).toBeGreaterThan(MAX_USE_CLONES);
    // References spelt with character references, percent-encoding or a declared entity are the same references.
    expect(tooManyClones(useBomb(5).replaceAll('"#g', '"&#35;g'))).toBe(true);
    expect(tooManyClones(useBomb(5).replaceAll('"#g', '"&#x23;%67'))).toBe(true);
    // An id is not trimmed (a space in it is one the reference spells too); a reference is.
    expect(tooManyClones(useBomb(5).replaceAll('id="g', 'id=" g').replaceAll('"#g', '" #%20g'))).toBe(true);
    const entity = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY h "#g">]>${useBomb(5).replaceAll('"#g', '"&h;')}`;
    expect(tooManyClones(entity)).toBe(true);
  });

  it('cannot be hidden: an entity holding markup, a reference cycle or a tag closing another element counts as too many', () => {
    const markup = `<!DOCTYPE svg [<!ENTITY u "<use href='#g0'/>">]><svg xmlns="http://www.w3.org/2000/svg"><g id="g0"/>&u;</svg>`;
    expect(svgUseClones(markup)).toBe(Infinity);
    expect(svgUseClones(`<!DOCTYPE svg [<!ENTITY % p "x">]><svg/>`)).toBe(Infinity);
    expect(svgUseClones('<svg><g id="a"><use href="#a"/></g></svg>')).toBe(Infinity);
    expect(svgUseClones('<svg><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>')).toBe(Infinity);
    expect(svgUseClones('<svg><g><use href="#x"/></svg></g>')).toBe(Infinity);
  });

  it('other references multiply what is drawn as use does: patterns, filters, masks, a style attribute', () => {
    const nested = (ref: (i: number) => string, kind = 'pattern') => {
      let defs = `<${kind} id="p0"><rect width="1" height="1" fill="red"/></${kind}>`;
      for (let i = 1; i <= 10; i++) defs += `<${kind} id="p${i}">${`<rect width="72" height="72" ${ref(i - 1)}/>`.repeat(10)}</${kind}>`;
      return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs}</defs><rect width="72" height="72" ${ref(10)}/></svg>`;
    };
    expect(tooManyClones(nested((i) => `fill="url(#p${i})"`))).toBe(true);
    expect(tooManyClones(nested((i) => `style="stroke: url( '#p${i}' )"`))).toBe(true);
    expect(tooManyClones(nested((i) => `fill="ur&#108;(#p${i})"`))).toBe(true);
    expect(tooManyClones(nested((i) => `mask="url(#p${i})"`, 'mask'))).toBe(true);
    expect(tooManyClones(nested((i) => `filter="url(#p${i})"`, 'filter'))).toBe(true);
    expect(svgUseClones(nested((i) => `fill="url(#p\\3${i})"`))).toBe(Infinity);
    // A pattern inheriting another's content by href is drawn as that content.
    expect(tooManyClones(useBomb(5).replaceAll('<use href', '<pattern href').replaceAll('"/>', '"></pattern>'))).toBe(true);
  });

  it('cannot be hidden by the case of url() (CSS Syntax §4.3.4: URL(#p) is url(#p); Chromium draws it: review33)', () => {
    expect(tooManyClones(nestedPatterns((i) => `fill="URL(#p${i})"`))).toBe(true);
    expect(tooManyClones(nestedPatterns((i) => `style="fill: Url(#p${i})"`))).toBe(true);
  });

  it('cannot be hidden in a DTD: <!ATTLIST> defaults are put on every element of that name (XML 1.0 §3.3.2; Chromium draws them: review33)', () => {
    expect(svgUseClones(`<!DOCTYPE svg [<!ATTLIST use href CDATA "#g0">]>${useBomb(1).replaceAll(' href="#g0"', '')}`)).toBe(Infinity);
    expect(svgUseClones(`<!DOCTYPE svg [<!ATTLIST rect fill CDATA "url(#p0)">]><svg><pattern id="p0"><circle r="9"/></pattern><rect/></svg>`)).toBe(Infinity);
    expect(svgUseClones(`<!DOCTYPE svg [<!ATTLIST g id ID 'g0'>]><svg><g/><use href="#g0"/></svg>`)).toBe(Infinity);
    // One that adds no value adds nothing.
    expect(svgUseClones(`<!DOCTYPE svg [<!ATTLIST g id ID #IMPLIED>]><svg><g/><use href="#g0"/></svg>`)).toBe(0);
  });

  it('counts a picture drawn inside the picture: an <image> of a data: SVG (Chromium drew a 10^5 bomb so, 48 s: review33)', () => {
    const inner = (svg: string, href = 'href') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image width="72" height="72" ${href}="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"/></svg>`;
    expect(tooManyClones(inner(useBomb(5)))).toBe(true);
    expect(tooManyClones(inner(useBomb(5), 'xlink:href'))).toBe(true);
    expect(tooManyClones(`<svg><image href="data:image/svg+xml,${encodeURIComponent(useBomb(5)).replaceAll("'", '%27')}"/></svg>`)).toBe(true);
    expect(tooManyClones(inner(useBomb(5)).replace('data:image/svg+xml', 'data: IMAGE/SVG+XML ;charset=utf-8'))).toBe(true);
    // Nested again, and drawn as often as its element is cloned.
    expect(tooManyClones(inner(inner(useBomb(5))))).toBe(true);
    expect(svgUseClones(inner(useBomb(1)))).toBe(51);
    expect(tooManyClones(useBomb(2).replace('<rect width="1" height="1" fill="red"/>', inner(useBomb(1)).replace(/^<svg[^>]*>|<\/svg>$/g, '')))).toBe(true);
    // One that cannot be read is not counted as harmless.
    expect(svgUseClones('<svg><image href="data:image/svg+xml;base64,%%%"/></svg>')).toBe(Infinity);
    // A raster picture inside is no SVG: nothing to count.
    expect(svgUseClones('<svg><image href="data:image/png;base64,iVBORw0KGgo="/></svg>')).toBe(0);
  });

  it('an href that only points draws nothing: a link, an animation naming its own parent', () => {
    expect(svgUseClones('<svg id="top"><g id="g"><animate href="#g" attributeName="opacity" values="0;1" dur="1s"/><a href="#top"><rect width="1" height="1"/></a></g></svg>')).toBe(0);
  });

  it('a picture as badge makers write it: none or a few clones', () => {
    // Figma: a rectangle filled with a pattern that uses an embedded image.
    const figma = '<svg width="72" height="72" viewBox="0 0 72 72" fill="none" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="72" height="72" fill="url(#pattern0)"/><defs><pattern id="pattern0" patternContentUnits="objectBoundingBox" width="1" height="1"><use xlink:href="#image0_1_2" transform="scale(0.002)"/></pattern><image id="image0_1_2" width="500" height="500" xlink:href="data:image/png;base64,iVBORw0KGgo="/></defs></svg>';
    // The pattern drawn where the rectangle is (the pattern, its use, the image cloned: 3) and that clone: 4.
    expect(svgUseClones(figma)).toBe(4);
    // Illustrator: namespace entities in a DOCTYPE, a symbol used twice, comments and CDATA styles.
    const illustrator = `<?xml version="1.0" encoding="utf-8"?><!-- Generator: Adobe Illustrator 24.0.0 --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_svg "http://www.w3.org/2000/svg"><!ENTITY ns_xlink "http://www.w3.org/1999/xlink">]><svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;"><style type="text/css"><![CDATA[ .st0{fill:#FFD700;} <use href="#star"/> ]]></style><symbol id="star" viewBox="0 0 10 10"><path class="st0" d="M5 0L6 4H10L7 6L8 10L5 7L2 10L3 6L0 4H4Z"/></symbol><!-- <use xlink:href="#star"/> --><use xlink:href="#star" x="10"/><use xlink:href="#star" x="30"/></svg>`;
    expect(svgUseClones(illustrator)).toBe(4);
    // Inkscape: gradients templated on others by href, filling many paths: a gradient draws no element.
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="t"><stop offset="0"/><stop offset="1"/></linearGradient>${Array.from({ length: 1000 }, (_, i) => `<linearGradient id="l${i}" xlink:href="#t"/>`).join('')}</defs>${Array.from({ length: 1000 }, (_, i) => `<path d="M0 0h1" fill="url(#l${i})" stroke="url(#t)"/>`).join('')}</svg>`;
    expect(svgUseClones(inkscape)).toBe(0);
    // A reference to another file or to no element clones nothing here (an <img> loads nothing else).
    expect(svgUseClones('<svg><use href="other.svg#a"/><use href="#missing"/></svg>')).toBe(0);
  });

  it('a deep or large picture is read in bounded work, without overflowing the stack', () => {
    const deep = `<svg><g id="a">${'<g>'.repeat(40_000)}${'</g>'.repeat(40_000)}</g><use href="#a"/></svg>`;
    expect(svgUseClones(deep)).toBe(MAX_USE_CLONES + 1); // 40,001 clones, counted up to the bound
    // Past MAX_ELEMENTS with a reference among them: too many, unread; without any reference: nothing is drawn twice, nothing read.
    expect(svgUseClones(`<svg>${'<g/>'.repeat(MAX_ELEMENTS)}<use href="#x"/></svg>`)).toBe(Infinity);
    expect(svgUseClones(`<svg>${'<g/>'.repeat(200_000)}<path d="M0 0"/></svg>`)).toBe(0);
  });
});

/** Patterns ten deep, each of ten rectangles referencing the pattern before with `ref` (about 10^10 drawn). */
function nestedPatterns(ref: (i: number) => string): string {
  let defs = '<pattern id="p0"><rect width="1" height="1" fill="red"/></pattern>';
  for (let i = 1; i <= 10; i++) defs += `<pattern id="p${i}">${Array.from({ length: 10 }, () => `<rect width="72" height="72" ${ref(i - 1)}/>`).join('')}</pattern>`;
  return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs}</defs><rect width="72" height="72" ${ref(10)}/></svg>`;
}
