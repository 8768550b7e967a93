/**
 * Hostile review (attack24): the browser's HTTP cache under hover verification, in Chromium with the
 * built extension. Every fetch the worker makes shares one HTTP cache (the extension's own partition,
 * whatever page asked), while Lanyard keeps hover verdicts and documents per top-level site so that
 * "a page that links to a server it controls cannot tell from a missing fetch that the user verified
 * the same badge elsewhere" (SECURITY.md, point 8). A server that answers with a lifetime
 * (`Cache-Control: max-age`, or only a `Last-Modified`, which browsers cache by heuristic: RFC 9111
 * §4.2.2) was asked once: a second site's hover of the same badge was answered from that cache, and
 * the server's log told which badges the user had pointed at on other sites. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { grantHosts, inShadow, popupSend, waitFor } from '../content/support/browser.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';

let ext: Launched;
let backpack: Backpack;
const SITES = ['https://first.example', 'https://second.example'];
/** A badge URL no sync ever asked for: only hovers fetch it. */
const probe = () => `${backpack.baseUrl}/public/assertions/ada-programmer?seen-on=elsewhere`;
const PAGE = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body>
<p style="margin:40px"><a id="badge" href="${probe()}">Analytical Engine Programmer</a></p></body></html>`;

beforeAll(async () => {
  ext = await launchExtension();
  backpack = await startBackpack({ port: 0 });
});
afterAll(async () => {
  await ext?.close();
  await backpack?.close();
});

const cardState = (page: Page) => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');

async function hoverOn(site: string): Promise<void> {
  const page = await ext.context.newPage();
  // The page's route, not the context's: Playwright turns the HTTP cache off for every target a context route covers (the worker too).
  await page.route(`${site}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE() }));
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${site}/`);
  await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
  await page.mouse.move(0, 0);
  await page.hover('#badge');
  await waitFor(async () => (await cardState(page)) === 'ready', 15_000);
  await page.close();
}

describe('hover verification and the browser’s HTTP cache', () => {
  it('a second site’s hover of a badge asks its server again, however long the server said to keep it', async () => {
    expect(await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    // The test backpack is on 127.0.0.1: hover reaches it only as the user's own backpack (signed in).
    await grantHosts(ext, ['http://127.0.0.1/*']);
    expect(await popupSend(ext, 'hosts/confirm', { patterns: ['http://127.0.0.1/*'] })).toMatchObject({ ok: true });
    expect(await popupSend(ext, 'accounts/sign-in', { kind: 'badgr', baseUrl: backpack.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
    for (const site of SITES) {
      await grantHosts(ext, [`${site}/*`]);
      expect(await popupSend(ext, 'hover/site-add', { pattern: `${site}/*`, addedGrant: true })).toMatchObject({ ok: true });
    }
    // The sign-in's sync settles; from here the server says its answers may be kept ten minutes.
    await new Promise((r) => setTimeout(r, 3000));
    backpack.control.extraHeaders = { 'cache-control': 'public, max-age=600' };
    const asked = () => backpack.control.requests.filter((r) => r.path === '/public/assertions/ada-programmer' && r.search === '?seen-on=elsewhere').length;

    await hoverOn(SITES[0]!);
    expect(asked()).toBe(1);
    const before = backpack.control.requests.length;
    await hoverOn(SITES[1]!);
    // Before: 0, and nothing else either (its badge class and issuer came from the cache too).
    expect(asked()).toBe(2);
    expect(backpack.control.requests.length).toBeGreaterThan(before);
  }, 120_000);
});
