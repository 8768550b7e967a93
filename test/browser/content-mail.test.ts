/**
 * The web mail content script in Chromium with the built extension: Gmail (the real 2020 compose
 * markup, and two composes with an inline reply) and Outlook on the web, served at their real URLs.
 * The card goes in at the caret; a badge named `<img src=x onerror=alert(1)>` stays text.
 * Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { HOSTILE_NAME } from '../content/support/badges.ts';
import { caretAfter, clickButton, pick, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';

let env: WithBadges;

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) =>
    url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : url.pathname === '/mail/u/1/'
        ? fixture('gmail-two-composes-and-reply.html')
        : url.pathname === '/mail/u/2/'
          ? fixture('gmail-plain-text-mode.html')
          : null,
  );
  await serve(env.ext.context, 'https://outlook.office.com/**', (url) => (url.pathname.startsWith('/mail/') ? fixture('outlook-compose.html') : null));
  // Outlook's other hosts: the same compose, and a Japanese pop-out window.
  for (const host of ['outlook.live.com', 'outlook.office365.com', 'outlook.cloud.microsoft']) {
    await serve(env.ext.context, `https://${host}/**`, (url) =>
      url.pathname.includes('/deeplink/compose') ? fixture('outlook-popout-ja.html') : /^\/(mail|owa)\//.test(url.pathname) ? fixture('outlook-compose.html') : null,
    );
  }
});
afterAll(async () => {
  await env?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Resource loads (badge images in the picker: the test backpack's loopback address, a missing image) are not script errors.
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource|^Access to image at/.test(m.text()) && errors.push(m.text()));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // A script that ran from a badge would call alert() or set this.
  await page.addInitScript(() => {
    window.alert = (m?: unknown) => void ((window as unknown as { pwned: unknown }).pwned = m ?? true);
  });
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
  await page.goto(url);
  await loaded;
  return { page, errors };
}

/** Inserts `badge` into the body `body` via the `nth` button, with the caret after `after`; returns the body's HTML. */
async function insert(page: Page, nth: number, body: string, after: string, badge: string): Promise<string> {
  await caretAfter(page, body, after);
  await clickButton(page, 'insert-badge', nth);
  await pick(page, badge);
  return waitFor(async () => {
    const html = await page.innerHTML(body);
    return html.includes('<table') ? html : null;
  });
}

async function checkSafe(page: Page, body: string): Promise<void> {
  expect(await page.$$eval(`${body} img`, (imgs) => imgs.map((i) => i.getAttribute('src')))).not.toContain('x');
  expect(await page.locator(`${body} [onerror], ${body} script`).count()).toBe(0);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
}

