/**
 * A pasted link that answers an HTTP error (a mistyped or deleted link: 404, a server down: 503) holds
 * no badge anyone read: it is refused with the status, nothing added. It was kept as an unchecked
 * "Badge at <host>" with a Share button. A badge whose JSON was read keeps its entry when its hosted
 * copy answers an error (that is the badge's own result), and a backup's entry is restored as kept.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { ASSERTION, DOCS } from './credly-docs.ts';

async function setup(status: number) {
  return harness({
    fetch: async () => new Response('', { status }),
    permissions: { contains: async () => true, request: async () => false },
  } as never);
}
const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('a pasted link that answers an HTTP error', () => {
  for (const status of [404, 403, 503]) {
    it(`HTTP ${status}: refused with the status, nothing added`, async () => {
      const h = await setup(status);
      const f = await failure(h.app.library.import(text(ASSERTION)));
      expect(f).toMatchObject({ code: 'ERR_HTTP_STATUS', message: expect.stringContaining(`HTTP ${status}`) });
      expect(f.message).toMatch(/not added/);
      expect(await h.db.badges.count()).toBe(0);
    });
  }

  it('a badge read from its JSON whose hosted copy answers 404 is still added, with that result', async () => {
    const h = await setup(404);
    const view = await h.app.library.import(text(JSON.stringify(DOCS[ASSERTION])));
    expect(view.verdict).not.toBe('valid');
    expect(await h.db.badges.count()).toBe(1);
  });
});
