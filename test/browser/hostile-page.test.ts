/**
 * Attacking pages against the content scripts, in Chromium with the built extension: the real
 * 2020 Gmail compose served at its real URL with a hostile page's additions, and a hover site.
 * - DOM clobbering: Chromium's isolated worlds see the page's named Window properties, so
 *   `<form id="browser"><input name="runtime">`, `<form id="__lanyardUi"><input name="mail">` and
 *   `<div id="__lanyardHover">` must not stand in for what the content scripts read (world.ts);
 *   the Document's named properties (`<img name="createElement">`) reach the page's world only.
 * - Made-up clicks: the page's `click()` on Lanyard's button loads and opens nothing (ui/user.ts).
 * - What the page can read: the picker's host has a closed shadow root, no light DOM, and none of
 *   the badge names reach the page's text; a page that hooks Element.prototype.attachShadow before
 *   anything runs catches none of Lanyard's roots, nor does one that defines Lanyard's former host
 *   names as custom elements and keeps their ElementInternals (whose shadowRoot is the closed root).
 * Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { clickButton, grantHosts, inShadow, pickerOptions, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;
const CLOBBER = '<form id="browser"><input name="runtime"></form><form id="__lanyardUi"><input name="mail"></form><div id="__lanyardHover"></div>';
const HOVER_SITE = 'https://clobber.example/';
/** The Document members the hover script reads, each named by an image (hidden: no layout change). */
const DOC_MEMBERS = ['addEventListener', 'elementFromPoint', 'baseURI', 'createElement', 'documentElement', 'activeElement', 'getSelection', 'querySelector'];
const DOC_CLOBBER = DOC_MEMBERS.map((n) => `<img name="${n}" alt="" style="display:none">`).join('');
/** An element of the page's own, with the attribute of Lanyard's button host, where the user is about to click. */
const LOOK_ALIKE = '<div id="look-alike" data-lanyard="linkedin-fill-form" style="position:fixed;left:10px;top:10px;width:200px;height:40px;background:#eee;z-index:10">Close</div>';
/** A compose form whose controls are named after the DOM members Lanyard uses (no dialog around it: the form is the compose root). */
const OUTLOOK_FORM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail</title></head><body>
<form id="compose"><div><button type="button" aria-label="Send">Send</button></div>
<div role="textbox" contenteditable="true" aria-label="Message body">Hello<br><img name="querySelector" alt=""><img name="querySelectorAll" alt=""></div>
<input type="hidden" name="parentElement"><input type="hidden" name="contains"><input type="hidden" name="append"></form></body></html>`;

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL).replace('</body>', `${CLOBBER}</body>`) : null));
  await serve(env.ext.context, 'https://outlook.office.com/**', (url) => (url.pathname.startsWith('/mail/') ? OUTLOOK_FORM : null));
  // LinkedIn's certification form, with the page's own look-alike of Lanyard's "Fill from a badge" host over its Close link.
  await serve(env.ext.context, 'https://www.linkedin.com/**', (url) =>
    url.pathname === '/in/ada-lovelace/edit/forms/certification/new/'
      ? fixture('linkedin-cert-form.html').replace('</body>', `${LOOK_ALIKE}</body>`)
      : null,
  );
  await serve(env.ext.context, `${HOVER_SITE}**`, (url) =>
    url.pathname === '/document'
      ? // Named <img>s clobber the Document's own members in the page's world (HTML §3.1.6, [LegacyOverrideBuiltIns]).
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body>${DOC_CLOBBER}
<p style="margin:40px"><a id="badge" href="${env.backpack.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p></body></html>`
      : url.pathname === '/hidden' || url.pathname === '/shown' || url.pathname === '/filtered'
      ? // A badge link made (almost) invisible by an ancestor, inside a form whose "parentElement" skips that ancestor (/shown: the same, visible;
        // /filtered: hidden by a filter's opacity(), which hit testing ignores).
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nothing here</title></head><body>
<div style="${url.pathname === '/hidden' ? 'opacity:0.02' : url.pathname === '/filtered' ? 'filter:drop-shadow(0 0 1px #000) opacity(0)' : 'opacity:1'}"><form id="f"><a id="badge" style="display:block;width:300px;height:80px;margin:40px" href="${env.backpack.baseUrl}/public/assertions/ada-programmer">Badge</a></form></div>
<output name="parentElement" form="f"></output></body></html>`
      : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body>${CLOBBER}
<p style="margin:40px"><a id="badge" href="${env.backpack.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p></body></html>`,
  );
});
afterAll(async () => {
  await env?.close();
});