describe('Gmail', () => {
  it('has the badges it needs (background import)', () => {
    expect(env.problems).toEqual([]);
    expect(Object.keys(env.badges)).toEqual(expect.arrayContaining(['Analytical Engine Programmer', HOSTILE_NAME]));
  });

  it('adds "Insert badge" to the real compose dialog and puts the card at the caret; a hostile name stays text', async () => {
    const { page, errors } = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await page.waitForSelector('tr.btC > td > [data-lanyard="insert-badge"]');
    expect(await page.locator('[data-lanyard="insert-badge"]').count()).toBe(1);
    const body = 'div[g_editable="true"]';
    await page.evaluate((sel) => {
      document.querySelector(sel)!.innerHTML = 'Dear Grace,<br>my badge: <br>Ada';
    }, body);
    // The editor must hear of the change (Gmail saves the draft on input).
    await page.evaluate((sel) => {
      const w = window as unknown as { inputs: number };
      w.inputs = 0;
      document.querySelector(sel)!.addEventListener('input', () => w.inputs++);
    }, body);
    const html = await insert(page, 0, body, 'my badge: ', HOSTILE_NAME);
    expect(html.indexOf('my badge: ')).toBeLessThan(html.indexOf('<table'));
    expect(html.indexOf('<table')).toBeLessThan(html.indexOf('Ada'));
    expect(await page.textContent(body)).toContain(HOSTILE_NAME);
    await checkSafe(page, body);
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/gmail-insert.png' });
    await page.close();
  });

  it('puts "Insert badge" in the compose’s own Tab order: Gmail numbers its compose tabindex="1", and a 0 would come after the whole page', async () => {
    const { page, errors } = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await page.waitForSelector('tr.btC > td > [data-lanyard="insert-badge"]');
    // The real compose: To, Subject, the body, Send, More send options, Attach files… all carry tabindex="1".
    await page.focus('[id=":79"]');
    const reached: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard') ?? document.activeElement?.getAttribute('aria-label') ?? '?'));
    }
    // Send's split half, then ours, then Gmail's formatting row; never the host itself as an empty stop.
    expect(reached).toEqual(['More send options', 'insert-badge', 'Attach files']);
    // Enter on it opens the picker, as a click does.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect((await pickerOptions(page)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('handles two composes and an inline reply at once, each into its own body', async () => {
    const { page, errors } = await open('https://mail.google.com/mail/u/1/#inbox');
    await waitFor(async () => (await page.locator('[data-lanyard="insert-badge"]').count()) === 3);
    // Buttons in document order: the reply, compose 1, compose 2.
    const second = await insert(page, 2, '[id=":c2"]', 'Second draft.', 'Analytical Engine Programmer');
    expect(second).toContain('Analytical Engine Programmer');
    const first = await insert(page, 1, '[id=":c1"]', 'Here is my badge: ', HOSTILE_NAME);
    expect(first).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(await page.innerHTML('[id=":r1"]')).not.toContain('<table');
    expect(await page.locator('[id=":c2"] table').count()).toBe(1);
    await checkSafe(page, '[id=":c1"]');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Gmail in plain-text mode', () => {
  it('offers the card and its sentence as a paste: the plain-text compose keeps the words and the link, the rich reply the card', async () => {
    const { page, errors } = await open('https://mail.google.com/mail/u/2/#inbox');
    await waitFor(async () => (await page.locator('[data-lanyard="insert-badge"]').count()) === 2);
    // Buttons in document order: the reply (rich), then the compose (plain text).
    await caretAfter(page, '[id=":p1"]', 'here is my badge: ');
    await clickButton(page, 'insert-badge', 1);
    await pick(page, 'Analytical Engine Programmer');
    const plain = await waitFor(async () => {
      const t = (await page.textContent('[id=":p1"]')) ?? '';
      return t.includes('Analytical Engine Programmer') ? t : null;
    });
    // The sentence with its link written out: not the card's words without the link, not its markup as text.
    expect(plain).toMatch(/^Hello Grace, here is my badge: ?\S.*Analytical Engine Programmer.*https?:\/\/\S+\/public\/assertions\/ada-programmer$/);
    expect(plain).not.toContain('<');
    expect(await page.locator('[id=":p1"] table, [id=":p1"] a').count()).toBe(0);
    const html = await insert(page, 0, '[id=":r1"]', 'My badge: ', HOSTILE_NAME);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    await checkSafe(page, '[id=":r1"]');
    const pastes = JSON.parse((await page.evaluate(() => document.documentElement.dataset.pastes)) ?? '[]') as { id: string; html: boolean; text: string }[];
    expect(pastes.map((p) => [p.id, p.html])).toEqual([[':p1', true], [':r1', true]]);
    expect(pastes[1]?.text).toContain(HOSTILE_NAME);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Outlook on the web', () => {
  it.each(['https://outlook.live.com/mail/0/inbox', 'https://outlook.office365.com/owa/', 'https://outlook.cloud.microsoft/mail/inbox'])(
    'adds "Insert badge" on every Outlook host: %s',
    async (url) => {
      const { page, errors } = await open(url);
      await waitFor(async () => (await page.locator('[data-lanyard="insert-badge"]').count()) === 2);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('adds "Insert badge" once to a Japanese compose popped out into its own window, after the split send button, reachable by Tab, and inserts there', async () => {
    const { page, errors } = await open('https://outlook.cloud.microsoft/mail/deeplink/compose?popoutv2=1');
    await waitFor(async () => (await page.locator('[data-lanyard="insert-badge"]').count()) === 1);
    // After the whole split button (Send and its menu), before Discard: Tab from the menu half reaches it.
    expect(await page.evaluate(() => document.querySelector('[data-lanyard]')?.previousElementSibling?.getAttribute('data-testid'))).toBe('ComposeSendButton');
    await page.focus('button[aria-haspopup="menu"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lanyard'))).toBe('insert-badge');
    const body = '[role="textbox"]';
    const html = await insert(page, 0, body, 'バッジです:\u00a0', 'Analytical Engine Programmer');
    expect(html).toContain('Analytical Engine Programmer');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-lanyard="insert-badge"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds "Insert badge" after Send in the reply and the pop-out, and inserts the card at the caret', async () => {
    const { page, errors } = await open('https://outlook.office.com/mail/inbox/id/AAQk');
    await waitFor(async () => (await page.locator('[data-lanyard="insert-badge"]').count()) === 2);
    const body = '#editorParent_2 [role="textbox"]';
    const html = await insert(page, 1, body, 'my new badge:\u00a0', HOSTILE_NAME);
    expect(html.startsWith('Hi Grace, my new badge:&nbsp;<table')).toBe(true);
    expect(await page.textContent(body)).toContain(HOSTILE_NAME);
    expect(await page.innerHTML('#editorParent_1')).not.toContain('<table');
    await checkSafe(page, body);
    expect(errors).toEqual([]);
    await page.close();
  });
});
