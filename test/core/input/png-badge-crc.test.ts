/**
 * A badge chunk whose CRC does not match. The Mozilla Backpack's first baker, metapng.js, "calculates
 * the 4 byte CRC value wrong for the tEXt chunks it wrote, and although they display fine because
 * tEXts are ancillary chunks, libraries that are strict about CRC … get real cranky trying to read baked
 * badges" (mozilla/openbadges-backpack issue #194, 2012). PNG §13.1 (error handling) has a decoder recover from errors in
 * ancillary chunks. The CRC guards against damage in transit, not forgery (anyone who
 * writes a chunk writes its CRC): the text is read and verified on its own, and a genuine 2012 badge
 * was refused as a broken file (parse fail, invalid).
 */
import { describe, expect, it } from 'vitest';
import { readBakedPng } from '../../../src/core/input/png.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from '../formats/ob2-fixtures.ts';
import { buildPng, chunk, concat } from './png-builder.ts';

const HOSTED = 'https://issuer.test/assertions/1.json';
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const badText = (value: string) => chunk('tEXt', concat(latin1('openbadges'), Uint8Array.of(0), latin1(value)), { badCrc: true });

describe('a badge chunk with a wrong CRC', () => {
  it('a legacy tEXt URL is read', async () => {
    expect(await readBakedPng(buildPng(badText(HOSTED)))).toMatchObject({ chunk: 'tEXt', keyword: 'openbadges', text: HOSTED });
  });

  it('an iTXt is read too', async () => {
    const data = concat(latin1('openbadges'), new Uint8Array(5), latin1(HOSTED));
    expect((await readBakedPng(buildPng(chunk('iTXt', data, { badCrc: true })))).text).toBe(HOSTED);
  });

  it('the badge it names is verified by the issuer\'s hosted copy, as with a right CRC', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } }));
    const r = await verify(buildPng(badText(HOSTED)), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    const gone = await verify(buildPng(badText('https://issuer.test/assertions/2.json')), { fetch: web.fetch, now: NOW });
    expect(gone.verdict).toBe('indeterminate');
  });
});
