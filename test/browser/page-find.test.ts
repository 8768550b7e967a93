/**
 * Hostile review (session 13): a page's `window.find()` against Lanyard's closed shadow roots (run
 * `npm run build` first). A closed shadow root hides its nodes from the page's scripts, but
 * Chromium's find-in-page, which `window.find(text)` drives, searches the flat tree, closed shadow
 * roots included, and answers true or false. A page that guesses ("Issued to one of your
 * addresses", "Verified badge", a badge's name) learned what the hover card said, so whether a
 * badge it made for a guessed address was the user's, and on a picker site it could read the
 * user's badge list out of the picker, a guess at a time. Lanyard's words there are now CSS
 * generated content (src/content/ui/quiet.ts), drawn and read out but never matched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { clickButton, grantHosts, inShadow, pickerOptions, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
const BLOG = 'https://blog.example/mine';
/** The hostile badge (test/content/support/badges.ts) at an address hover knows for a badge (badgr-server's /public/assertions/). */
const LINK = 'https://hostile.example/public/assertions/find-1';
const ASSERTION = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: LINK,
  recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
  badge: 'https://hostile.example/badges/1',
  verification: { type: 'HostedBadge' },
  issuedOn: '2026-02-01T10:00:00Z',
};

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
  await env.ext.context.route(LINK, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(ASSERTION) }));
  await serve(env.ext.context, 'https://blog.example/**', () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mine</title></head><body>
<p style="margin:60px"><a id="b" href="${LINK}">my badge link</a></p></body></html>`);
});
afterAll(async () => {
  await env?.close();
});

/** What the page's own script gets from window.find (the selection it makes is dropped at once). */
const pageFinds = (page: Page, text: string) =>
  page.evaluate((t) => {
    const found = (window as unknown as { find(s: string): boolean }).find(t);
    getSelection()?.removeAllRanges();
    return found;
  }, text);

describe('a page searching Lanyard’s closed shadow roots with window.find', () => {
  it('finds nothing the hover card says: not the verdict, not the badge', async () => {
    expect(env.problems).toEqual([]);
    expect(await popupSend(env.ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await grantHosts(env.ext, ['https://blog.example/*']);
    expect(await popupSend(env.ext, 'hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
    await waitFor(async () => {
      const scripts = (await env.ext.worker.evaluate(async () => (await chrome.scripting?.getRegisteredContentScripts?.()) ?? []).catch(() => [])) as { id: string; matches?: string[] }[];
      return scripts.find((s) => s.id === 'lanyard-hover')?.matches?.includes('https://blog.example/*') ?? false;
    }, 10_000);
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] hover content script loaded') });
    await page.goto(BLOG);
    await loaded;
    const box = (await page.locator('#b').boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    const state = () => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');
    await waitFor(async () => ['ready', 'error'].includes(await state()), 20_000).catch(async (e) => {
      throw new Error(`${e}: the card is "${await state()}"`);
    });
    expect(await state()).toBe('ready');
    // What the card shows (read through the DevTools protocol, as a person reads the screen).
    const shown = await inShadow(page, 'hover-card', (root) => {
      const box = root.querySelector('.c')!;
      return { verdict: box.querySelector('.v')?.textContent || box.querySelector('.v [data-q]')?.getAttribute('data-q') || '', name: box.querySelector('b')?.textContent || box.querySelector('b [data-q]')?.getAttribute('data-q') || '' };
    });
    expect(shown.verdict.length).toBeGreaterThan(3);
    expect(shown.name).toBe('<img src=x onerror=alert(1)>');
    await page.screenshot({ path: 'test-results/hover-quiet-text.png' });
    // The page's own words are found: window.find works here.
    expect(await pageFinds(page, 'my badge link')).toBe(true);
    for (const probe of [shown.verdict.slice(2), shown.name, 'onerror', 'Could not be verified', 'Verified badge', 'Not a valid badge']) {
      expect(await pageFinds(page, probe), probe).toBe(false);
    }
    await page.close();
  }, 120_000);

  it('finds nothing the picker shows on a picker site: no badge name, issuer, status or "no match"', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await clickButton(page, 'insert-badge', 0);
    expect((await pickerOptions(page)).some((l) => l.startsWith('Analytical Engine Programmer'))).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/picker-quiet-text.png' });
    for (const probe of ['Analytical Engine Programmer', 'Analytical Society', 'onerror', 'Not valid', 'Not fully verified', 'Not checked yet']) {
      expect(await pageFinds(page, probe), probe).toBe(false);
    }
    // A search for a badge the user does not hold: the status line says so, to the user only.
    await page.keyboard.type('zzzz no such badge');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelectorAll('li[role=option]').length === 0));
    await page.waitForTimeout(200);
    expect(await pageFinds(page, 'No badge matches')).toBe(false);
    await page.close();
  }, 120_000);
});
