/**
 * The pickers' pictures without their badge (unbaked.ts, unbaked-svg.ts), against what Lanyard's own
 * readers take as the badge (review18b):
 *  - a baked SVG's badge element under a prefix that is an XML name beyond ASCII (`<é:assertion>`,
 *    XML 1.0 §2.3 NameStartChar), or under an empty prefix (`<:assertion>`, which core/input/svg.ts
 *    reads in the default namespace): the cut looked for ASCII prefixes only, found no badge element
 *    left, and sent the credential to the page;
 *  - a baked PNG given as a data: URL under another image type (`data:image/jpeg;base64,<PNG>`): the
 *    content script takes jpeg, gif and webp (h.ts safeImage), browsers draw a PNG whatever the label
 *    says (they sniff the image's signature), and it went as it was, badge chunks and all.
 */
import { describe, expect, it } from 'vitest';
import { pickerImage } from '../../src/background/services/views.ts';
import { svgWithoutBadge } from '../../src/background/services/unbaked-svg.ts';
import { unbaked } from '../../src/background/services/unbaked.ts';
import { unpack } from '../../src/core/input/index.ts';
import { readBakedPng } from '../../src/core/input/png.ts';
import { readBakedSvg } from '../../src/core/input/svg.ts';
import { buildPng, itxt } from '../core/input/png-builder.ts';

// Its id is the address the SVG case's verify attribute names: the body and verify are one badge (core/input/svg.ts extract).
const ASSERTION = JSON.stringify({ id: 'https://b.example/a', type: 'Assertion', recipient: { type: 'email', hashed: false, identity: 'ada@home.example' } });
const svg = (el: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${el}<rect width="1" height="1"/></svg>`;

describe('a baked SVG under any prefix Lanyard reads', () => {
  for (const [what, doc] of [
    ['a prefix beyond ASCII', svg(`xmlns:é="http://openbadges.org"><é:assertion verify="https://b.example/a"><![CDATA[${ASSERTION}]]></é:assertion>`)],
    ['a prefix with a middle dot', svg(`xmlns:o·b="http://openbadges.org"><o·b:assertion><![CDATA[${ASSERTION}]]></o·b:assertion>`)],
    ['an empty prefix', svg(`><:assertion xmlns="http://openbadges.org"><![CDATA[${ASSERTION}]]></:assertion>`)],
  ] as const) {
    it(`${what}: read as a badge, and cut`, () => {
      expect(readBakedSvg(doc).text).toBe(ASSERTION);
      const out = svgWithoutBadge(doc);
      expect(out).toBeDefined();
      expect(out).not.toContain('ada@home.example');
      expect(() => readBakedSvg(out!)).toThrow(/no openbadges/);
    });
  }
});

describe('a baked PNG in a data: URL under another label', () => {
  const png = buildPng(itxt('openbadges', ASSERTION));
  for (const type of ['image/jpeg', 'image/gif', 'image/webp', 'image/x-png']) {
    it(`${type}: sent without its badge chunks, or not at all`, async () => {
      await expect(readBakedPng(png)).resolves.toMatchObject({ text: ASSERTION });
      const out = pickerImage(`data:${type};base64,${Buffer.from(png).toString('base64')}`);
      if (out === undefined) return;
      const sent = Buffer.from(out.slice(out.indexOf(',') + 1), 'base64');
      expect(sent.includes(Buffer.from('ada@home.example'))).toBe(false);
      expect(sent.includes(Buffer.from('openbadges'))).toBe(false);
      expect(out.startsWith('data:image/png;base64,')).toBe(true);
    });
  }
});

describe('other data: pictures go only when their bytes are of their type', () => {
  const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
  const bakedSvg = svg(`xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[${ASSERTION}]]></openbadges:assertion>`);
  it('a baked SVG labelled image/jpeg is not sent', () => {
    expect(pickerImage(`data:image/jpeg;base64,${b64(bakedSvg)}`)).toBeUndefined();
    expect(pickerImage(`data:image/gif,${encodeURIComponent(bakedSvg)}`)).toBeUndefined();
  });
  it('a JPEG, a GIF and a WebP go as they are', () => {
    for (const [type, head] of [['image/jpeg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)], ['image/gif', Buffer.from('GIF89a\x01\x00')], ['image/webp', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L')]] as const) {
      const url = `data:${type};base64,${b64(head)}`;
      expect(pickerImage(url)).toBe(url);
    }
  });
});

describe('a baked SVG in another encoding than UTF-8', () => {
  it('saved as UTF-16 without a BOM (Windows "Unicode"), which Lanyard reads: the credential is not sent', async () => {
    const doc = svg(`xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[${ASSERTION}]]></openbadges:assertion>`);
    const bytes = new Uint8Array(Buffer.from(doc, 'utf16le'));
    const read = await unpack(bytes);
    expect(read.kind).toBe('svg');
    const out = unbaked(bytes, 'image/svg+xml');
    if (out === undefined) return;
    for (const enc of ['utf8', 'utf16le'] as const) expect(Buffer.from(out).toString(enc)).not.toContain('ada@home.example');
  });
});
