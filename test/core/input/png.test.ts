import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { readBakedPng } from '../../../src/core/input/png.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { buildPng, chunk, concat, itxt, SIGNATURE, text, ztxt } from './png-builder.ts';
import { fixture } from './fixtures.ts';

const ASSERTION = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a1.json' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ParseError);
  return (e as ParseError).code;
}

describe('readBakedPng: fixtures', () => {
  it.each([
    ['baking/ob20_simple-badge.png', 'iTXt', 'openbadges'],
    ['baking/vc-core_baked_heart.png', 'iTXt', 'openbadges'],
    ['baking/cs-bakery_baked_heart.png', 'iTXt', 'openbadges'],
    ['baking/ob30_simple-json.png', 'iTXt', 'openbadgecredential'],
    ['baking/ob30_simple-jwt.png', 'iTXt', 'openbadgecredential'],
    ['baking/ob30_simple-jwt_v1.png', 'iTXt', 'openbadgecredential'],
    ['baking/mozilla-backpack_valid-baked.png', 'tEXt', 'openbadges'],
  ])('%s → %s %s', async (file, type, keyword) => {
    const r = await readBakedPng(fixture(file));
    expect(r.chunk).toBe(type);
    expect(r.keyword).toBe(keyword);
  });

  it('reads the legacy tEXt URL of the Mozilla backpack fixture', async () => {
    expect((await readBakedPng(fixture('baking/mozilla-backpack_valid-baked.png'))).text).toBe('https://example.org/assertion');
  });
});