async function open(url: string, loadedLog: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.ext.context.newPage();
  // The page's own script, before anything else: it hooks attachShadow and the shadowRoot getter to catch Lanyard's roots.
  await page.addInitScript(() => {
    const w = window as unknown as { caught: unknown[]; internals: ElementInternals[] };
    w.caught = [];
    w.internals = [];
    // Lanyard's hosts were <lanyard-ui> and <lanyard-button>: the page's constructor ran on them, and its ElementInternals held the closed root.
    for (const name of ['lanyard-ui', 'lanyard-button']) {
      customElements.define(name, class extends HTMLElement {
        constructor() {
          super();
          w.internals.push(this.attachInternals());
        }
      });
    }
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      w.caught.push(root);
      return root;
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource|^Access to image at/.test(m.text()) && errors.push(m.text()));
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(loadedLog) });
  await page.goto(url);
  await loaded;
  return { page, errors };
}

describe('a hostile page in Gmail', () => {
  it('has the badges it needs (background import)', () => {
    expect(env.problems).toEqual([]);
    expect(Object.keys(env.badges)).toContain('Analytical Engine Programmer');
  });

  it('its made-up click() on the button opens nothing; a person’s click opens the picker despite the clobbering elements', async () => {
    const { page, errors } = await open('https://mail.google.com/mail/u/0/#inbox?compose=new', '[lanyard] mail content script loaded');
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    // The page's own script presses the button, in every way it can.
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-lanyard="insert-badge"]')!;
      for (const type of ['mouseover', 'focusin', 'mousedown']) host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      host.click();
    });
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-lanyard="picker"]').count()).toBe(0);

    await clickButton(page, 'insert-badge');
    const labels = await pickerOptions(page);
    expect(labels.some((l) => l.startsWith('Analytical Engine Programmer'))).toBe(true);
    // The page sees a host with a closed root and nothing in it.
    const seen = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-lanyard="picker"]')!;
      let attach = 'attached';
      try {
        host.attachShadow({ mode: 'open' });
      } catch (e) {
        attach = (e as Error).name;
      }
      const hook = (window as unknown as { caught: ShadowRoot[] }).caught;
      const caught = hook.length;
      document.createElement('div').attachShadow({ mode: 'closed' }); // the hook works for the page's own roots
      const internals = (window as unknown as { internals: ElementInternals[] }).internals;
      const viaInternals = internals.filter((i) => i.shadowRoot !== null).length;
      // getHTML() serializes the shadow roots made serializable (DOM Parsing: attachShadow's `serializable`, false unless asked).
      const serialized = (document.documentElement as HTMLElement & { getHTML(o: object): string }).getHTML({ serializableShadowRoots: true });
      const names = /data-q="[^"]*(Analytical|Poetical)/.test(serialized) || serialized.includes('shadowrootmode');
      return { shadowRoot: host.shadowRoot, html: host.innerHTML, text: document.documentElement.innerText.includes('Analytical Engine Programmer'), attach, caught, own: hook.length, constructed: internals.length, viaInternals, names };
    });
    // The hook saw none of Lanyard's roots: the content script's world has its own Element.prototype; and no
    // host of Lanyard's is one of the page's custom elements (shadow.ts), so no ElementInternals holds its root.
    expect(seen).toEqual({ shadowRoot: null, html: '', text: false, attach: 'NotSupportedError', caught: 0, own: 1, constructed: 0, viaInternals: 0, names: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a compose <form> whose controls clobber the DOM members Lanyard uses', () => {
  it('still gets its "Insert badge" button (form.querySelector, .parentElement, .contains, .append are the page’s there)', async () => {
    const { page, errors } = await open('https://outlook.office.com/mail/0/', '[lanyard] mail content script loaded');
    // The content script's own view of the form, as Chromium gives it to isolated worlds: the named controls win.
    await page.waitForSelector('[data-lanyard="insert-badge"]', { timeout: 5000 });
    expect(await page.locator('[data-lanyard="insert-badge"]').count()).toBe(1);
    await clickButton(page, 'insert-badge');
    expect((await pickerOptions(page)).some((l) => l.startsWith('Analytical Engine Programmer'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a hostile hover site', () => {
  beforeAll(async () => {
    expect(await popupSend(env.ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await grantHosts(env.ext, [`${HOVER_SITE}*`]);
    expect(await popupSend(env.ext, 'hover/site-add', { pattern: `${HOVER_SITE}*`, addedGrant: true })).toMatchObject({ ok: true });
  });

  it('<div id="__lanyardHover"> and a clobbered browser.runtime do not switch the hover card off', async () => {
    const { page, errors } = await open(HOVER_SITE, '[lanyard] hover content script loaded');
    await page.mouse.move(0, 0);
    await page.hover('#badge');
    const state = () => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');
    await waitFor(async () => ['ready', 'error'].includes(await state()), 15_000);
    // The background answered (the test backpack is on 127.0.0.1, which a page's link never reaches):
    // a verdict, not a transport error.
    expect(await state()).toBe('ready');
    expect(await inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(''))).toContain('local or private network');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('images named after the Document’s members (document.createElement, .baseURI…) clobber the page’s world only: the card still comes', async () => {
    const { page, errors } = await open(`${HOVER_SITE}document`, '[lanyard] hover content script loaded');
    // The page's own world is clobbered: each member is its <img>.
    expect(await page.evaluate((names) => names.filter((n) => (document as unknown as Record<string, unknown>)[n] instanceof HTMLImageElement), DOC_MEMBERS)).toEqual(DOC_MEMBERS);
    await page.mouse.move(0, 0);
    await page.hover('#badge');
    const state = () => inShadow(page, 'hover-card', (root) => root.querySelector('.c')?.getAttribute('data-state') ?? '').catch(() => '');
    await waitFor(async () => ['ready', 'error'].includes(await state()), 15_000);
    expect(await state()).toBe('ready');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link hidden by an ancestor (opacity 0.02, or filter: opacity(0)) stays ignored when a form names a control "parentElement"', async () => {
    /** A person moving onto the link and resting there; whether a card came. */
    const dwell = async (path: string) => {
      const { page } = await open(`${HOVER_SITE}${path}`, '[lanyard] hover content script loaded');
      await page.mouse.move(0, 0);
      await page.hover('#badge');
      await page.waitForTimeout(1500);
      const cards = await page.locator('[data-lanyard="hover-card"]').count();
      await page.close();
      return cards;
    };
    expect(await dwell('shown')).toBe(1);
    expect(await dwell('hidden')).toBe(0);
    expect(await dwell('filtered')).toBe(0);
  });
});

describe('a hostile page on LinkedIn', () => {
  it('its own element dressed as Lanyard’s button: the user’s real click on it opens no picker (hostile review, session 11)', async () => {
    const { page, errors } = await open('https://www.linkedin.com/in/ada-lovelace/edit/forms/certification/new/', '[lanyard] linkedin content script loaded');
    // Lanyard's own button is there too.
    await page.waitForSelector('form > [data-lanyard="linkedin-fill-form"]');
    // A real, trusted click (Playwright's mouse) on the page's look-alike.
    await page.mouse.click(60, 30);
    await page.waitForTimeout(800);
    expect(await page.locator('[data-lanyard="picker"]').count()).toBe(0);
    // The real button still opens it.
    await clickButton(page, 'linkedin-fill-form');
    expect((await pickerOptions(page)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
