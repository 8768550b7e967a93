/// <reference types="chrome" />
/**
 * The built popup over the real background and the test backpack, during a password sign-in:
 * - closed while the sign-in waits for the backpack and opened again, it showed the form idle (a
 *   second sign-in could be started); it now shows the same busy form, with Cancel, which the
 *   keyboard reaches and which ends the sign-in in the background;
 * - a sign-in to an account whose sign-out waits for the backpack's revocation says "Finishing the
 *   earlier sign-out of this account…" in its live region, and completes once that sign-out ends.
 * Screenshots: test-results/popup-sign-in-reopened.png, popup-sign-in-finishing-sign-out.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot } from './popup-helpers.ts';
import { call, grantHosts, send, waitFor } from './support/extension.ts';

let bp: Backpack;
let ext: Launched;
const releases: (() => void)[] = [];

beforeAll(async () => {
  bp = await startBackpack({ port: 0, badges: 3 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
});
afterAll(async () => {
  for (const r of releases) r();
  await ext?.close();
  await bp?.close();
});

/** Holds the backpack's next request to `path` until the returned function is called. */
function hold(path: string): () => void {
  let release!: () => void;
  bp.control.failNext({ path, hold: new Promise<void>((r) => (release = r)) });
  releases.push(release);
  return release;
}

type State = { accounts: { id: string }[]; signIns?: { phase: string; baseUrl: string }[] };

async function fillPasswordForm(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Region' }).selectOption('custom');
  await page.getByLabel('Server address').fill(bp.baseUrl);
  await page.getByLabel('E-mail').fill(ADA.username);
  await page.getByLabel('Password').fill(ADA.password);
}

describe('a sign-in under way, in the built popup', () => {
  it('a popup opened again shows it busy with Cancel, and Cancel by keyboard ends it in the background', async () => {
    const release = hold('/v2/users/self');
    const first = (await openPopup(ext)).page;
    await first.getByRole('button', { name: /Canvas Credentials/ }).click();
    await fillPasswordForm(first);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.getByRole('button', { name: 'Signing in…' }).waitFor({ timeout: 10_000 });
    await first.close();

    const { page, errors } = await openPopup(ext);
    const busy = page.getByRole('button', { name: 'Signing in…' });
    await busy.waitFor({ timeout: 10_000 });
    expect(await busy.getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByLabel('Server address').inputValue()).toBe(bp.baseUrl);
    expect(await page.getByLabel('E-mail').inputValue()).toBe(ADA.username);
    expect(await page.locator('#sign-in-status').textContent()).toBe(`A sign-in to ${new URL(bp.baseUrl).host} is under way. It goes on while this popup is closed.`);
    await shot(page, 'sign-in-reopened');
    expect(await axe(page)).toEqual([]);
    // Its fields are off while it runs (they say what it signs in with); Cancel is not.
    for (const label of ['Server address', 'E-mail', 'Password']) expect(await page.getByLabel(label).isDisabled()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Region' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    // No second sign-in: Enter on the busy button sends nothing.
    await busy.focus();
    await page.keyboard.press('Enter');
    // Tab from the busy button reaches Cancel; Enter presses it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
    expect(await page.getByLabel('Password').isDisabled()).toBe(false);
    const state = await call<State>(page, 'state/get', {});
    expect(state.signIns).toBeUndefined();
    expect(state.accounts).toEqual([]);
    expect(await page.locator('#sign-in-status').textContent()).toBe('');
    await shot(page, 'sign-in-reopened-cancelled');
    release();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signing in to an account whose sign-out waits for the backpack says so, then signs in', async () => {
    const helper = (await openPopup(ext)).page;
    const { id } = await call<{ id: string }>(helper, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    await waitFor(async () => ((await call<{ accounts: { sync: { status: string } }[] }>(helper, 'state/get', {})).accounts[0]?.sync.status === 'idle' ? true : undefined), 30_000);
    const release = hold('/o/revoke_token/');
    const signOut = send(helper, 'accounts/sign-out', { accountId: id });
    await waitFor(async () => ((await call<State>(helper, 'state/get', {})).accounts.length === 0 ? true : undefined));

    const { page, errors } = await openPopup(ext);
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: /Add a backpack/ }).first().click();
    // The first test's draft (its address and e-mail) opens the Badgr form itself (drafts.ts).
    await page.getByRole('combobox', { name: 'Region' }).waitFor({ timeout: 10_000 });
    await fillPasswordForm(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const live = page.locator('#sign-in-status');
    await page.getByText('Finishing the earlier sign-out of this account…').waitFor({ timeout: 15_000 });
    expect(await live.getAttribute('role')).toBe('status');
    expect(await page.getByRole('button', { name: 'Signing in…' }).getAttribute('aria-describedby')).toBe('sign-in-status');
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await shot(page, 'sign-in-finishing-sign-out');
    release();
    expect(await signOut).toMatchObject({ ok: true });
    // Signed in: the list of the account's badges.
    await page.getByRole('listbox').waitFor({ timeout: 30_000 });
    expect((await call<State>(page, 'state/get', {})).accounts.map((a) => a.id)).toEqual([id]);
    expect(errors).toEqual([]);
  });

  it('the accounts screen says a sign-in under way, and its button leads back to the busy form; Enter in the password moves focus to Cancel', async () => {
    const release = hold('/v2/users/self');
    const first = (await openPopup(ext)).page;
    await first.getByRole('button', { name: 'Accounts' }).click();
    await first.getByRole('button', { name: /Add a backpack/ }).first().click();
    // The last test signed in: its draft went, and the ways in are shown.
    await first.getByRole('button', { name: /Canvas Credentials/ }).click();
    await fillPasswordForm(first);
    await first.getByLabel('Password').press('Enter');
    await first.getByRole('button', { name: 'Signing in…' }).waitFor({ timeout: 10_000 });
    // The password field went off with focus in it: focus is on Cancel, not the page's body.
    await waitFor(async () => ((await first.evaluate(() => document.activeElement?.textContent)) === 'Cancel' ? true : undefined));
    await first.close();

    const { page, errors } = await openPopup(ext);
    await page.getByRole('button', { name: 'Accounts' }).click();
    const host = new URL(bp.baseUrl).host;
    await page.getByText(`A sign-in to ${host} is under way.`).waitFor({ timeout: 10_000 });
    await shot(page, 'accounts-sign-in-under-way');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: `Show the sign-in ${host}` }).click();
    await page.getByRole('button', { name: 'Signing in…' }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('E-mail').isDisabled()).toBe(true);
    // Focus on the form's title (the screen it opened), not lost with the fields that went off.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    expect((await call<State>(page, 'state/get', {})).signIns).toBeUndefined();
    release();
    expect(errors).toEqual([]);
    await page.close();
  });
});
