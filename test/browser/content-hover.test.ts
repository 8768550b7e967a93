/**
 * Verify on hover in Chromium with the built extension: an ordinary page (served at
 * https://blog.example through routing) links to the test backpack's public assertions. Nothing is
 * injected before the user turns hover on for that site; after it, a real pause on a badge link
 * shows the card with the background's verdict; a hostile page (https://evil.example, also turned
 * on) that focuses and moves badge links it makes, in a loop, makes Lanyard fetch nothing
 * (issue 12 point 5). Run `npm run build` first.
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
const EVIL = 'https://evil.example/';

const html = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My badges</title></head><body>
<article><h1>My badges</h1>
<p style="margin:40px"><a id="valid" href="${backpack.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p>
<p style="margin:40px"><a id="revoked" href="${backpack.baseUrl}/public/assertions/ada-retired-revoked">Retired Course</a></p>
<p style="margin:40px"><a id="poetical" href="${backpack.baseUrl}/public/assertions/ada-poetical">Poetical Science</a></p>
<p style="margin:40px"><a id="plain" href="https://blog.example/about">About</a></p>
</article></body></html>`;

/**
 * A page that tries to drive hover verification without the user: it makes badge links, puts them
 * under the resting pointer, focuses them and fires made-up events at them, a new one every 700 ms (longer than the hover pause).
 */
const evil = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nothing to see</title></head><body style="margin:0;height:2000px">
<p id="bait" style="position:absolute;left:150px;top:150px;width:200px;height:60px">Just text</p>
<script>
const ids = ['ada-programmer', 'ada-poetical', 'ada-retired-revoked', 'ada-notes'];
let n = 0;
const links = ids.map((id, i) => {
  const a = document.createElement('a');
  a.href = '${backpack.baseUrl}/public/assertions/' + id + '?n=' + i;
  a.textContent = 'Badge ' + i;
  a.style.cssText = 'position:absolute;display:block;width:200px;height:60px;left:-500px;top:0';
  document.body.append(a);
  return a;
});
setInterval(() => {
  const a = links[n++ % links.length];
  for (const l of links) l.style.left = '-500px';
  // Under the pointer (which rests at 250,180), then focused, then made-up events.
  a.style.left = '150px';
  a.style.top = '150px';
  a.focus();
  a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 250, clientY: 180 }));
  a.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 250 + (n % 7), clientY: 180 }));
  a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
}, 700);
</script></body></html>`;

beforeAll(async () => {
  ext = await launchExtension();
  backpack = await startBackpack({ port: 0 });
  await serve(ext.context, 'https://blog.example/**', () => html());
  await serve(ext.context, 'https://evil.example/**', () => evil());
});
afterAll(async () => {
  await ext?.close();
  await backpack?.close();
});

async function open(url = PAGE): Promise<{ page: Page; logs: string[]; errors: string[] }> {
  const page = await ext.context.newPage();
  const logs: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, logs, errors };
}

async function hover(page: Page, id: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.hover(`#${id}`);
}

// The card's words are CSS generated content (src/content/ui/quiet.ts: window.find cannot match them): read from data-q.
const cardText = (page: Page) => inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(''));
const cardState = (page: Page) => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');
const waitReady = (page: Page) => waitFor(async () => (await cardState(page)) === 'ready' || (await cardState(page)) === 'error', 15_000);

const registeredMatches = async (): Promise<string[]> => {
  const scripts = await ext.worker.evaluate(async () => (await chrome.scripting?.getRegisteredContentScripts?.()) ?? []).catch(() => []);
  return (scripts as { id: string; matches?: string[] }[]).find((s) => s.id === 'lanyard-hover')?.matches ?? [];
};

/** What the popup does for "Verify badges on <host>": the grant (no dialog in tests), then the site. */
async function turnOnFor(pattern: string): Promise<void> {
  await grantHosts(ext, [pattern]);
  expect(await popupSend(ext, 'hover/site-add', { pattern, addedGrant: true })).toMatchObject({ ok: true });
}

