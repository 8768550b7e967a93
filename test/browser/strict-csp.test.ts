/**
 * A picker site under the strictest policy it could send (attack39): the real 2020 Gmail compose with a
 * Content-Security-Policy that enforces Trusted Types with no policy allowed (`require-trusted-types-for 'script';
 * trusted-types 'none'`) and allows no style, script, image or connection of its own (`default-src 'none'`). The
 * button, the picker (its style an adopted sheet, its rows' pictures `data:`) and the inserted card are Lanyard's
 * content script's, in its isolated world: they work as on any page (Chromium exempts an isolated world from the
 * page's Trusted Types; insert.ts's insertHTML would fall back to DOM nodes if it threw). Passes before and after
 * attack39: a guard. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { caretAfter, clickButton, inShadow, pick, pickerOptions, serve, waitFor } from '../content/support/browser.ts';
import { launchWithBadges, type WithBadges } from '../content/support/extension.ts';
import { BODY } from './support/gmail-picker.ts';

const CSP = `require-trusted-types-for 'script'; trusted-types 'none'; default-src 'none'`;
let env: WithBadges;

beforeAll(async () => {
  env = await launchWithBadges();
  await serve(env.ext.context, 'https://mail.google.com/**', (url) =>
    url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL).replace(/<head[^>]*>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${CSP}">`) : null);
});
afterAll(async () => {
  await env?.close();
});

describe('a picker site whose policy enforces Trusted Types and allows nothing of its own', () => {
  it('the button, the picker and the inserted card work as on any page', async () => {
    const page = await env.ext.context.newPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    // The policy holds for the page: an HTML string it gives a sink is refused (and logged: before listening).
    expect(await page.evaluate(() => { try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'allowed'; } catch (e) { return (e as Error).name; } })).toBe('TypeError');
    // The page's own inline styles and images are refused (its markup's, and the card's style attributes once in its
    // editor); a Trusted Types refusal would be Lanyard's (an HTML string given to a sink).
    const trusted: string[] = [];
    page.on('console', (m) => /Trusted ?Type|TrustedHTML/i.test(m.text()) && trusted.push(m.text()));
    await page.evaluate((sel) => { const el = document.querySelector(sel)!; el.textContent = 'Dear Grace, my badge: '; }, BODY);
    await caretAfter(page, BODY, 'my badge: ');
    await clickButton(page, 'insert-badge');
    await pickerOptions(page);
    // The picker drawn with its own style (the close button laid out, not a bare inline default).
    expect(await inShadow(page, 'picker', (root) => getComputedStyle(root.querySelector('[role=dialog]')!).position)).not.toBe('static');
    await pick(page, 'Analytical Engine Programmer');
    await waitFor(async () => (await page.innerHTML(BODY)).includes('Analytical Engine Programmer'));
    expect(await page.innerHTML(BODY)).toContain('<a ');
    expect(trusted).toEqual([]);
    await page.close();
  });
});
