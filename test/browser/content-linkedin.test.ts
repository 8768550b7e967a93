/**
 * The LinkedIn content script in Chromium with the built extension: fixture pages served at
 * www.linkedin.com through routing; badges imported from the test backpack. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, realPage, REAL_LINKEDIN } from '../content/support/pages.ts';
import { caretAfter, clickButton, inShadow, pick, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';
import { launchExtension } from './launch.ts';

let env: WithBadges;
let linkedinSeen: string[];
const PAGES: Record<string, string> = {
  '/in/ada-lovelace/': 'linkedin-profile-own.html',
  '/in/ada-lovelace/edit/forms/certification/new/': 'linkedin-cert-form.html',
  '/feed/': 'linkedin-feed-composer.html',
  '/in/ada-lovelace-2026/': 'linkedin-profile-own-sdui-2026.html',
  '/sharing/compose': 'linkedin-sharing-compose-sdui-2026.html',
};

beforeAll(async () => {
  env = await launchWithBadges();
  linkedinSeen = await serve(env.ext.context, 'https://www.linkedin.com/**', (url) => {
    if (url.pathname === '/in/someone-else/') return realPage(REAL_LINKEDIN);
    // LinkedIn's own link that opens the composer; served with the 2026 markup (composer in #interop-outlet's shadow root).
    if (url.pathname === '/feed/' && url.searchParams.get('shareActive') === 'true') return fixture('linkedin-feed-composer-shadow.html');
    if (url.pathname.startsWith('/profile/add')) return '<!doctype html><title>Add to profile</title><p>LinkedIn form</p>';
    const name = PAGES[url.pathname];
    return name ? fixture(name) : null;
  });
  // The real markup's images: no network here.
  await env.ext.context.route('https://media.licdn.com/**', (route) => route.fulfill({ status: 204, body: '' }));
});
afterAll(async () => {
  await env?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Resource loads (badge images in the picker: the test backpack's loopback address, a missing image) are not script errors.
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource|^Access to image at/.test(m.text()) && errors.push(m.text()));
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] linkedin content script loaded') });
  await page.goto(`https://www.linkedin.com${path}`);
  await loaded;
  return { page, errors };
}


/** Shares Ada's programmer badge from the composer's button and checks the post's paragraphs (`paragraphs`: their selector). */
async function shareAndCheck(page: Page, paragraphs: string): Promise<void> {
  await clickButton(page, 'linkedin-share-badge');
  await pick(page, 'Analytical Engine Programmer');
  const got = await waitFor(async () => {
    const l = await page.$$eval(paragraphs, (ps) => ps.map((p) => p.textContent ?? '')).catch(() => [] as string[]);
    return l[0] && l[0].length > 'Proud to share: '.length ? l : null;
  });
  expect(got[0]).toMatch(/^Proud to share: I earned the badge “Analytical Engine Programmer”/);
  // A post's link on the 127.0.0.1 test backpack is left out: nobody on LinkedIn could open it (core/share/linkedin.ts linkedInLink).
  expect(got[0]).not.toContain(env.backpack.baseUrl);
  expect(got.at(-1)).toBe('#learning');
}

