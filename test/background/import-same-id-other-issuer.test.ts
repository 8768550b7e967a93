/**
 * Two credentials with the same id from different issuers (adversarial review of the import, session
 * 19): an id is unique only as its issuer's claim (VC DM 2.0 §4.4), and a hostile issuer can write the
 * id of a badge the user showed. Its credential, valid as itself, replaced the user's badge of that id
 * (the issuer's name and all) and was counted "held already". Each is now kept as itself.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const text = (t: string) => ({ kind: 'text' as const, text: t });
const vp = (...vcs: unknown[]) => JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: vcs });

const shown = async (h: Awaited<ReturnType<typeof harness>>) => (await h.app.library.list()).map((b) => [b.issuerName, b.verdict]).sort();

describe('the same id from another issuer', () => {
  it('added alone after the user\'s badge does not replace it', async () => {
    const h = await harness();
    const mine = await vcJwt('urn:uuid:7', { issuerName: 'Real University' });
    await h.app.library.import(text(mine));
    const other = await h.app.library.import(text(await vcJwt('urn:uuid:7', { issuerName: 'Evil Issuer' })));
    expect(other.alreadyHeld).toBeUndefined();
    expect(await shown(h)).toEqual([['Evil Issuer', 'valid'], ['Real University', 'valid']]);
    // The user's own badge added again is still that badge, held once.
    expect(await h.app.library.import(text(mine))).toMatchObject({ issuerName: 'Real University', alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(2);
  });

  it('in one presentation, both are added, each with its own issuer', async () => {
    const h = await harness();
    const view = await h.app.library.import(text(vp(await vcJwt('urn:uuid:8', { issuerName: 'Real University' }), await vcJwt('urn:uuid:8', { issuerName: 'Evil Issuer' }))));
    expect(view.batch).toEqual({ total: 2, added: 2, held: 0, refused: 0 });
    expect(await shown(h)).toEqual([['Evil Issuer', 'valid'], ['Real University', 'valid']]);
  });
});