describe('readBakedPng: built PNGs', () => {
  it('reads an uncompressed iTXt openbadges chunk', async () => {
    const r = await readBakedPng(buildPng(itxt('openbadges', JSON.stringify(ASSERTION))));
    expect(JSON.parse(r.text)).toEqual(ASSERTION);
  });

  it('inflates a compressed iTXt (flag 1, method 0)', async () => {
    const png = buildPng(itxt('openbadgecredential', JSON.stringify(ASSERTION), { compressed: true }));
    expect(JSON.parse((await readBakedPng(png)).text)).toEqual(ASSERTION);
    const u = await unpack(png);
    expect(u.credential.type === 'json' && u.credential.json.id).toBe(ASSERTION.id);
  });

  it('skips a language tag and translated keyword, and decodes UTF-8', async () => {
    const r = await readBakedPng(buildPng(itxt('openbadges', 'https://example.org/ünï', { language: 'en-GB', translated: 'Öpen bädges' })));
    expect(r.text).toBe('https://example.org/ünï');
  });

  it('reads two badge chunks holding the same text as that one badge', async () => {
    const png = buildPng(itxt('openbadges', 'https://example.org/first'), itxt('openbadges', 'https://example.org/first', { language: 'en' }));
    expect((await readBakedPng(png)).text).toBe('https://example.org/first');
  });

  it('takes the first badge chunk whatever its keyword or type', async () => {
    const png = buildPng(
      text('Software', 'ImageMagick'),
      itxt('comment', 'https://example.org/not-a-badge'),
      text('openbadges', 'https://example.org/legacy'),
      itxt('openbadgecredential', 'https://example.org/legacy'),
    );
    expect(await readBakedPng(png)).toEqual({ chunk: 'tEXt', keyword: 'openbadges', text: 'https://example.org/legacy' });
  });

  it('does not read a PNG whose badge chunks hold different badges: indeterminate, never the first alone (OB 2.0 §Baking, OB 3.0 §5.3.1: one badge; adversarial review, session 19)', async () => {
    for (const png of [
      buildPng(itxt('openbadges', 'https://example.org/first'), itxt('openbadges', 'https://example.org/second')),
      buildPng(itxt('openbadgecredential', '{"id":"urn:uuid:1"}'), text('openbadges', 'https://example.org/other')),
    ]) {
      const e = await readBakedPng(png).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UnsupportedCredentialError);
      expect((e as Error).message).toMatch(/carries two different badges/);
    }
  });

  it('reads a legacy tEXt URL as Latin-1', async () => {
    const r = await readBakedPng(buildPng(text('openbadges', 'https://example.org/caf\u00e9')));
    expect(r.text).toBe('https://example.org/café');
    const u = await unpack(buildPng(text('openbadges', 'https://example.org/assertion')));
    expect(u).toMatchObject({ kind: 'png', credential: { type: 'url', text: 'https://example.org/assertion' } });
  });

  it('reads a CLR 2.0 credential baked as clrcredential, and an OB 3.0 or CLR one in a zTXt chunk, as the 1EdTech validator does', async () => {
    // DCPV PngParser: keywords openbadges, openbadgecredential and clrcredential, read from any text
    // entry with a `text` value (ImageIO's iTXt and zTXt entries; tEXt has a `value` instead).
    expect(await readBakedPng(buildPng(itxt('clrcredential', '{"a":1}')))).toEqual({ chunk: 'iTXt', keyword: 'clrcredential', text: '{"a":1}' });
    expect(await readBakedPng(buildPng(ztxt('openbadgecredential', '{"b":2}')))).toEqual({ chunk: 'zTXt', keyword: 'openbadgecredential', text: '{"b":2}' });
    expect(await readBakedPng(buildPng(ztxt('clrcredential', '{"c":3}')))).toEqual({ chunk: 'zTXt', keyword: 'clrcredential', text: '{"c":3}' });
  });

  it('reads a zTXt openbadges chunk', async () => {
    expect((await readBakedPng(buildPng(ztxt('openbadges', 'https://example.org/z')))).text).toBe('https://example.org/z');
  });

  it('ignores look-alike keywords', async () => {
    const png = buildPng(itxt('openbadgesX', 'x'), itxt('OpenBadges', 'x'), text('openbadgecredentials', 'x'), text('OpenBadgeCredential', 'x'));
    expect(await codeOf(readBakedPng(png))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });

  it('reads an OB 3.0 or CLR credential some bakers write as tEXt (OB 3.0 §5.3.1.1 says iTXt), as UTF-8 when it is', async () => {
    const json = '{"name":"Caf\u00e9 \u2713"}';
    const utf8 = new TextEncoder().encode(json);
    const raw = (keyword: string) => chunk('tEXt', concat(new TextEncoder().encode(keyword), Uint8Array.of(0), utf8));
    expect(await readBakedPng(buildPng(raw('openbadgecredential')))).toEqual({ chunk: 'tEXt', keyword: 'openbadgecredential', text: json });
    expect(await readBakedPng(buildPng(raw('clrcredential')))).toEqual({ chunk: 'tEXt', keyword: 'clrcredential', text: json });
    const u = await unpack(buildPng(text('openbadgecredential', 'https://example.org/v3/1')));
    expect(u).toMatchObject({ kind: 'png', credential: { type: 'url', text: 'https://example.org/v3/1' } });
  });

  it('reports a PNG with nothing baked as PARSE_NOT_BAKED', async () => {
    expect(await codeOf(readBakedPng(buildPng()))).toBe(ErrorCodes.PARSE_NOT_BAKED);
    expect(await codeOf(unpack(buildPng(text('Title', 'hello'))))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });

  it('ignores data after IEND', async () => {
    const png = concat(buildPng(itxt('openbadges', 'https://example.org/a')), Uint8Array.of(1, 2, 3));
    expect((await readBakedPng(png)).text).toBe('https://example.org/a');
    // A badge chunk after IEND is not part of the PNG (PNG §5.6): still not read, ahead of one before it or alone.
    const before = concat(buildPng(itxt('openbadges', 'https://example.org/a')), itxt('openbadgecredential', 'https://example.org/after'));
    expect((await readBakedPng(before)).text).toBe('https://example.org/a');
  });

  it('says so when the only badge data lies after IEND', async () => {
    for (const trailer of [itxt('openbadgecredential', '{"a":1}'), text('openbadges', 'https://example.org/a'), concat(new Uint8Array(1000), ztxt('clrcredential', 'x'))]) {
      const e = await readBakedPng(concat(buildPng(text('Software', 'x')), trailer)).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).code).toBe(ErrorCodes.PARSE_BAKED_AFTER_END);
      expect((e as ParseError).message).toMatch(/after the image's end \(its IEND chunk\)/);
    }
    // Trailing bytes with no badge keyword keep the plain message.
    const plain = await readBakedPng(concat(buildPng(), new Uint8Array(64), new TextEncoder().encode('openbadge\0'))).catch((err: unknown) => err);
    expect((plain as ParseError).message).toBe('The PNG carries no openbadges, openbadgecredential or clrcredential text chunk');
  });
});

