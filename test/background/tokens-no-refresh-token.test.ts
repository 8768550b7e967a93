/**
 * A provider that gives no refresh token ("An Authorization Server is NOT REQUIRED to support token
 * refresh", OB 3.0 security.html "Token Refresh"; `refresh_token` is optional in the Access Token
 * Response, RFC 6749 §5.1; Badgr strips it for an application without `issue_refresh_token`). The
 * access token is refreshed ahead of its expiry (tokens.ts REFRESH_MARGIN_MS), and with nothing to
 * refresh it with that early refresh marked the account "sign in again" while its token still had
 * minutes to live (half of it, for a short-lived one): the sync that would have worked failed, and the
 * user was asked to sign in for a session still open. The token in hand now serves until it expires;
 * past its expiry (or refused by the API) the account asks for a new sign-in, as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });
afterEach(() => {
  ctx.bp.control.stateForTests.issuesNoRefreshToken = false;
});

async function signedInWithoutRefresh() {
  ctx.bp.control.stateForTests.issuesNoRefreshToken = true;
  const h = await harness();
  const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
  return { h, id };
}

describe('an OB 3.0 session without a refresh token', () => {
  it('inside the refresh margin, the token in hand is used: the sync runs, no sign-in asked', async () => {
    const { h, id } = await signedInWithoutRefresh();
    // 58 minutes into the hour-long token: inside the refresh margin, not yet expired.
    h.clock.offsetMs = 58 * 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.countByAccount(id)).toBeGreaterThan(0);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
  });

  it('past its expiry the account asks for a new sign-in, its badges kept', async () => {
    const { h, id } = await signedInWithoutRefresh();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = await h.db.badges.countByAccount(id);
    h.clock.offsetMs = 61 * 60_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: true });
    expect(await h.db.badges.countByAccount(id)).toBe(cached);
  });
});