describe('LinkedIn', () => {
  it('has the badges it needs (background import)', () => {
    expect(env.problems).toEqual([]);
    expect(Object.keys(env.badges)).toContain('Analytical Engine Programmer');
  });

  it('adds "Add badge" to the owner’s profile; the chosen badge opens the filled add-to-profile URL', async () => {
    const { page, errors } = await open('/in/ada-lovelace/');
    await page.waitForSelector('.pvs-header__top-container--no-stack [data-lanyard="linkedin-add-badge"]');
    // The host's own box: the root's `:host{all:initial!important}` (ui/shadow.ts) outweighs every normal declaration
    // of the same sheet (CSS Cascade 5 §6.1), so of the button's :host rule only the important `display` applies.
    expect(await page.$eval('[data-lanyard="linkedin-add-badge"]', (el) => ['display', 'margin-left', 'margin-right', 'vertical-align'].map((p) => getComputedStyle(el).getPropertyValue(p)))).toEqual(['inline-flex', '0px', '0px', 'baseline']);
    await clickButton(page, 'linkedin-add-badge');
    await pickerOptions(page);
    await page.screenshot({ path: 'test-results/linkedin-picker.png' });
    const navigated = page.waitForURL(/\/profile\/add\?/);
    await pick(page, 'Analytical Engine Programmer');
    await navigated;
    const url = new URL(page.url());
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      startTask: 'CERTIFICATION_NAME',
      name: 'Analytical Engine Programmer',
      organizationName: 'Analytical Society',
      issueYear: '2026',
      issueMonth: '3',
      certId: 'ada-programmer',
    });
    // The test backpack is on 127.0.0.1: no Credential URL nobody can open (core/share/linkedin.ts linkedInLink).
    expect(url.searchParams.has('certUrl')).toBe(false);
    expect(linkedinSeen.at(-1)).toBe(url.href);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds nothing to someone else’s profile (the real 2024 markup)', async () => {
    const { page, errors } = await open('/in/someone-else/');
    await page.waitForTimeout(400);
    expect(await page.locator('[data-lanyard]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fills the certification form from a badge, leaving the organization to confirm', async () => {
    const { page, errors } = await open('/in/ada-lovelace/edit/forms/certification/new/');
    const events: string[] = [];
    await page.exposeFunction('lanyardEvent', (e: string) => events.push(e));
    await page.evaluate(() => {
      for (const t of ['input', 'change']) document.addEventListener(t, (e) => (window as unknown as { lanyardEvent(s: string): void }).lanyardEvent(`${t} ${(e.target as Element).id.split('-').pop()}`));
    });
    await page.waitForSelector('form > [data-lanyard="linkedin-fill-form"]');
    await clickButton(page, 'linkedin-fill-form');
    await pick(page, 'Analytical Engine Programmer');
    const values = () => page.$$eval('form input, form select', (els) => els.map((e) => (e as HTMLInputElement).value));
    await waitFor(async () => (await values())[0] !== '');
    // name, organization, issue month and year, expiry month and year (none), credential id, URL
    const [name, org, month, year, expMonth, expYear, , url] = await values();
    expect([name, org, month, year, expMonth, expYear, url]).toEqual(['Analytical Engine Programmer', 'Analytical Society', '3', '2026', '', '', '']);
    expect(await page.evaluate(() => document.activeElement?.id.endsWith('-company'))).toBe(true);
    expect(events).toContain('input company');
    expect(events).toContain('change name');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares a badge from the post composer: the sentence and link at the caret', async () => {
    const { page, errors } = await open('/feed/');
    await page.waitForSelector('.share-creation-state__footer [data-lanyard="linkedin-share-badge"]');
    expect(await page.locator('.comments-comment-box [data-lanyard]').count()).toBe(0);
    // Beside the footer's other actions, before Post: Tab from Event reaches it, and Post comes after it.
    expect(await page.evaluate(() => document.querySelector('[data-lanyard="linkedin-share-badge"]')?.nextElementSibling?.textContent)).toBe('Post');
    await page.focus('button[aria-label="Create an event"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('linkedin-share-badge');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post');
    await caretAfter(page, '.share-box .ql-editor', 'Proud to share: ');
    await clickButton(page, 'linkedin-share-badge');
    await pick(page, 'Analytical Engine Programmer');
    const text = await waitFor(async () => {
      const t = await page.textContent('.share-box .ql-editor');
      return t && t.length > 'Proud to share: '.length ? t : null;
    });
    expect(text).toMatch(/^Proud to share: I earned the badge “Analytical Engine Programmer”/);
    // A post's link on the 127.0.0.1 test backpack is left out: nobody on LinkedIn could open it (core/share/linkedin.ts linkedInLink).
    expect(text).not.toContain(env.backpack.baseUrl);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('LinkedIn, 2026 markup', () => {
  it('adds "Add badge" to the owner’s server-driven profile (no anchors, hashed classes, an untranslated heading)', async () => {
    const { page, errors } = await open('/in/ada-lovelace-2026/');
    await page.waitForSelector('[componentkey*="CertificationTopLevel"] h2 + [data-lanyard="linkedin-add-badge"]');
    expect(await page.locator('[data-lanyard="linkedin-add-badge"]').count()).toBe(1);
    await clickButton(page, 'linkedin-add-badge');
    expect((await pickerOptions(page)).some((l) => l.startsWith('Analytical Engine Programmer'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares a badge from the composer inside #interop-outlet’s open shadow root, at the caret; no button in the Tiptap comment box', async () => {
    const { page, errors } = await open('/feed/?shareActive=true');
    // Playwright's CSS engine goes through open shadow roots.
    await page.waitForSelector('.share-creation-state__footer [data-lanyard="linkedin-share-badge"]');
    expect(await page.locator('[data-lanyard="linkedin-share-badge"]').count()).toBe(1);
    expect(await page.locator('.tiptap [data-lanyard], [data-view-name="feed-full-update"] [data-lanyard]').count()).toBe(0);
    // The caret where a person puts it: a click at the end of the first line of the shadow editor.
    await page.click('.ql-editor p >> nth=0', { position: { x: 2, y: 5 } });
    await page.keyboard.press('End');
    await shareAndCheck(page, '.ql-editor p');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('LinkedIn, late 2026 composer', () => {
  it('shares a badge from the server-driven composer (a modal <dialog>, Tiptap keyed ShareBox_textEditor), at the caret', async () => {
    const { page, errors } = await open('/sharing/compose');
    // LinkedIn opens it as a modal dialog (the page behind it inert): the picker must open inside it to be usable.
    await page.evaluate(() => {
      const d = document.querySelector('dialog')!;
      d.close();
      d.showModal();
    });
    await page.waitForSelector('dialog [data-lanyard="linkedin-share-badge"]');
    expect(await page.locator('[data-lanyard="linkedin-share-badge"]').count()).toBe(1);
    expect(await page.locator('main [data-lanyard]').count()).toBe(0);
    await page.click('[componentkey="ShareBox_textEditor"] p >> nth=0', { position: { x: 2, y: 5 } });
    await page.keyboard.press('End');
    await shareAndCheck(page, '[componentkey="ShareBox_textEditor"] p');
    expect(await page.locator('main .tiptap').textContent()).toBe('');
    // Closed (the dialog kept in the page): the button goes.
    await page.evaluate(() => document.querySelector('dialog')!.close());
    await waitFor(async () => (await page.locator('[data-lanyard="linkedin-share-badge"]').count()) === 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the picker, loaded on demand', () => {
  it('loads the picker only when pressed, with the manifest’s permissions alone, and shows the page nothing', async () => {
    // A fresh profile with no optional grant at all: the host permissions the manifest declares must do.
    const ext = await launchExtension();
    try {
      await serve(ext.context, 'https://www.linkedin.com/**', () => fixture('linkedin-profile-own.html'));
      await ext.context.route('https://media.licdn.com/**', (route) => route.fulfill({ status: 204, body: '' }));
      const page = await ext.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] linkedin content script loaded') });
      await page.goto('https://www.linkedin.com/in/ada-lovelace/');
      await loaded;
      await page.waitForSelector('[data-lanyard="linkedin-add-badge"]');
      expect(await page.locator('[data-lanyard="picker"]').count()).toBe(0);
      await clickButton(page, 'linkedin-add-badge');
      // The status says "Loading…" while the list is asked for (slow under load), then the answer.
      const status = await waitFor(() => inShadow(page, 'picker', (root) => [...(root.querySelector('[role=status]')?.querySelectorAll('[data-q]') ?? [])].map((q) => q.getAttribute('data-q')).join('') || null).then((t) => (t === 'Loading…' ? null : t)).catch(() => null));
      expect(status).toBe('No badges yet: add some in Lanyard.');
      // The injected file's hand-over lives in the content scripts' world, not the page's; the file is not web-accessible.
      expect(await page.evaluate(() => '__lanyardUi' in window)).toBe(false);
      const fetched = await page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), `${ext.origin}src/content/ui-linkedin.js`);
      expect(fetched).toBe('refused');
      expect(errors.filter((e) => !/Failed to load resource|ERR_FAILED|chrome-extension:\/\//.test(e))).toEqual([]);
      await page.close();
    } finally {
      await ext.close();
    }
  });
});
