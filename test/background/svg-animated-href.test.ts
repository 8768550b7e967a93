/**
 * A `use` whose href an animation sets (SMIL `set`/`animate` of `href` or `xlink:href`, SVG 2 §5.6: the
 * attribute is animatable) clones what the animation names. 300 `<use href="#z"><set attributeName="href"
 * to="#g3"/></use>` (17.8 KB; g3 a static thousand clones) held headless Chromium 85 s drawn in an <img>
 * (probed by hand 12-07; the same 300 uses without the `set`: 0.3 s), while svg-use-clones.ts counted the
 * static clones only (1,110) and handed the picture to the popup and the pickers.
 */
import { describe, expect, it } from 'vitest';
import { svgUseClones, tooManyClones } from '../../src/background/services/svg-use-clones.ts';

/** Three levels of ten static uses, and `n` uses whose href `anim` sets to the top one. */
function animated(n: number, anim: string, use = 'href'): string {
  let defs = '<rect id="g0" width="1" height="1"/>';
  for (let i = 1; i <= 3; i++) defs += `<g id="g${i}">${`<use href="#g${i - 1}"/>`.repeat(10)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs>${defs}</defs>${`<use ${use}="#z">${anim}</use>`.repeat(n)}</svg>`;
}

describe('an animated href draws what it names', () => {
  it('a use whose href an animation sets to a drawn element counts as too many', () => {
    expect(tooManyClones(animated(300, ''))).toBe(false);
    const forms = {
      set: animated(300, '<set attributeName="href" to="#g3"/>'),
      xlink: animated(300, '<set attributeName="xlink:href" to="#g3"/>', 'xlink:href'),
      values: animated(300, '<animate attributeName="href" values="#z; #g3" dur="1s"/>'),
      fromBy: animated(300, '<animate to="#z" from=" #g3" attributeName=" href " dur="1s"/>'),
    };
    for (const [name, svg] of Object.entries(forms)) expect(tooManyClones(svg), name).toBe(true);
  });

  it('an animation of another attribute, or of an href to nothing drawn, changes nothing', () => {
    const still = svgUseClones(animated(3, ''));
    expect(svgUseClones(animated(3, '<set attributeName="fill" to="#g3"/>'))).toBe(still);
    expect(svgUseClones(animated(3, '<set attributeName="href" to="#nothing"/>'))).toBe(still);
  });
});
