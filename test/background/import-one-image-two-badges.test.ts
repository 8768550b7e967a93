/**
 * A baked image carries one badge (OB 2.0 §Baking: at most one `openbadges` chunk; OB 3.0 §Baked
 * Badge). One carrying a genuine credential first and another badge after it (a second chunk, or an
 * `openbadges` beside an `openbadgecredential`) was added as the first, valid, with the second riding
 * along in the kept image, which a reader taking the other keyword reads as another badge (adversarial
 * review of the import, session 19). It is not added; the same text twice is one badge.
 */
import { describe, expect, it } from 'vitest';
import { buildPng, chunk, concat, itxt } from '../core/input/png-builder.ts';
import { failure, harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const file = (name: string, b: Uint8Array | string) => ({ kind: 'file' as const, name, base64: Buffer.from(b).toString('base64') });

const svg = (...elements: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">${elements.map((j) => `<openbadges:credential verify="${j}"/>`).join('')}</svg>`;

describe('a baked image holding two different badges', () => {
  it('a PNG with a genuine openbadgecredential and another openbadges chunk is not added', async () => {
    const h = await harness();
    const png = buildPng(itxt('openbadgecredential', await vcJwt('urn:uuid:1')), itxt('openbadges', await vcJwt('urn:uuid:2')));
    expect(await failure(h.app.library.import(file('badge.png', png)))).toMatchObject({ code: 'ERR_UNSUPPORTED_CREDENTIAL', message: expect.stringContaining('carries two different badges') });
    expect(await h.db.badges.count()).toBe(0);
  });

  it('an SVG with two credential elements is not added; the same one twice is', async () => {
    const h = await harness();
    const a = await vcJwt('urn:uuid:1');
    expect(await failure(h.app.library.import(file('badge.svg', svg(a, await vcJwt('urn:uuid:2')))))).toMatchObject({ code: 'ERR_UNSUPPORTED_CREDENTIAL' });
    expect(await h.db.badges.count()).toBe(0);
    expect(await h.app.library.import(file('badge.svg', svg(a, a)))).toMatchObject({ verdict: 'valid' });
    expect(await h.app.library.import(file('badge.png', buildPng(itxt('openbadgecredential', a), itxt('openbadges', a))))).toMatchObject({ verdict: 'valid' });
  });

  it('a genuine badge in two forms (its JWS beside its credential JSON, pretty-printed) or beside a corrupt chunk is added valid', async () => {
    const h = await harness();
    const jws = await vcJwt('urn:uuid:1');
    const credential = JSON.stringify(JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()), null, 2);
    expect(await h.app.library.import(file('badge.png', buildPng(itxt('openbadgecredential', jws), itxt('openbadges', credential))))).toMatchObject({ verdict: 'valid' });
    const corrupt = chunk('iTXt', concat(new TextEncoder().encode('openbadges'), Uint8Array.of(0, 1, 0, 0, 0, 1, 2, 3)));
    expect(await h.app.library.import(file('other.png', buildPng(corrupt, itxt('openbadgecredential', await vcJwt('urn:uuid:3')))))).toMatchObject({ verdict: 'valid' });
  });
});