describe('readBakedPng: broken PNGs are PARSE_PNG', () => {
  it('every truncation of a built PNG', async () => {
    const png = buildPng(itxt('openbadges', JSON.stringify(ASSERTION)));
    for (let cut = 4; cut < png.length; cut++) {
      expect(await codeOf(unpack(png.subarray(0, cut))), `cut at ${cut}`).toBe(ErrorCodes.PARSE_PNG);
    }
  });

  it('a fixture cut inside IDAT, after its intact badge chunk', async () => {
    const png = fixture('baking/ob20_simple-badge.png');
    expect(await codeOf(unpack(png.subarray(0, png.length - 40)))).toBe(ErrorCodes.PARSE_PNG);
  });

  it('a chunk length beyond the file or beyond 2^31 − 1', async () => {
    const png = buildPng(itxt('openbadges', 'https://example.org/a'));
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(8, 0xfffffff0);
    expect(await codeOf(readBakedPng(huge))).toBe(ErrorCodes.PARSE_PNG);
    const long = png.slice();
    new DataView(long.buffer).setUint32(33, 0x00100000); // the iTXt chunk after the 25-byte IHDR
    expect(await codeOf(readBakedPng(long))).toBe(ErrorCodes.PARSE_PNG);
  });

  it('a first chunk that is not IHDR, or a bad signature', async () => {
    expect(await codeOf(readBakedPng(concat(SIGNATURE, itxt('openbadges', 'x'))))).toBe(ErrorCodes.PARSE_PNG);
    const png = buildPng();
    png[7] = 0;
    expect(await codeOf(readBakedPng(png))).toBe(ErrorCodes.PARSE_PNG);
  });

  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it.each([
    ['unknown compression flag', concat(enc('openbadges'), Uint8Array.of(0, 2, 0, 0, 0), enc('x'))],
    ['unknown compression method', concat(enc('openbadges'), Uint8Array.of(0, 1, 1, 0, 0), enc('x'))],
    ['header cut short', concat(enc('openbadges'), Uint8Array.of(0))],
    ['unterminated language tag', concat(enc('openbadges'), Uint8Array.of(0, 0, 0), enc('en'))],
    ['invalid UTF-8 text', concat(enc('openbadges'), Uint8Array.of(0, 0, 0, 0, 0, 0xff, 0xfe))],
    ['compressed garbage', concat(enc('openbadges'), Uint8Array.of(0, 1, 0, 0, 0, 1, 2, 3, 4))],
    ['compressed and truncated', concat(enc('openbadges'), Uint8Array.of(0, 1, 0, 0, 0), new Uint8Array(deflateSync(enc('x'.repeat(999)))).subarray(0, 8))],
  ])('an iTXt with %s', async (_, data) => {
    expect(await codeOf(readBakedPng(buildPng(chunk('iTXt', data))))).toBe(ErrorCodes.PARSE_PNG);
  });

  it('a compressed iTXt that would inflate past the limit', async () => {
    const bomb = concat(enc('openbadges'), Uint8Array.of(0, 1, 0, 0, 0), new Uint8Array(deflateSync(new Uint8Array(9 * 1024 * 1024))));
    expect(bomb.length).toBeLessThan(20_000);
    expect(await codeOf(readBakedPng(buildPng(chunk('iTXt', bomb))))).toBe(ErrorCodes.PARSE_PNG);
  });
});

describe('unpack: baked PNG text', () => {
  it('classifies the baked text like any input', async () => {
    expect(await codeOf(unpack(buildPng(itxt('openbadges', '   '))))).toBe(ErrorCodes.PARSE_NOT_BAKED);
    expect(await codeOf(unpack(buildPng(itxt('openbadges', 'hello world'))))).toBe(ErrorCodes.PARSE_UNRECOGNISED);
    expect(await codeOf(unpack(buildPng(itxt('openbadges', '{"a":')))))
      .toBe(ErrorCodes.PARSE_JSON);
  });
});

describe('a tEXt/zTXt badge chunk holding UTF-8', () => {
  // PNG §11.3.4.3 says Latin-1, but bakers write the JSON they have, and JSON text is UTF-8 (RFC 8259
  // §8.1): read as Latin-1, a name such as "SAFe®" or "デジタル推進委員" becomes mojibake.
  it('reads bytes that are valid UTF-8 as UTF-8, and anything else as Latin-1', async () => {
    const json = '{"@context":"https://w3id.org/openbadges/v2","id":"https://example.org/a","name":"Certified SAFe\u00ae 4 Agilist \u30c7\u30b8\u30bf\u30eb"}';
    const utf8 = new TextEncoder().encode(json);
    const raw = (type: 'tEXt', body: Uint8Array) => chunk(type, concat(new TextEncoder().encode('openbadges'), Uint8Array.of(0), body));
    expect((await readBakedPng(buildPng(raw('tEXt', utf8)))).text).toBe(json);
    // 0xE9 alone is not UTF-8: Latin-1 é, as before.
    expect((await readBakedPng(buildPng(text('openbadges', 'https://example.org/caf\u00e9')))).text).toBe('https://example.org/café');
  });
});
