/**
 * What a user of the content scripts sees, in Chromium with the built extension and its UI in
 * French (LANGUAGE=fr --lang=fr): the "Insert badge" button, the picker and the card it inserts
 * speak the browser's language (browser.i18n from public/_locales, in the content script and in
 * the worker); the picker says each badge's status in words and warns before inserting a badge
 * that is not fully verified, as the popup's share screen does; the hover card for a badge on a
 * host Lanyard may not read names the host and how to allow it, not "open the badge in Lanyard".
 * Badges are served through Playwright routing at hosts of their own (the hovered one at a
 * Badgr-style path, which the hover script recognises). Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { caretAfter, clickButton, clickInShadow, grantHosts, importBadge, inShadow, pickerOptions, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { launchExtension, type Launched } from './launch.ts';

const CONTEXT = 'https://w3id.org/openbadges/v2';
const BADGES = 'https://ux-badges.example';
/** The issuer's profile lives here, a host Lanyard is never allowed to read: the badge stays "not fully verified". */
const ISSUER = 'https://ux-issuer.example';
/** The hovered badge's host: never allowed, never served (the fetch is refused before it leaves). */
const HOVER = 'https://ux-hover.example';

const docs = (base: string, issuer: string, name: string): Record<string, unknown> => ({
  '/assertions/1': { '@context': CONTEXT, type: 'Assertion', id: `${base}/assertions/1`, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: `${base}/badges/1`, verification: { type: 'HostedBadge' }, issuedOn: '2026-03-02T10:00:00Z' },
  '/badges/1': { '@context': CONTEXT, type: 'BadgeClass', id: `${base}/badges/1`, name, description: 'A badge.', image: `${base}/badges/1/image`, criteria: { narrative: 'None.' }, issuer },
});
const SERVED: Record<string, Record<string, unknown>> = {
  [BADGES]: docs(BADGES, `${ISSUER}/issuer`, 'Poetical Science'),
  [ISSUER]: { '/issuer': { '@context': CONTEXT, type: 'Issuer', id: `${ISSUER}/issuer`, name: 'Difference Engine Guild', url: ISSUER, email: 'badges@ux-issuer.example' } },
};

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension({ lang: 'fr' });
  for (const [origin, files] of Object.entries(SERVED)) {
    await ext.context.route(`${origin}/**`, (route) => {
      const doc = files[new URL(route.request().url()).pathname];
      return doc ? route.fulfill({ status: 200, contentType: 'application/ld+json', body: JSON.stringify(doc) }) : route.fulfill({ status: 404, body: '' });
    });
  }
  await serve(ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
  await serve(ext.context, 'https://blog.example/**', () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body><p style="margin:60px"><a id="b" href="${HOVER}/public/assertions/ux-hovered">My badge</a></p></body></html>`);
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string, ready: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(ready) });
  await page.goto(url);
  await loaded;
  return { page, errors };
}

describe('content scripts in the browser’s language, with the share warning', () => {
  it('the picker says “not fully verified” in words, warns before inserting such a badge, and inserts a French card when the user goes on', async () => {
    await grantHosts(ext, [`${BADGES}/*`]);
    const badge = await importBadge(ext, `${BADGES}/assertions/1`);
    expect(badge).toMatchObject({ name: 'Poetical Science', verdict: 'indeterminate' });

    const { page, errors } = await open('https://mail.google.com/mail/u/0/#inbox?compose=new', '[lanyard] mail content script loaded');
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    expect(await inShadow(page, 'insert-badge', (root) => root.querySelector('button [data-q]')?.getAttribute('data-q'))).toBe('Insérer un badge');
    const body = 'div[g_editable="true"]';
    await page.evaluate((sel) => void (document.querySelector(sel)!.innerHTML = 'Mon badge : <br>Ada'), body);
    await caretAfter(page, body, 'Mon badge : ');
    await clickButton(page, 'insert-badge');
    expect(await pickerOptions(page)).toEqual(['Poetical Science, mars 2026, Pas entièrement vérifié']);
    expect(await inShadow(page, 'picker', (root) => [...root.querySelectorAll('li .m [data-q]')].map((q) => q.getAttribute('data-q')).join(''))).toBe('? Pas entièrement vérifié');
    expect(await inShadow(page, 'picker', (root) => root.querySelector('input')?.getAttribute('placeholder'))).toBe('Rechercher dans vos badges');
    // The month in the browser's language too (the page says lang="en").
    expect(await inShadow(page, 'picker', (root) => [...root.querySelector('li small')!.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(''))).toBe('mars 2026');
    await page.screenshot({ path: 'test-results/picker-status-fr.png' });

    await clickInShadow(page, 'picker', 'li[data-i="0"]');
    const warning = await waitFor(() => inShadow(page, 'picker', (root) => root.querySelector('[role=alert] [data-q]')?.getAttribute('data-q') || null));
    // The reason names the issuer's host Lanyard may not read, not the engine's "open the badge in Lanyard".
    expect(warning).toBe("Lanyard n’a pas pu mener à bien toutes les vérifications de ce badge. Lanyard n’a pas encore accès à ux-issuer.example. La personne avec qui vous le partagez ne pourra peut-être pas le vérifier non plus.");
    // Nothing went in yet.
    expect(await page.innerHTML(body)).not.toContain('<table');
    await page.screenshot({ path: 'test-results/picker-warning-fr.png' });
    const buttons = await inShadow(page, 'picker', (root) => [...root.querySelectorAll('.a button')].map((b) => b.querySelector('[data-q]')?.getAttribute('data-q')));
    expect(buttons).toEqual(['En choisir un autre', 'L’utiliser quand même']);
    await clickInShadow(page, 'picker', '.a button:last-child');
    const html = await waitFor(async () => {
      const h = await page.innerHTML(body);
      return h.includes('<table') ? h : null;
    });
    // The card, from the worker, in French (issuer not fetched: no "Délivré par" line; the date in French).
    expect(html).toContain('Poetical Science');
    expect(html).toMatch(/Délivré le|Délivré/);
    expect(html).not.toContain('Issued');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the hover card for a badge on a host Lanyard may not read names it and says how to allow it, in French', async () => {
    expect(await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await grantHosts(ext, ['https://blog.example/*']);
    expect(await popupSend(ext, 'hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
    const { page, errors } = await waitFor(() => open('https://blog.example/', '[lanyard] hover content script loaded').catch(() => null), 20_000);
    await page.mouse.move(0, 0);
    await page.hover('#b');
    const text = await waitFor(async () => {
      const s = await inShadow(page, 'hover-card', (root) => (root.querySelector('.c')?.getAttribute('data-state') !== 'loading' ? `${root.querySelector('.c')?.getAttribute('data-state')}: ${[...root.querySelectorAll('.c [data-q]')].map((q) => q.getAttribute('data-q')).join('')}` : null)).catch(() => null);
      return s || null;
    }, 15_000);
    expect(text).toMatch(/^ready: /);
    expect(text).toContain('Vérification impossible');
    expect(text).toContain('Lanyard n’a pas encore accès à ux-hover.example\u00a0: autorisez-le dans les réglages d’extensions du navigateur');
    await page.screenshot({ path: 'test-results/hover-no-access-fr.png' });
    // The whole sentence shows on the card's fixed box (it was cut off when it took two paragraphs).
    expect(await inShadow(page, 'hover-card', (root) => [...root.querySelectorAll('.c p')].every((p) => p.scrollHeight <= p.clientHeight + 1) && root.querySelector('.c')!.scrollHeight <= root.querySelector('.c')!.clientHeight + 1)).toBe(true);
    expect(text).not.toContain('open the badge in Lanyard');
    expect(text).not.toContain('Allow access');
    expect(errors).toEqual([]);
    await page.close();
  });
});
