/**
 * A bare credential added over a baked image of its id keeps the image (the image is what is downloaded
 * and shared), but only an image not worse than it: a forged image (its payload altered, invalid)
 * stored first and then the genuine token or its link added was kept as the entry's image under the
 * genuine copy's verdict, so 'valid' was shown and the forged image downloaded and shared as the badge
 * (review45; since hostile47 keys a link by its badge's id, a link did it too). The genuine copy is now
 * kept beside the image, each with its own verdict: nothing is lost, and no image reads better than it is.
 */
import { describe, expect, it } from 'vitest';
import { buildPng, itxt } from '../core/input/png-builder.ts';
import { harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const file = (name: string, b: Uint8Array | string) => ({ kind: 'file' as const, name, base64: Buffer.from(b).toString('base64') });
const text = (t: string) => ({ kind: 'text' as const, text: t });

/** The token with its achievement renamed: the same issuer and id, its signature no longer holds. */
function forge(jws: string): string {
  const [header, payload, signature] = jws.split('.');
  const p = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  p.credentialSubject.achievement.name = 'Forged name';
  return `${header}.${Buffer.from(JSON.stringify(p)).toString('base64url')}.${signature}`;
}

describe('a bare credential added over a worse baked image of its id', () => {
  it('is kept beside the image: the forged image is never shown valid, and both are kept', async () => {
    const h = await harness();
    const genuine = await vcJwt('urn:uuid:1');
    const png = buildPng(itxt('openbadgecredential', forge(genuine)));
    const image = await h.app.library.import(file('badge.png', png));
    expect(image.verdict).toBe('invalid');
    const token = await h.app.library.import(text(genuine));
    expect(token.verdict).toBe('valid');
    const held = await h.db.badges.all();
    expect(held.map((r) => [r.original.kind, r.verdict]).sort()).toEqual([['jws', 'valid'], ['png', 'invalid']].sort());
    // The entry whose image is the forged PNG reads what that image is.
    for (const r of held) {
      const original = await h.db.originals.get(r.key);
      if (Buffer.from(original!.bytes).equals(Buffer.from(png))) expect(r.verdict).toBe('invalid');
    }
  });

  it('a genuine image not worse than the credential added over it is still kept as the entry\'s image', async () => {
    const h = await harness();
    const genuine = await vcJwt('urn:uuid:2');
    const png = buildPng(itxt('openbadgecredential', genuine));
    const image = await h.app.library.import(file('badge.png', png));
    const token = await h.app.library.import(text(`${genuine}\n`));
    expect([image.verdict, token.verdict, token.key]).toEqual(['valid', 'valid', image.key]);
    expect((await h.db.badges.all()).map((r) => r.original.kind)).toEqual(['png']);
  });
});
