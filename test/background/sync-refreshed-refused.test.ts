/**
 * The API refuses the token a refresh has just given (RFC 6750 §3.1 `invalid_token` on its first
 * use) while the session is alive: the token endpoint still takes the rotated refresh token. Before
 * token-use.ts the run ended UNAUTHORIZED and marked the account `needsSignIn` ("Sign in again"),
 * for a session that one more refresh brings back. Now: one more refresh after a backoff step, the
 * page read, nothing asked of the user, every badge kept; and never a loop: a third refused token
 * ends the run (sync-sign-in-again.test.ts), with at most two refreshes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/background/services/retry.ts';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, syncedAs, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

const KINDS = API_KINDS;

describe.each(KINDS)('$kind: the token a refresh just gave is refused once', ({ kind, list, token }) => {
  it('refreshes once more and reads the list: no sign-in asked, badges kept, the newest refresh token stored', async () => {
    const { h, id, cached } = await syncedAs(kind, ctx.bp.baseUrl);
    const refreshes = () => ctx.bp.control.requests.filter((r) => r.path === token).length;
    const before = refreshes();
    h.waits.length = 0;
    // The held token refused, then the refreshed one on its first use too.
    ctx.bp.control.failNext({ status: 401, path: list, count: 2 });
    const run = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(run).toMatchObject({ status: 'idle' });
    expect(refreshes() - before).toBe(2);
    // One pause before the second refresh, a backoff step (a token not yet known to the API's servers).
    expect(h.waits).toEqual([DEFAULT_RETRY.baseMs]);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    // The pair kept is the one the last refresh gave, live at the backpack.
    const secret = await h.db.secrets.get(refreshId(id));
    expect(secret?.kind === 'refresh' && ctx.bp.control.isTokenLive(secret.refreshToken)).toBe(true);
    expect(ctx.bp.control.isTokenLive(h.platform.session.map.get(id)!.accessToken)).toBe(true);
  });
});
