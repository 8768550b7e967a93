/**
 * Review (review42) of the replay of a refresh whose answer was lost (src/background/services/lost-answer.ts):
 * - it goes only to the token endpoint the refresh token was issued by: a redirect (307/308 would re-send the
 *   body, the refresh token with it) is not followed, and the replay goes to the same address, once;
 * - a refresh answered (a server error, a throttle, a refusal) to the only request sent leaves no `sentAt` mark,
 *   so a later refusal is not said to follow a lost answer.
 * Guards: both held when written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });
afterEach(() => ctx.bp.control.clearFaults());

const expire = (h: Awaited<ReturnType<typeof syncedBadgr>>['h'], id: string) =>
  h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });

describe('the replay of a refresh whose answer was lost', () => {
  it('a 307 from the token endpoint is not followed: the refresh token goes to the token endpoint only, twice at most', async () => {
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    expire(h, id);
    ctx.bp.control.failNext({ path: '/o/token', status: 307, redirectTo: `${ctx.bp.baseUrl}/elsewhere/o/token`, count: 5 });
    const seen = ctx.bp.control.requests.length;
    await expect(h.app.emails.list(id)).rejects.toMatchObject({ code: 'UNREACHABLE' });
    const after = ctx.bp.control.requests.slice(seen);
    expect(after.filter((r) => r.path.startsWith('/elsewhere'))).toEqual([]);
    expect(after.filter((r) => r.path === '/o/token')).toHaveLength(2);
  });

  for (const [what, fault] of [
    ['a server error (503)', { status: 503 }],
    ['a throttle (429)', { status: 429, retryAfter: 1 }],
    ['a refusal (400 invalid_grant)', { status: 400, body: { error: 'invalid_grant' } }],
  ] as const) {
    it(`answered with ${what}: no mark is left on the refresh token`, async () => {
      const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
      expire(h, id);
      ctx.bp.control.failNext({ path: '/o/token', ...fault });
      await h.app.emails.list(id).catch(() => undefined);
      const kept = await h.db.secrets.get(`refresh:${id}`);
      expect(kept).toMatchObject({ kind: 'refresh' });
      expect(kept?.kind === 'refresh' && kept.sentAt).toBeUndefined();
    });
  }
});
