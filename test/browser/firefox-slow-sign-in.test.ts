/**
 * A sign-in that takes the user a while, in Firefox (dist/firefox through Marionette:
 * firefox/support.ts). Firefox stops an idle event page (extensions.background.idle.timeout, 30 s
 * by default; 2 s here): the page must not be stopped while the provider's window is open
 * (identity.launchWebAuthFlow pending, the popup's sign-in message unanswered), or the answer would
 * come back to nobody. Checked on Firefox 153 ESR: the page idles out when nothing is going on, is
 * woken by the sign-in, stays up through several idle periods with the window open, and the
 * account is signed in. And a window the user closes ends the sign-in at once, with Firefox's own
 * words ("User cancelled or denied access.", not Chromium's "The user did not approve access.")
 * under the popup's "did not finish" (errors.ts AUTHORIZATION_FAILED), and nothing kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
const IDLE_MS = Number(process.env.LANYARD_FF_IDLE_MS ?? 2_000);

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ff = await Firefox.launch({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
  await ff.grantHosts(['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ff?.quit();
  await bp?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a slow sign-in in Firefox', { timeout: 180_000 }, () => {
  it('the background page stays up while the provider’s window is open, and the sign-in completes', async () => {
    const popup = await ff.openPopup();
    await ff.el('h2', 'Welcome to Lanyard');
    // The shortened idle time applies: with nothing going on, the page is stopped.
    await waitFor(async () => (await ff.backgroundState()) === 'stopped', 10_000, 'the idle background page stopped');
    const auth = await ff.startOAuthSignIn(bp.baseUrl, popup);
    // The user reads, types, looks for a password: several idle periods pass.
    await sleep(IDLE_MS * 4 + 2_000);
    expect(await ff.backgroundState()).toBe('running');
    const reply = await ff.approveSignIn(auth, popup, ADA);
    expect(reply).toMatchObject({ ok: true, value: { kind: 'ob3', user: 'ada@example.org' } });
  });

  it('closing the provider’s window ends the sign-in at once: "did not finish" (Firefox: "User cancelled or denied access."), nothing kept', async () => {
    const popup = await ff.openPopup();
    const before = (await ff.call<{ accounts: unknown[] }>('state/get', {})).accounts.length;
    await ff.startOAuthSignIn(bp.baseUrl, popup);
    await ff.m.send('WebDriver:CloseWindow');
    const reply = await ff.signInReply<{ ok: boolean; error: { code: string; message: string } }>(popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTHORIZATION_FAILED' } });
    expect(reply.error.message).toContain('User cancelled or denied access.');
    expect((await ff.call<{ accounts: unknown[] }>('state/get', {})).accounts.length).toBe(before);
  });
});
