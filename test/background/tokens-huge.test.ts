/**
 * A token answer's tokens are bounded (src/backpack/oauth.ts MAX_TOKEN_CHARS). A token endpoint may
 * answer up to 32 MB (http.ts), and its access token was kept whole in storage.session (Chromium: 10 MB
 * for the whole extension, every account's tokens): one backpack's 9 MB token left the others no room,
 * and their refreshed tokens could not be stored. Its refresh token was kept whole in IndexedDB too.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { MAX_TOKEN_CHARS } from '../../src/backpack/oauth.ts';
import { refreshId } from '../../src/background/services/tokens.ts';
import { failure, syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
const HUGE = 'a'.repeat(9 * 1024 * 1024);

describe('a token answer with a huge token', () => {
  it.each([
    ['access_token', { access_token: HUGE, refresh_token: 'r-small', token_type: 'Bearer', expires_in: 86400 }],
    ['refresh_token', { access_token: 'a-small', refresh_token: HUGE, token_type: 'Bearer', expires_in: 86400 }],
  ])('a refresh answering a 9 MB %s is refused, and nothing of it is stored', async (_, body) => {
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    for (let i = 0; i < 1000 && h.app.sync.isRunning(id); i++) await new Promise((r) => setTimeout(r, 5));
    const refreshBefore = await h.db.secrets.get(refreshId(id));
    // The list refuses the token once: a refresh, which the token endpoint answers with the huge token.
    ctx.bp.control.failNext({ status: 401, path: '/v2/backpack/assertions', challenge: 'invalid_token' });
    ctx.bp.control.failNext({ status: 200, path: '/o/token', body });
    try {
      await h.app.sync.run(id).catch(() => undefined);
      const longest = Math.max(...[...h.platform.session.map.values()].map((t) => JSON.stringify(t).length));
      expect(longest).toBeLessThan(MAX_TOKEN_CHARS);
      expect(JSON.stringify(await h.db.secrets.get(refreshId(id))).length).toBeLessThan(MAX_TOKEN_CHARS);
      expect(await h.db.secrets.get(refreshId(id))).toEqual(refreshBefore);
    } finally {
      ctx.bp.control.clearFaults();
    }
  });

  it('the client says why (a protocol error naming the token), at the test backpack\'s own token endpoint', async () => {
    ctx.bp.control.failNext({ status: 200, path: '/o/token', body: { access_token: 'x'.repeat(MAX_TOKEN_CHARS + 1), token_type: 'Bearer' } });
    const e = await failure(new BadgrClient({ apiBase: ctx.bp.baseUrl, fetch }).refresh('r'));
    expect(e).toMatchObject({ code: 'PROTOCOL', message: expect.stringContaining('access_token') });
    // One of the longest kept goes through.
    ctx.bp.control.failNext({ status: 200, path: '/o/token', body: { access_token: 'x'.repeat(MAX_TOKEN_CHARS), token_type: 'Bearer' } });
    expect((await new BadgrClient({ apiBase: ctx.bp.baseUrl, fetch }).refresh('r')).accessToken).toHaveLength(MAX_TOKEN_CHARS);
  });
});
