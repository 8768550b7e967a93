/**
 * Backpacks in Firefox (dist/firefox through Marionette; firefox/support.ts says what is covered)
 * against the test backpack in-process on 127.0.0.1: the Badgr password sign-in through the
 * popup's form and the synced list; OB 3.0 OAuth through Firefox's identity.launchWebAuthFlow, its
 * window found among Marionette's handles and the test server's form filled and submitted there;
 * sync and the verdicts in IndexedDB; sign-out revoking the tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
let popup = '';
const accounts: Record<string, string> = {};

interface Badge {
  accountId: string;
  sourceId: string;
  verdict: string;
  pending: boolean;
  recipient: string | null;
}

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ff = await Firefox.launch();
  // The sign-in asks for host access in the click; granted here as the user's "Allow" would.
  await ff.grantHosts(['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ff?.quit();
  await bp?.close();
});

async function syncAndWait(accountId: string): Promise<void> {
  await ff.call('sync/start', { accountId });
  await waitFor(
    async () => {
      const state = await ff.call<{ accounts: { id: string; sync: { status: string; error?: unknown } }[] }>('state/get', {});
      const s = state.accounts.find((a) => a.id === accountId)?.sync;
      if (s?.status === 'error') throw new Error(`sync failed: ${JSON.stringify(s.error)}`);
      return s?.status === 'idle' && s;
    },
    40_000,
    'sync idle',
  );
}

const badgesOf = async (accountId: string) => (await ff.readStore<Badge>('badges')).filter((b) => b.accountId === accountId);
const rowCount = () => ff.run(() => document.querySelectorAll('[role=listbox] [role=option]').length);

describe('backpacks in Firefox', { timeout: 180_000 }, () => {
  it('the permission grant reaches the add-on', async () => {
    popup = await ff.openPopup();
    expect(await ff.run(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
  });

  it('signs in to Badgr by password through the popup form and shows the synced list', async () => {
    await ff.click('button', /Canvas Credentials/);
    await ff.select('Region', 'custom');
    await ff.fill('Server address', bp.baseUrl);
    await ff.fill('E-mail', ADA.username);
    await ff.fill('Password', 'not-the-password');
    await ff.click('button', 'Sign in');
    await ff.text("That e-mail and password don't match.", 20_000);
    await ff.screenshot('backpack-sign-in-error');
    await ff.fill('Password', ADA.password);
    await ff.click('button', 'Sign in');
    await ff.el('[role=listbox]', /.*/, 45_000).catch(async (e: Error) => {
      await ff.screenshot('backpack-list-failure').catch(() => undefined);
      throw new Error(`${e.message}\nThe popup showed: ${(await ff.run(() => document.body.innerText)).slice(0, 600)}`);
    });
    // Sync and verification run in the background page; the list reloads when they finish.
    await waitFor(async () => (await ff.run(() => document.querySelectorAll('[role=progressbar]').length)) === 0 && (await rowCount()) > 3, 40_000, 'list synced');
    const count = Number(/(\d+)/.exec(await ff.run(() => document.querySelector('.list-count')?.textContent ?? ''))?.[1]);
    expect(count).toBe(7);
    await ff.screenshot('backpack-list');
    expect(await ff.axe()).toEqual([]);
    const state = await ff.call<{ accounts: { id: string; kind: string }[] }>('state/get', {});
    accounts.badgr = state.accounts.find((a) => a.kind === 'badgr')!.id;
    const byId = Object.fromEntries((await badgesOf(accounts.badgr)).map((b) => [b.sourceId, b]));
    expect(byId['ada-programmer']).toMatchObject({ verdict: 'valid', recipient: 'ada@example.org' });
    expect(byId['ada-notes-signed']).toMatchObject({ verdict: 'valid' });
    expect(byId['ada-retired-revoked']).toMatchObject({ verdict: 'invalid' });
    expect(byId['ada-bernoulli-pending']).toMatchObject({ pending: true, recipient: 'ada@old-job.example' });
  });

  it('opens a synced badge with its checks', async () => {
    await ff.fill('Search badges', 'Analytical Engine Programmer');
    await ff.click('[role=option]', /Analytical Engine Programmer/);
    await ff.el('h2', 'Analytical Engine Programmer');
    await ff.el('h3, h2', 'Verification');
    expect(await ff.run(() => document.querySelector('.verdict-line')?.textContent)).toMatch(/Verified/);
    await ff.screenshot('backpack-badge');
    expect(await ff.axe()).toEqual([]);
    expect(await ff.takeErrors()).toEqual([]);
  });

  it('signs in by OB 3.0 OAuth through identity.launchWebAuthFlow, in its window, and syncs', async () => {
    const redirect = await ff.run(() => (globalThis as unknown as { browser: typeof chrome }).browser.identity.getRedirectURL('oauth2'));
    // Firefox's redirect host: a hash of the add-on id under extensions.allizom.org (never fetched).
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/oauth2$/);
    // Started without waiting: the reply comes once the user has signed in, in another window.
    const auth = await ff.startOAuthSignIn(bp.baseUrl, popup);
    expect(auth).toBeTruthy();
    expect(new URL(await ff.url()).searchParams.get('redirect_uri')).toBe(redirect);
    await ff.screenshot('backpack-oauth-window', 'form');
    const reply = await ff.approveSignIn(auth, popup, ADA);
    expect(reply).toMatchObject({ ok: true, value: { kind: 'ob3', user: 'ada@example.org' } });
    accounts.ob3 = reply.value.id;
    expect(bp.control.clients.at(-1)!.redirectUris).toEqual([redirect]);
    await syncAndWait(accounts.ob3);
    const badges = await badgesOf(accounts.ob3);
    expect(badges).toHaveLength(5);
    expect(badges.filter((b) => b.verdict === 'valid').length).toBeGreaterThanOrEqual(2);
    expect(badges.find((b) => b.sourceId.endsWith('ob3-ada-jwt-revoked'))).toMatchObject({ verdict: 'invalid' });
    expect(badges.find((b) => b.sourceId.endsWith('ob3-ada-di'))).toMatchObject({ verdict: 'valid' });
  });

  it('a badge Badgr stops listing: its row says so, and signing out in the popup keeps it in this browser', async () => {
    const entityId = bp.control.issueBadge();
    await syncAndWait(accounts.badgr!);
    bp.control.deleteBadge(entityId);
    await syncAndWait(accounts.badgr!);
    expect((await badgesOf(accounts.badgr!)).find((b) => b.sourceId === entityId)).toMatchObject({ unlisted: expect.any(String) });
    await ff.switchTo(popup);
    await ff.navigate(ff.popupUrl);
    await ff.el('h1', 'Lanyard');
    // Reloading the page drops the old page's messages in flight, which Firefox logs ("Promise rejected
    // after context unloaded"): the test's doing, not the popup's. Errors after this point count.
    await ff.takeErrors();
    // The popup comes back where it was left (the badge page above): back to the list.
    await ff.click('button', 'Back');
    await ff.el('[role=option]', /No longer listed/, 20_000).catch(async (e: Error) => {
      throw new Error(`${e.message}\nThe popup showed: ${(await ff.run(() => document.body.innerText)).slice(0, 900)}`);
    });
    expect(await ff.run(() => [...document.querySelectorAll('[role=option]')].filter((o) => /No longer listed/.test(o.textContent ?? '')).length)).toBe(1);
    await ff.screenshot('backpack-unlisted-row');
    await ff.click('button', 'Accounts');
    await ff.el('h2', 'Accounts');
    // The Badgr card's Sign out: a custom server is named by its host, heard (not seen) after the label.
    await ff.click('button', `Sign out for ${new URL(bp.baseUrl).host} (ada@example.org)`);
    await ff.text('except those it no longer lists, which stay here (badges kept: 1)');
    await ff.click('.confirm button', /^Sign out/);
    await ff.text('Those it no longer listed stay in this browser (badges kept: 1).');
    await ff.screenshot('backpack-signed-out-keeps');
    expect(await ff.axe()).toEqual([]);
    const kept = await ff.readStore<Badge & { movedFrom?: string; unlisted?: string }>('badges');
    expect(kept.filter((b) => b.accountId !== accounts.ob3)).toEqual([expect.objectContaining({ accountId: 'local', movedFrom: new URL(bp.baseUrl).host, unlisted: expect.any(String) })]);
    // The list shows it under "Just this browser", still marked.
    await ff.click('button', 'Back');
    await ff.el('[role=option]', /No longer listed/, 20_000);
    expect(await ff.takeErrors()).toEqual([]);
  });

  it('signs out: the tokens are revoked on the server and the badges forgotten', async () => {
    expect(await ff.call('accounts/sign-out', { accountId: accounts.ob3! })).toEqual({ signedOut: true, revoked: 'revoked', kept: 0 });
    // Only the badge Badgr no longer listed stays (the step above).
    expect(await ff.readStore('badges')).toEqual([expect.objectContaining({ accountId: 'local', unlisted: expect.any(String) })]);
    expect(bp.control.revokedTokens.length).toBeGreaterThanOrEqual(2);
    expect(bp.control.tokens.filter((t) => bp.control.isTokenLive(t.accessToken)).map((t) => t.clientId)).toEqual([]);
    expect(await ff.takeErrors()).toEqual([]);
  });
});
