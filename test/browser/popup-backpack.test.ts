/// <reference types="chrome" />
/**
 * The popup's UI over the real background, signed into the test backpack (in-process): sign in by
 * password through the form, the synced list, search, the badge page with its checks, the LinkedIn
 * URL, an address added and one made primary, then a backup exported and imported into a fresh
 * profile with nothing lost. Screenshots of the real screens go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot, SHOTS } from './popup-helpers.ts';
import { call, grantHosts } from './support/extension.ts';

let bp: Backpack;
/** A web site that is not a backpack: every path answers a page. */
let site: Server;
let siteUrl = '';
let ext: Launched;
let page: Page;
let backupPath = '';
let badgeCount = 0;
let names: string[] = [];
const listIn = (p: Page) => call<{ name: string; verdict: string }[]>(p, 'badges/list', {});
const namesIn = async (p: Page, verdict?: string) => (await listIn(p)).filter((b) => !verdict || b.verdict === verdict).map((b) => b.name).sort();

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>School</title><p>Welcome'));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  ext = await launchExtension();
  // The sign-in asks for host access in the click; granted here, the browser's dialog is skipped.
  await grantHosts(ext, ['http://127.0.0.1/*']);
});
afterAll(async () => {
  await ext?.close();
  await bp?.close();
  site?.close();
});

const rows = () => page.getByRole('listbox').getByRole('option');

describe('popup over the real background and the test backpack', () => {
  it('signs in by password through the form and shows the synced badges', async () => {
    ({ page } = await openPopup(ext));
    await page.getByRole('button', { name: /Canvas Credentials/ }).click();
    await page.getByRole('combobox', { name: 'Region' }).selectOption('custom');
    // Chromium's URL parser keeps "not a url" as a host (not%20a%20url): the form must refuse it
    // itself, not ask the browser for access to it (a prompt that never resolves here).
    await page.getByLabel('Server address').fill('not a url');
    await page.getByLabel('E-mail').fill(ADA.username);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an https:// address.').waitFor({ timeout: 5_000 });
    // Nothing was sent: the address takes focus, marked as the field at fault.
    expect(await page.getByLabel('Server address').evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid'))).toBe('true');
    // A web site given as the server: said in words, on the address field.
    await page.getByLabel('Server address').fill(siteUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That address answered, but not as a backpack does. Check the server address.').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Server address').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'real-sign-in-not-a-backpack');
    await page.getByLabel('Server address').fill(bp.baseUrl);
    await page.getByLabel('E-mail').fill(ADA.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText("That e-mail and password don't match.", { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('listbox', { name: 'Your badges' }).waitFor({ timeout: 45_000 }).catch(async (e: Error) => {
      // Say what the popup showed instead (an error message, a spinner), and keep a picture of it.
      await shot(page, 'real-list-failure').catch(() => undefined);
      throw new Error(`${e.message}\nThe popup showed: ${(await page.locator('body').innerText()).slice(0, 600)}`);
    });
    // Sync and verification run in the background; the list reloads when they finish.
    await expect.poll(async () => (await page.getByRole('progressbar').count()) === 0 && (await rows().count()) > 3, { timeout: 40_000 }).toBe(true);
    badgeCount = Number(/(\d+)/.exec((await page.locator('.list-count').textContent()) ?? '')?.[1]);
    expect(badgeCount).toBeGreaterThan(3);
    await shot(page, 'real-list');
    expect(await axe(page)).toEqual([]);
  });

  it('searches, opens a badge with its checks, and builds the LinkedIn URL', async () => {
    await page.getByRole('searchbox').fill('Analytical Engine Programmer');
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    await rows().first().click();
    await page.getByRole('heading', { level: 2, name: 'Analytical Engine Programmer' }).waitFor();
    await page.getByRole('heading', { name: 'Verification' }).waitFor();
    expect(await page.locator('.verdict-line').textContent()).toMatch(/Verified|Not valid|Not fully verified/);
    await shot(page, 'real-badge');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share' }).click();
    const href = (await page.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href')) ?? '';
    const p = new URL(href).searchParams;
    expect(p.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(p.get('name')).toBe('Analytical Engine Programmer');
    expect(p.get('organizationName')).toBe('Analytical Society');
    expect(Number(p.get('issueMonth'))).toBeGreaterThanOrEqual(1);
    expect(Number(p.get('issueMonth'))).toBeLessThanOrEqual(12);
    await shot(page, 'real-share');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('searchbox').fill('');
  });

  it('adds an address and makes a verified one primary', async () => {
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'E-mail addresses' }).click();
    await page.getByRole('heading', { name: 'ada@old-job.example' }).waitFor();
    await page.getByLabel('Add an address').fill('ada@new-job.example');
    await page.getByRole('button', { name: 'Add and send confirmation' }).click();
    await page.getByRole('heading', { name: 'ada@new-job.example' }).waitFor();
    // Badgr re-sends a confirmation once in five minutes: the second asks to wait, said as no sign-in.
    const added = page.locator('li', { has: page.getByRole('heading', { name: 'ada@new-job.example' }) });
    await added.getByRole('button', { name: 'Resend confirmation' }).click();
    await page.getByText('Confirmation e-mail sent again to ada@new-job.example.').waitFor();
    await added.getByRole('button', { name: 'Resend confirmation' }).click();
    await page.getByText('The backpack asks Lanyard to wait: try again in 5 minutes.').waitFor();
    const school = page.locator('li', { has: page.getByRole('heading', { name: 'ada.lovelace@school.example' }) });
    // While the backpack confirms (slowly here), the button says so.
    bp.control.setDelay(1_500);
    await school.getByRole('button', { name: 'Make primary' }).click();
    const making = school.getByRole('button', { name: 'Making primary…' });
    await making.waitFor({ timeout: 1_000 });
    expect(await making.getAttribute('aria-disabled')).toBe('true');
    await shot(page, 'real-addresses-making-primary');
    await school.getByText('Primary', { exact: true }).waitFor({ timeout: 15_000 });
    bp.control.setDelay(0);
    await shot(page, 'real-addresses');
    expect(await axe(page)).toEqual([]);
  });

  it('exports a backup and imports it into a fresh profile with nothing lost', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const file = await download;
    backupPath = `${SHOTS}/popup-backup.json`;
    await file.saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toBeTypeOf('object');
    names = await namesIn(page);
    expect(names).toHaveLength(badgeCount);
    await page.close();

    const fresh = await launchExtension();
    try {
      // The restored badges are verified again, which needs the issuers' host (the test backpack).
      await grantHosts(fresh, ['http://127.0.0.1/*']);
      const { page: p2, errors } = await openPopup(fresh);
      await p2.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
      await p2.getByRole('button', { name: 'Restore from a Lanyard backup file' }).click();
      await p2.getByLabel('Import backup…').setInputFiles(backupPath);
      await p2.getByText(/Restored badges: \d+/).waitFor({ timeout: 60_000 });
      await p2.getByRole('button', { name: 'Back', exact: true }).click();
      await p2.getByRole('listbox').waitFor({ timeout: 30_000 });
      await expect.poll(async () => Number(/(\d+)/.exec((await p2.locator('.list-count').textContent()) ?? '')?.[1]), { timeout: 60_000 }).toBe(badgeCount);
      // Every badge is back with its name, including revoked hosted badges that can no longer be
      // read: the backup keeps their bytes and what was last known of them.
      await expect.poll(async () => namesIn(p2), { timeout: 30_000 }).toEqual(names);
      await shot(p2, 'real-restored');
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
