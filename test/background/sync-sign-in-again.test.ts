/**
 * A sync that ends "sign in again" (UNAUTHORIZED) must leave the account asking for it: the popup
 * offers "Sign in again" only on an account marked `needsSignIn` (AccountsScreen.tsx), and a run
 * of an account so marked does not ask the provider again (sync.ts). Only a refused refresh marked
 * it (tokens.ts). Two other ways a run ended UNAUTHORIZED left it unmarked: the card said "Your
 * sign-in has expired. Sign in again." with no way to do so but Sync now, and every periodic run
 * asked the provider again, refreshing (and rotating) the tokens each time for nothing:
 *
 * - the client registered with the provider is gone (the provider answered another account of the
 *   same backpack's refresh with `invalid_client`, RFC 6749 §5.2, and tokens.ts forgot the client):
 *   providers/index.ts says "Lanyard lost its registration with this backpack: sign in again";
 * - the API refuses the token a refresh just gave (RFC 6750 §3.1 `invalid_token` again), and the
 *   one a second refresh gave too (token-use.ts refreshes once more, never in a loop:
 *   sync-refreshed-refused.test.ts).
 *
 * Every cached badge stays, and a new sign-in syncs again.
 */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/platform/identity.ts';
import { ADA, GRACE } from '../backpack/seed-data.ts';
import { formIdentity, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });
const CREDENTIALS = '/ims/ob/v3p0/credentials';

/** The sign-in window, as whoever `who` names fills it. */
function switchable(): { identity: Identity; who: { user: typeof ADA } } {
  const who = { user: ADA };
  const base = formIdentity();
  return { who, identity: { ...base, launchWebAuthFlow: (url: string, interactive: boolean) => formIdentity(who.user.username, who.user.password).launchWebAuthFlow(url, interactive) } };
}

async function expectMarked(h: Awaited<ReturnType<typeof harness>>, id: string, cached: readonly string[]) {
  const view = (await h.app.accounts.list()).find((a) => a.id === id);
  expect(view).toMatchObject({ needsSignIn: true, sync: { status: 'error', error: { code: 'UNAUTHORIZED' } } });
  expect((await h.db.syncState.get(id))?.retryAt).toBeUndefined();
  expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  // Marked: the next run does not ask the provider again.
  const before = ctx.bp.control.requests.length;
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
  expect(ctx.bp.control.requests.length).toBe(before);
}

describe.each(['ob3', 'badge-connect'] as const)('%s: a run that ends "sign in again"', (kind) => {
  it('the client is gone (another account of this backpack was answered invalid_client): the other account asks for a sign-in too, badges kept', async () => {
    const { identity, who } = switchable();
    const h = await harness({ identity: identity as never });
    const ada = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    who.user = GRACE;
    const grace = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(grace.id).not.toBe(ada.id);
    expect(await h.app.sync.run(ada.id)).toMatchObject({ status: 'idle' });
    expect(await h.app.sync.run(grace.id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(grace.id)).map((r) => r.key).sort();
    // The backpack forgets the client Lanyard registered; Ada's next run refreshes and is told invalid_client.
    ctx.bp.control.stateForTests.clients.clear();
    h.platform.session.map.delete(ada.id);
    expect(await h.app.sync.run(ada.id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await h.app.accounts.list()).find((a) => a.id === ada.id)).toMatchObject({ needsSignIn: true });
    // Grace's run finds no client to refresh or list with.
    h.platform.session.map.delete(grace.id);
    await h.app.sync.run(grace.id);
    await expectMarked(h, grace.id, cached);
    // A new sign-in registers anew and syncs.
    const again = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(again).toMatchObject({ id: grace.id, needsSignIn: false });
    expect(await h.app.sync.run(grace.id)).toMatchObject({ status: 'idle' });
  });

  it('the API refuses the tokens two refreshes just gave: the account asks for a sign-in, badges kept', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    const path = kind === 'ob3' ? CREDENTIALS : '/ims/ob/v2p1/assertions';
    ctx.bp.control.failNext({ status: 401, path, count: 3 });
    const before = ctx.bp.control.requests.filter((r) => r.path === '/oauth/token').length;
    await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(ctx.bp.control.requests.filter((r) => r.path === '/oauth/token').length - before).toBe(2);
    await expectMarked(h, id, cached);
  });
});
