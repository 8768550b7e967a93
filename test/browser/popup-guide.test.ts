/// <reference types="chrome" />
/**
 * "Can't find a badge?" over the real background, signed into the test backpack, in English and in
 * French: the unconfirmed address and the badge waiting on it are shown; resend, add the award's
 * address, make a confirmed address primary, import from the award e-mail's link and ask for a
 * password reset each reach the backpack, which the test reads back from its own state.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot } from './popup-helpers.ts';
import { call, grantHosts } from './support/extension.ts';

type Messages = Record<string, { message: string }>;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(['en', 'fr'])("the guide in '%s'", (lang) => {
  const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
  /** A message's words before its first placeholder, as a pattern: enough to find it on screen. */
  const m = (key: string): string => messages[key]!.message;
  const lead = (key: string): RegExp => new RegExp(escape(m(key).split('$')[0]!.trim()));
  let bp: Backpack;
  let ext: Launched;
  let page: Page;
  let account: Locator;

  beforeAll(async () => {
    bp = await startBackpack({ port: 0 });
    ext = await launchExtension({ lang });
    await grantHosts(ext, ['http://127.0.0.1/*']);
    const p = await openPopup(ext);
    await call(p.page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    // Sync runs in the background: wait for the pending badge to be cached.
    for (let i = 0; ; i++) {
      const list = await call<{ name: string; pending: boolean }[]>(p.page, 'badges/list', {});
      if (list.some((b) => b.pending && b.name === 'Bernoulli Numbers')) break;
      if (i > 120) throw new Error(`the pending badge was not synced: ${list.map((b) => b.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await p.page.close();
  });
  afterAll(async () => {
    await ext?.close();
    await bp?.close();
  });

  it('opens from the menu and shows the unconfirmed address and the badge waiting on it', async () => {
    ({ page } = await openPopup(ext));
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
    await page.getByRole('button', { name: m('navGuide') }).click();
    await page.getByRole('heading', { level: 2, name: m('guideTitle') }).waitFor();
    account = page.getByRole('region', { name: new RegExp(escape(ADA.username)) }).first();
    await account.getByRole('heading', { name: 'ada@old-job.example' }).waitFor({ timeout: 20_000 });
    const old = account.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ada@old-job.example' }) });
    await expect.poll(() => old.getByText(m('addressUnverified'), { exact: true }).count()).toBe(1);
    expect(await account.getByText('Bernoulli Numbers').count()).toBeGreaterThan(0);
    await shot(page, `guide-${lang}`);
    expect(await axe(page)).toEqual([]);
  });

  it('resends the confirmation of the unconfirmed address', async () => {
    const old = account.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ada@old-job.example' }) });
    await old.getByRole('button', { name: m('addressResend') }).click();
    await expect.poll(() => bp.control.requests.some((r) => r.method === 'PUT' && r.path === '/v1/user/emails/3' && r.status === 200)).toBe(true);
  });

  it('adds the address the award went to (the backpack e-mails a confirmation)', async () => {
    await account.getByLabel(m('guideOtherAddressLabel')).fill('ada@award.example');
    await account.getByRole('button', { name: m('addressAddButton') }).click();
    await account.getByRole('heading', { name: 'ada@award.example' }).waitFor();
    const rec = bp.control.stateForTests.emails.find((e) => e.email === 'ada@award.example');
    expect(rec).toMatchObject({ verified: false, primary: false });
  });

  it('makes a confirmed address primary after a change of address', async () => {
    const school = account.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ada.lovelace@school.example' }) });
    await school.getByRole('button', { name: m('addressMakePrimary') }).click();
    // The message starts with its placeholder ($EMAIL$): its words after it, and the address, are what is said.
    const done = account.getByText(new RegExp(escape(m('guidePrimaryDone').split('$EMAIL$')[1]!.trim())));
    await done.waitFor();
    expect(await done.textContent()).toContain('ada.lovelace@school.example');
    await expect.poll(() => bp.control.stateForTests.emails.find((e) => e.primary && e.userId === bp.control.stateForTests.emails.find((x) => x.email === 'ada@example.org')?.userId)?.email).toBe('ada.lovelace@school.example');
    expect(await page.getByText(lead('guideChangedText')).count()).toBe(1);
  });

  it("imports a badge from the award e-mail's link", async () => {
    const panel = page.getByRole('region', { name: m('guideImportTitle') });
    await panel.getByRole('textbox').fill(`${bp.baseUrl}/public/assertions/grace-compiler`);
    await panel.getByRole('button', { name: m('importButton') }).click();
    await expect.poll(async () => (await call<{ name: string; accountId: string }[]>(page, 'badges/list', {})).some((b) => b.name === 'Compiler Pioneer' && b.accountId === 'local'), { timeout: 30_000 }).toBe(true);
  });

  it("asks the provider to e-mail a password reset link", async () => {
    const panel = page.getByRole('region', { name: m('guideResetTitle') });
    await panel.getByLabel(m('signInEmail')).fill(ADA.username);
    await panel.getByRole('button', { name: m('guideResetButton') }).click();
    await panel.getByText(new RegExp(escape(ADA.username))).waitFor();
    expect(bp.control.stateForTests.passwordResets).toContain(ADA.username);
    await shot(page, `guide-${lang}-done`);
  });
});
