/**
 * A credential held in full (its signed token) and then its link added: since hostile47 a link is kept
 * under its badge's id, so the link was written over the token, and Lanyard held the link only: the
 * signed credential, which verifies on its own, was gone, and the badge hung on its issuer's server from
 * then on (a link that later answers 404 left nothing to verify). The held token is kept, as a baked
 * image is kept for a bare credential (review45); the badge stays one entry.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const LINK = 'https://issuer.example/credentials/1';
const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('a link added for a credential held in full', () => {
  it('keeps the signed token as the entry\'s original: one entry, nothing lost', async () => {
    const jws = await vcJwt('urn:uuid:1');
    const h = await harness({
      fetch: async (input: RequestInfo | URL) =>
        String(input instanceof Request ? input.url : input) === LINK ? new Response(jws, { status: 200, headers: { 'content-type': 'text/plain' } }) : new Response('', { status: 404 }),
      permissions: { contains: async () => true, request: async () => true },
    } as never);
    const held = await h.app.library.import(text(jws));
    const linked = await h.app.library.import(text(LINK));
    expect([held.verdict, linked.verdict]).toEqual(['valid', 'valid']);
    const all = await h.db.badges.all();
    expect(all).toHaveLength(1);
    expect(all[0]!.original.kind).toBe('jws');
    expect(new TextDecoder().decode((await h.db.originals.get(all[0]!.key))!.bytes)).toBe(jws);
  });
});
