/**
 * A badge element inside <script>, <style> or <foreignObject> is never read as the badge (svg.ts
 * OPAQUE), but it is still an element of the badge's namespace (XML Namespaces §6: markup in those
 * elements is parsed as XML), and a verifier that takes the first such element (1EdTech's DCPV
 * SvgParser walks every element) reads it. Beside a real badge that names another badge, the image
 * holds two badges (OB 2.0 §Baking SVG and OB 3.0 §Baked Badge bake one): no one badge, as for two
 * visible elements; the second rode along unchecked while Lanyard called the image the first.
 * Text that only spells an element (CDATA, escaped, a comment, an attribute) is no element.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { OB3_SVG_NS, readBakedSvg } from '../../../src/core/input/svg.ts';
import { makeJws } from './make-jws.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const svg3 = (inner: string): string => `<svg xmlns="${SVG_NS}" xmlns:openbadges="${OB3_SVG_NS}" viewBox="0 0 10 10">${inner}<rect width="1" height="1"/></svg>`;
const JWS = makeJws({ alg: 'EdDSA' }, { jti: 'urn:uuid:real', vc: { id: 'urn:uuid:real' } });
const OTHER = makeJws({ alg: 'EdDSA' }, { jti: 'urn:uuid:other', vc: { id: 'urn:uuid:other' } });
const real = `<openbadges:credential verify="${JWS}"/>`;
const hidden = (jws: string): Record<string, string> => ({
  'in <foreignObject>': `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><openbadges:credential verify="${jws}"/></div></foreignObject>`,
  'in <script>': `<script type="x"><g><openbadges:credential verify="${jws}"/></g></script>`,
  'in <style>': `<style><openbadges:credential verify="${jws}"/></style>`,
});

describe('a badge element inside <foreignObject>, <script> or <style>', () => {
  it.each(Object.entries(hidden(OTHER)))('%s naming another badge, beside the real one: two badges', (_, inner) => {
    for (const doc of [svg3(inner + real), svg3(real + inner)]) {
      expect(() => readBakedSvg(doc)).toThrow(UnsupportedCredentialError);
      expect(() => readBakedSvg(doc)).toThrow(/carries two different badges/);
    }
  });

  it.each(Object.entries(hidden(JWS)))('%s naming the same badge: that badge', (_, inner) => {
    expect(readBakedSvg(svg3(inner + real)).text).toBe(JWS);
  });

  it('CDATA, escaped markup or a comment spelling another badge is no element: the real one', () => {
    for (const inner of [`<script><![CDATA[<openbadges:credential verify="${OTHER}"/>]]></script>`, `<script>&lt;openbadges:credential verify="${OTHER}"/&gt;</script>`, `<!-- <openbadges:credential verify="${OTHER}"/> -->`]) {
      expect(readBakedSvg(svg3(inner + real)).text).toBe(JWS);
    }
  });
});
