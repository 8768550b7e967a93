/**
 * A picker row's picture goes into the page's document (a data: URL in an <img>, in the page's
 * renderer). A baked PNG carries its whole credential (OB 2.0 §Baking PNG, OB 3.0 §5.3.1.1: the
 * assertion or credential, and in it whom it was issued to, often an e-mail address) in a text
 * chunk, a baked SVG in its badge element: every row of a picker list sent it, for up to 100 badges,
 * where the page only draws the picture. The picture is now sent without them (and a PNG without
 * anything after IEND).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBakedPictures } from '../../src/background/services/picker-images.ts';
import { pickerBadge } from '../../src/background/services/views.ts';
import { pngWithoutBadge, readBakedPng } from '../../src/core/input/png.ts';
import { readBakedSvg } from '../../src/core/input/svg.ts';
import { svgWithoutBadge } from '../../src/background/services/unbaked-svg.ts';
import type { BadgeRecord, OriginalRecord } from '../../src/platform/records.ts';
import { buildPng, chunk, concat, itxt, text, ztxt } from '../core/input/png-builder.ts';

const ASSERTION = JSON.stringify({ type: 'Assertion', recipient: { type: 'email', hashed: false, identity: 'ada@home.example' } });
const row = (key: string) => ({ key, contentHash: 'h', original: { kind: 'png' }, meta: { name: key, tags: [] } }) as unknown as BadgeRecord;
const bytesOf = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');

describe('picker pictures carry the picture, not the credential', () => {
  it('a baked PNG goes out without its badge chunks, its other chunks as they were', async () => {
    const comment = text('Comment', 'drawn by hand');
    const baked = concat(buildPng(comment, itxt('openbadges', ASSERTION), text('openbadges', 'https://b.example/a'), ztxt('openbadgecredential', ASSERTION)), text('openbadges', ASSERTION));
    const original = async (key: string): Promise<OriginalRecord> => ({ key, bytes: baked });
    const out = await createBakedPictures(original)([row('p')]);
    const sent = bytesOf(out.get('p')!);
    expect(sent.includes(Buffer.from('ada@home.example'))).toBe(false);
    expect(sent.includes(Buffer.from('openbadge'))).toBe(false);
    expect(Buffer.from(sent).equals(Buffer.from(buildPng(comment)))).toBe(true);
    await expect(readBakedPng(sent)).rejects.toMatchObject({ code: 'ERR_PARSE_NOT_BAKED' });
  });

  it('a PNG that cannot be read as one is not sent at all', async () => {
    const broken = concat(buildPng(itxt('openbadges', ASSERTION)).subarray(0, 40));
    const out = await createBakedPictures(async (key) => ({ key, bytes: broken }))([row('p')]);
    expect(out.has('p')).toBe(false);
    expect(() => pngWithoutBadge(chunk('IEND', new Uint8Array(0)))).toThrow();
  });
});

describe('a baked SVG goes out without its badge element', () => {
  const FIXTURES = resolve(import.meta.dirname, '../fixtures');
  const files = ['real/andamio-credential-badges/203e63f4.77547ab0.svg', 'real/badgr-eu-edubadges/baked_svg_edubadge.svg', 'real/cognipilot-credentials/james-goppert_board-of-directors-2026.svg', 'conformance/baking/mozilla-bakery_baked.svg', 'conformance/baking/cs-bakery_baked_example.svg', 'conformance/baking/ob30_simple-json.svg', 'conformance/baking/ob30_simple-jwt.svg'];

  it.each(files)('%s: the picture, still an SVG, with nothing of the credential', (file) => {
    const svg = readFileSync(resolve(FIXTURES, file), 'utf8');
    const carried = readBakedSvg(svg).text;
    const out = svgWithoutBadge(svg);
    expect(out).toBeDefined();
    expect(out!.includes(carried.slice(0, 200))).toBe(false);
    // Still well-formed (a broken one is PARSE_SVG), with no badge element left.
    expect(() => readBakedSvg(out!)).toThrow(expect.objectContaining({ code: 'ERR_PARSE_NOT_BAKED' }));
    expect(out!.length).toBeGreaterThan(svg.length - carried.length - 2000);
  });

  it('through the picker list: the row’s data: URL holds no credential; one it cannot cut cleanly is not sent', async () => {
    const svg = readFileSync(resolve(FIXTURES, files[3]!), 'utf8');
    const rowOf = (key: string) => ({ ...row(key), original: { kind: 'svg' } }) as unknown as BadgeRecord;
    const enc = new TextEncoder();
    const out = await createBakedPictures(async (key) => ({ key, bytes: enc.encode(key === 'ok' ? svg : svg.replace('</openbadges:assertion>', '')) }))([rowOf('ok'), rowOf('odd')]);
    expect(bytesOf(out.get('ok')!).toString('utf8')).toBe(svgWithoutBadge(svg));
    expect(out.has('odd')).toBe(false);
  });

  // Each cut scans to its end tag: thousands of unclosed tags would cost the worker quadratic time (no timed test: the cap is the rule).
  it('more badge tags than any baker writes are not cut: no picture', () => {
    const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:a="http://openbadges.org">${'<a:assertion verify="https://b.example/a"/>'.repeat(n)}</svg>`;
    expect(svgWithoutBadge(svg(8))).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:a="http://openbadges.org"></svg>');
    expect(svgWithoutBadge(svg(9))).toBeUndefined();
  });
});

describe('a picture the badge gives as a data: URL', () => {
  // OB 2.0 §Assertion image: "IRI or Data URI … This may be a baked image": the row showed it as it was.
  const record = (image: string) => ({ key: 'k', contentHash: 'h', verdict: 'valid', original: { kind: 'json' }, meta: { name: 'A', tags: [], image } }) as unknown as BadgeRecord;

  it('is shown without the badge it carries, PNG or SVG, base64 or not', () => {
    const png = buildPng(itxt('openbadges', ASSERTION));
    const fromPng = pickerBadge(record(`data:image/png;base64,${Buffer.from(png).toString('base64')}`)).image!;
    expect(fromPng).toBe(`data:image/png;base64,${Buffer.from(buildPng()).toString('base64')}`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[${ASSERTION}]]></openbadges:assertion><rect width="1" height="1"/></svg>`;
    for (const url of [`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, `data:image/svg+xml,${encodeURIComponent(svg)}`, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`]) {
      const shown = pickerBadge(record(url)).image!;
      expect(bytesOf(shown).toString('utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><rect width="1" height="1"/></svg>');
    }
  });

  it('keeps other pictures as they are, and drops one it cannot read', () => {
    expect(pickerBadge(record('data:image/jpeg;base64,/9j/4AAQ')).image).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(pickerBadge(record('data:image/png;base64,AAAA')).image).toBeUndefined();
  });
});