describe('verify on hover', () => {
  it('does nothing before the user turns it on for the site', async () => {
    const set = await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } });
    expect(set).toMatchObject({ ok: true });
    // Granted for another reason (an issuer the user allowed): still no hover script there.
    await grantHosts(ext, ['https://blog.example/*']);
    expect(await popupSend(ext, 'hosts/confirm', { patterns: ['https://blog.example/*'] })).toMatchObject({ ok: true });
    const { page, logs, errors } = await open();
    await hover(page, 'valid');
    await page.waitForTimeout(800);
    expect(await page.locator('[data-lanyard]').count()).toBe(0);
    expect(logs.filter((l) => l.startsWith('[lanyard]'))).toEqual([]);
    expect(backpack.control.requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(await registeredMatches()).toEqual([]);
    await page.close();
  });

  it('once on for the site, shows the card with the right verdict after a real pause; only on that site', async () => {
    expect(ext.manifest.permissions, 'manifest.json needs the "scripting" permission').toContain('scripting');
    await turnOnFor('https://blog.example/*');
    expect(await waitFor(async () => ((await registeredMatches()).length ? registeredMatches() : null), 5000)).toEqual(['https://blog.example/*']);
    const first = await open();
    await waitFor(() => first.logs.includes('[lanyard] hover content script loaded'));
    // The backpack is on 127.0.0.1: a page's links never make Lanyard reach a private host...
    await hover(first.page, 'poetical');
    await waitReady(first.page);
    expect(await cardText(first.page)).toContain('local or private network');
    expect(backpack.control.requests).toEqual([]);
    // The host the page can see says nothing of the state (a manual popover in the top layer whatever it says: ui/top-layer.ts).
    expect(await first.page.evaluate(() => document.querySelector('[data-lanyard="hover-card"]')?.getAttributeNames())).toEqual(['data-lanyard', 'popover']);
    expect(await first.page.evaluate(() => document.querySelector('[data-lanyard="hover-card"]')?.matches(':popover-open'))).toBe(true);
    await first.page.close();
    // ...but for the user's own backpack (whose host the sign-in grants: the hover script never runs there).
    await grantHosts(ext, ['http://127.0.0.1/*']);
    expect(await popupSend(ext, 'hosts/confirm', { patterns: ['http://127.0.0.1/*'] })).toMatchObject({ ok: true });
    expect(await popupSend(ext, 'accounts/sign-in', { kind: 'badgr', baseUrl: backpack.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
    expect(await registeredMatches()).toEqual(['https://blog.example/*']);
    const { page, logs, errors } = await open();
    await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
    await hover(page, 'valid');
    await waitReady(page);
    const valid = await cardText(page);
    expect(valid).toContain('✓ Verified badge');
    expect(valid).toContain('Analytical Engine Programmer');
    expect(valid).toContain('Analytical Society');
    // Beside the name the issuer gives itself, where the checks place it: its id's host (hostile review, session 11).
    expect(valid).toContain(`Analytical Society (${new URL(backpack.baseUrl).host})`);
    expect(await inShadow(page, 'hover-card', (root) => root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
    await page.screenshot({ path: 'test-results/hover-valid-issuer-site.png' });

    await hover(page, 'plain');
    await page.waitForSelector('[data-lanyard="hover-card"]', { state: 'detached' });
    await hover(page, 'revoked');
    await waitReady(page);
    expect(await cardText(page)).toContain('✕ Not a valid badge');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that focuses and moves badge links it makes, in a loop, makes Lanyard fetch nothing (issue 12 point 5)', async () => {
    // The backpack is the user's own (signed in above): its links would be fetched for a real hover.
    expect(await popupSend(ext, 'state/get', {})).toMatchObject({ ok: true, value: { accounts: [expect.objectContaining({ baseUrl: backpack.baseUrl })] } });
    await turnOnFor('https://evil.example/*');
    await waitFor(async () => (await registeredMatches()).includes('https://evil.example/*'), 5000);
    // Let the sync that followed the sign-in settle, then count from here.
    await new Promise((r) => setTimeout(r, 3000));
    const { page, logs } = await open(EVIL);
    await waitFor(() => logs.includes('[lanyard] hover content script loaded'));
    // The user moves the pointer once, onto plain text, and leaves it there.
    await page.mouse.move(240, 175, { steps: 4 });
    backpack.control.requests.length = 0;
    await page.mouse.move(250, 180);
    await page.waitForTimeout(6000);
    const asked = backpack.control.requests.filter((r) => r.path.startsWith('/public/assertions/'));
    expect(asked).toEqual([]);
    // The page's links were under the pointer and focused all along, yet no card was shown.
    expect(await cardState(page)).toBe('');
    await page.close();
  });
});
