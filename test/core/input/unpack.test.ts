import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { unpack } from '../../../src/core/input/index.ts';
import type { CredentialText } from '../../../src/core/input/types.ts';
import type { InputKind } from '../../../src/core/model.ts';
import { fixture, listFixtures } from './fixtures.ts';
import { makeJws } from './make-jws.ts';

async function codeOf(input: Uint8Array | string): Promise<string> {
  const e = await unpack(input).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ParseError);
  return (e as ParseError).code;
}

/** Deterministic bytes (xorshift32), so a failure can be replayed. */
function randomBytes(n: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  return Uint8Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

/** What each baked fixture holds: container, credential type, and a field or text to recognise it by. */
const BAKED: Record<string, { kind: InputKind; type: CredentialText['type']; id?: string; uid?: string; text?: RegExp }> = {
  'baking/cs-bakery_baked_example.svg': { kind: 'svg', type: 'json', uid: 'abcdef12345' },
  'baking/cs-bakery_baked_heart.png': { kind: 'png', type: 'json', uid: '123' },
  'baking/mozilla-backpack_valid-baked.png': { kind: 'png', type: 'url', text: /^https:\/\/example\.org\/assertion$/ },
  'baking/mozilla-bakery_bad-json.svg': { kind: 'svg', type: 'url', text: /^http:\/\/example\.org$/ },
  'baking/mozilla-bakery_baked.svg': { kind: 'svg', type: 'json', text: /^\{"verify":\{"url":"http:\/\/example\.org"\}\}$/ },
  'baking/mozilla-bakery_no-json.svg': { kind: 'svg', type: 'url', text: /^http:\/\/example\.org$/ },
  'baking/ob20_simple-badge.png': { kind: 'png', type: 'json', id: 'https://example.org/beths-robotics-badge.json' },
  'baking/ob30_simple-json.png': { kind: 'png', type: 'json', id: 'http://example.com/credentials/3527' },
  'baking/ob30_simple-json.svg': { kind: 'svg', type: 'json', id: 'http://example.com/credentials/3527' },
  'baking/ob30_simple-jwt.png': { kind: 'png', type: 'jws', text: /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/ },
  'baking/ob30_simple-jwt.svg': { kind: 'svg', type: 'jws', text: /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/ },
  'baking/ob30_simple-jwt_v1.png': { kind: 'png', type: 'jws', text: /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/ },
  'baking/vc-core_baked_heart.png': { kind: 'png', type: 'json', id: 'https://example.org/beths-robotics-badge.json' },
};

describe('unpack: every baked fixture', () => {
  it('the table lists every file in baking/', () => {
    expect(Object.keys(BAKED).sort()).toEqual(listFixtures('baking'));
  });

  it.each(Object.entries(BAKED))('%s', async (file, want) => {
    const bytes = fixture(file);
    const u = await unpack(bytes);
    expect(u.kind).toBe(want.kind);
    expect(u.bytes).toBe(bytes);
    expect(u.credential.type).toBe(want.type);
    if (want.text) expect(u.credential.text).toMatch(want.text);
    if (u.credential.type === 'json') {
      if (want.id) expect(u.credential.json.id).toBe(want.id);
      if (want.uid) expect(u.credential.json.uid).toBe(want.uid);
    }
  });

  it('the OB 3.0 PNG and SVG carry the same JWT header and the same JSON credential', async () => {
    const png = await unpack(fixture('baking/ob30_simple-json.png'));
    const svg = await unpack(fixture('baking/ob30_simple-json.svg'));
    expect(png.credential.type === 'json' && svg.credential.type === 'json' && png.credential.json).toEqual(svg.credential.type === 'json' && svg.credential.json);
  });
});

describe('unpack: plain inputs', () => {
  it('JSON text and bytes', async () => {
    await expect(unpack('{"id":"urn:uuid:1"}')).resolves.toMatchObject({ kind: 'json', credential: { type: 'json', json: { id: 'urn:uuid:1' } } });
    await expect(unpack(fixture('ob30/simple.json'))).resolves.toMatchObject({ kind: 'json', credential: { type: 'json' } });
  });
  it('a compact JWS, trimmed', async () => {
    const jws = makeJws({ alg: 'RS256' }, { '@context': 'https://w3id.org/openbadges/v2' });
    await expect(unpack(`\n  ${jws}\n`)).resolves.toMatchObject({ kind: 'jws', credential: { type: 'jws', text: jws } });
  });
  it('an http(s) URL', async () => {
    await expect(unpack(' https://example.org/assertion/1?x=y#z ')).resolves.toMatchObject({
      kind: 'url',
      credential: { type: 'url', text: 'https://example.org/assertion/1?x=y#z' },
    });
    await expect(unpack('HTTP://EXAMPLE.ORG/a')).resolves.toMatchObject({ kind: 'url' });
  });
  it('string input is kept as its UTF-8 bytes', async () => {
    const u = await unpack('https://example.org/é');
    expect(new TextDecoder().decode(u.bytes)).toBe('https://example.org/é');
  });
});

describe('unpack: what is not a badge', () => {
  it.each([
    ['empty bytes', new Uint8Array(0)],
    ['empty string', ''],
    ['whitespace', ' \n\t\r '],
    ['a UTF-8 BOM alone', Uint8Array.of(0xef, 0xbb, 0xbf)],
    ['a BOM and whitespace', '\ufeff  \n'],
  ])('%s → PARSE_EMPTY', async (_, input) => {
    expect(await codeOf(input)).toBe(ErrorCodes.PARSE_EMPTY);
  });

  it.each([
    ['plain text', 'Hello, this is not a badge.'],
    ['an ftp URL', 'ftp://example.org/badge'],
    ['a URL with spaces', 'https://example.org/a b'],
    ['a number', '42'],
    ['a JSON string', '"https://example.org/a"'],
    ['HTML', '<!doctype html><html><body>Badge</body></html>'],
    ['a GIF header', Uint8Array.of(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0)],
  ])('%s → PARSE_UNRECOGNISED', async (_, input) => {
    expect(await codeOf(input)).toBe(ErrorCodes.PARSE_UNRECOGNISED);
  });

  it.each([1, 2, 3, 42, 1234, 99999])('random bytes (seed %i) → PARSE_UNRECOGNISED', async (seed) => {
    expect(await codeOf(randomBytes(4096, seed))).toBe(ErrorCodes.PARSE_UNRECOGNISED);
  });

  it('JSON nested 100,000 deep → PARSE_TOO_DEEP', async () => {
    expect(await codeOf('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))).toBe(ErrorCodes.PARSE_TOO_DEEP);
    expect(await codeOf(new TextEncoder().encode('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(ErrorCodes.PARSE_TOO_DEEP);
  });

  it('broken JSON and a JSON array → PARSE_JSON', async () => {
    expect(await codeOf('{"@context": "https://w3id.org/openbadges/v2",')).toBe(ErrorCodes.PARSE_JSON);
    expect(await codeOf('[{"id": 1}]')).toBe(ErrorCodes.PARSE_JSON);
  });

  it('a JWS-shaped string that does not decode → PARSE_JWS', async () => {
    expect(await codeOf('abc.def.ghi')).toBe(ErrorCodes.PARSE_JWS);
  });

  it('mangled fixtures only ever throw ParseError', async () => {
    const sources = ['baking/ob20_simple-badge.png', 'baking/ob30_simple-jwt.svg', 'baking/cs-bakery_baked_heart.png', 'ob20/simple.jwt'];
    for (const [s, file] of sources.entries()) {
      const original = fixture(file);
      const noise = randomBytes(400, 7 + s);
      for (let round = 0; round < 50; round++) {
        const bytes = original.slice();
        for (let k = 0; k < 4; k++) {
          const at = ((noise[round * 8 + k * 2]! << 8) | noise[round * 8 + k * 2 + 1]!) % bytes.length;
          bytes[at] = noise[(round * 8 + k) % noise.length]!;
        }
        const outcome = await unpack(bytes).then(() => null, (e: unknown) => e);
        if (outcome !== null) expect(outcome, `${file} round ${round}`).toBeInstanceOf(ParseError);
      }
    }
  });

  it('flipping any single byte of a baked PNG only ever throws ParseError', async () => {
    const original = fixture('baking/ob20_simple-badge.png');
    for (let i = 0; i < original.length; i++) {
      const bytes = original.slice();
      bytes[i] = bytes[i]! ^ 0xff;
      const outcome = await unpack(bytes).then(() => null, (e: unknown) => e);
      if (outcome !== null) expect(outcome, `byte ${i}`).toBeInstanceOf(ParseError);
    }
  });
});

describe('unpack: an SVG in the encoding its XML declaration names', () => {
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  it('reads an ISO-8859-1 SVG (not UTF-8) by its declaration', async () => {
    const svg = `<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns:openbadges="http://openbadges.org"><desc>Caf\u00e9 \u00e0 la cr\u00e8me</desc><openbadges:assertion verify="https://example.org/a.json"/></svg>`;
    const u = await unpack(latin1(svg));
    expect(u.kind).toBe('svg');
    expect(u.credential).toMatchObject({ type: 'url', text: 'https://example.org/a.json' });
  });
  it('still refuses bytes that are not text, declaration or not', async () => {
    await expect(unpack(Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1))).rejects.toMatchObject({ code: ErrorCodes.PARSE_UNRECOGNISED });
    await expect(unpack(latin1('<?xml version="1.0" encoding="no-such-charset"?><svg>\u00e9</svg>'))).rejects.toMatchObject({ code: ErrorCodes.PARSE_UNRECOGNISED });
  });
});
