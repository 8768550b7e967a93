/**
 * Verify on hover in Chromium with the built extension: an ordinary page (served at
 * https://blog.example through routing) links to the test backpack's public assertions. Nothing is
 * injected before the user grants the optional host permission; after it, a pause on a badge
 * link shows the card with the background's verdict. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { grantHosts, inShadow, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';

let ext: Launched;
let backpack: Backpack;
const PAGE = 'https://blog.example/2026/my-badges';

const html = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My badges</title></head><body>
<article><h1>My badges</h1>
<p style="margin:40px"><a id="valid" href="${backpack.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p>
<p style="margin:40px"><a id="revoked" href="${backpack.baseUrl}/public/assertions/ada-retired-revoked">Retired Course</a></p>
<p style="margin:40px"><a id="poetical" href="${backpack.baseUrl}/public/assertions/ada-poetical">Poetical Science</a></p>
<p style="margin:40px"><a id="plain" href="https://blog.example/about">About</a></p>
</article></body></html>`;

beforeAll(async () => {
  ext = await launchExtension();
  backpack = await startBackpack({ port: 0 });
  await serve(ext.context, 'https://blog.example/**', () => html());
});
afterAll(async () => {
  await ext?.close();
  await backpack?.close();
});

async function open(): Promise<{ page: Page; logs: string[]; errors: string[] }> {
  const page = await ext.context.newPage();
  const logs: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PAGE);
  return { page, logs, errors };
}

async function hover(page: Page, id: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.hover(`#${id}`);
}

const cardText = (page: Page) => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.textContent ?? '');

describe('verify on hover', () => {
  it('does nothing before the user grants the host permission', async () => {
    const set = await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } });
    expect(set).toMatchObject({ ok: true });
    const { page, logs, errors } = await open();
    await hover(page, 'valid');
    await page.waitForTimeout(800);
    expect(await page.locator('[data-lanyard]').count()).toBe(0);
    expect(logs.filter((l) => l.startsWith('[lanyard]'))).toEqual([]);
    expect(backpack.control.requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after the grant, shows the card with the right verdict after the hover pause', async () => {
    await grantHosts(ext, ['https://*/*', 'http://*/*']);
    // The background registers the hover script on permissions.onAdded (syncHoverScript in
    // src/platform/hover-script.ts); that needs the "scripting" permission.
    expect(ext.manifest.permissions, 'manifest.json needs the "scripting" permission').toContain('scripting');
    const registered = await waitFor(async () => {
      const scripts = await ext.worker.evaluate(async () => (await chrome.scripting?.getRegisteredContentScripts?.()) ?? []).catch(() => []);
      return scripts.some((s: { id: string }) => s.id === 'lanyard-hover');
    }, 5000).catch(() => false);
    expect(registered, 'the background did not register the hover script after the grant (syncHoverScript)').toBe(true);
    const first = await open();
    await waitFor(() => first.logs.includes('[lanyard] hover content script loaded'));
    // The backpack is on 127.0.0.1: a page's links never make Lanyard reach a private host...
    await hover(first.page, 'poetical');
    await first.page.waitForSelector('[data-lanyard="hover-card"][data-state="ready"]', { state: 'attached', timeout: 15_000 });
    expect(await cardText(first.page)).toContain('local or private network');
    expect(backpack.control.requests).toEqual([]);
    await first.page.close();
    // ...but for the user's own backpack.
    expect(await popupSend(ext, 'accounts/sign-in', { kind: 'badgr', baseUrl: backpack.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
    const { page, logs, errors } = await open();
    await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
    await hover(page, 'valid');
    await page.waitForSelector('[data-lanyard="hover-card"][data-state="ready"]', { state: 'attached', timeout: 15_000 });
    const valid = await cardText(page);
    expect(valid).toContain('✓ Verified badge');
    expect(valid).toContain('Analytical Engine Programmer');
    expect(valid).toContain('Analytical Society');

    await hover(page, 'plain');
    await page.waitForSelector('[data-lanyard="hover-card"]', { state: 'detached' });
    await hover(page, 'revoked');
    await page.waitForSelector('[data-lanyard="hover-card"][data-state="ready"]', { state: 'attached', timeout: 15_000 });
    expect(await cardText(page)).toContain('✕ Not a valid badge');
    expect(errors).toEqual([]);
    await page.close();
  });
});
