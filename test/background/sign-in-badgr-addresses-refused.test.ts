/**
 * A Badgr sign-in reads the profile, then the address list (v1, with the ids the address settings need).
 * That second read used the token in hand with no retry: a 401 on it (RFC 6750 §3.1 `invalid_token`, a
 * token the API's servers do not know yet) fell back to the profile's addresses, without ids, and the
 * sign-in stored a pair the backpack had just refused. Now it follows the rule of every token use
 * (token-use.ts through sign-in-tokens.ts): refreshed and tried again; the list read, the refreshed pair
 * stored. When the list still cannot be read, the profile's addresses stay the fallback, as before.
 *
 * But not when the refresh it made was refused (RFC 6749 §5.2 `invalid_grant`): the fallback caught
 * that too, and the sign-in stored a pair the server had just ended; the first sync then asked to sign
 * in again. Now the sign-in fails there, as a refused first use does (the pair in hand revoked).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/background/services/retry.ts';
import { refreshId } from '../../src/background/services/tokens.ts';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });
const LIST = '/v1/user/emails';
const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.path === '/o/token').length;

async function signedIn(fault: Parameters<typeof ctx.bp.control.failNext>[0]) {
  const h = await harness();
  const before = tokenRequests();
  ctx.bp.control.failNext(fault);
  try {
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const refreshes = tokenRequests() - before - 1;
    const account = (await h.db.accounts.get(id))!;
    const secret = await h.db.secrets.get(refreshId(id));
    const live = secret?.kind === 'refresh' && ctx.bp.control.isTokenLive(secret.refreshToken) && ctx.bp.control.isTokenLive(h.platform.session.map.get(id)!.accessToken);
    return { h, account, refreshes, live };
  } finally {
    ctx.bp.control.clearFaults();
  }
}

describe('Badgr sign-in: the address list after the profile', () => {
  it('refused once (invalid_token): refreshed, the list read (addresses with their ids), the refreshed pair stored and live', async () => {
    const { account, refreshes, live } = await signedIn({ status: 401, path: LIST, count: 1, challenge: 'invalid_token' });
    expect(refreshes).toBe(1);
    expect(account.addresses.length).toBeGreaterThan(0);
    expect(account.addresses.every((a) => a.id !== undefined)).toBe(true);
    expect(live).toBe(true);
  });

  it('refused twice: one backoff step, a second refresh, the list read', async () => {
    const { h, account, refreshes, live } = await signedIn({ status: 401, path: LIST, count: 2, challenge: 'invalid_token' });
    expect(refreshes).toBe(2);
    expect(h.waits).toEqual([DEFAULT_RETRY.baseMs]);
    expect(account.addresses.every((a) => a.id !== undefined)).toBe(true);
    expect(live).toBe(true);
  });

  it('refused three times: never a loop; signed in with the profile’s addresses, the last pair stored and live', async () => {
    const { account, refreshes, live } = await signedIn({ status: 401, path: LIST, count: 3, challenge: 'invalid_token' });
    expect(refreshes).toBe(2);
    expect(account.addresses.length).toBeGreaterThan(0);
    expect(account.addresses.every((a) => a.id === undefined)).toBe(true);
    expect(live).toBe(true);
  });

  it('a server error: no refresh, the profile’s addresses, as before', async () => {
    const { account, refreshes, live } = await signedIn({ status: 500, path: LIST, count: 1 });
    expect(refreshes).toBe(0);
    expect(account.addresses.length).toBeGreaterThan(0);
    expect(account.addresses.every((a) => a.id === undefined)).toBe(true);
    expect(live).toBe(true);
  });

  it('a 404 (no v1 list): no refresh, the profile’s addresses, as before', async () => {
    const { account, refreshes, live } = await signedIn({ status: 404, path: LIST, count: 1 });
    expect(refreshes).toBe(0);
    expect(account.addresses.length).toBeGreaterThan(0);
    expect(live).toBe(true);
  });

  it('refused, and the refresh refused too (invalid_grant): the sign-in fails, nothing kept, the pair in hand revoked', async () => {
    const h = await harness();
    const before = tokenRequests();
    const issued = ctx.bp.control.tokens.length;
    ctx.bp.control.failNext({ status: 401, path: LIST, count: 1, challenge: 'invalid_token' });
    ctx.bp.control.failNext({ status: 400, path: '/o/token', skip: 1, count: 1, body: { error: 'invalid_grant' } });
    try {
      expect(await failure(badgrSignIn(h, ctx.bp.baseUrl))).toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      ctx.bp.control.clearFaults();
    }
    // The password grant, then the one refresh refused: no second refresh, no fallback.
    expect(tokenRequests() - before).toBe(2);
    expect(await h.app.accounts.list()).toEqual([]);
    const mine = ctx.bp.control.tokens.slice(issued);
    expect(mine.length).toBe(1);
    await expect.poll(() => mine.filter((t) => ctx.bp.control.isTokenLive(t.accessToken) || (t.refreshToken && ctx.bp.control.isTokenLive(t.refreshToken))).length).toBe(0);
  });
});
