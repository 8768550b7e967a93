/**
 * An accessibility audit in Chromium with the built extension: axe-core's WCAG 2.1 A and AA rules and best practices,
 * every impact (support/axe-wcag.ts), on each of the popup's main screens in the light and dark
 * themes, and on the content scripts' badge picker and hover card on a page.
 *
 * The picker and the hover card live in closed shadow roots (src/content/ui/shadow.ts), which axe
 * cannot enter, and their words are CSS generated content (`data-q`, src/content/ui/quiet.ts),
 * which axe neither reads as names nor checks for contrast. So `auditCopy` copies the closed root,
 * through the DevTools protocol, into an open root in the same page, with the same style sheets and
 * at the same place, each quiet span turned back into the text it draws (what Chromium's
 * accessibility tree reads out: generated content is part of a name, AccName 1.2 §4.3.2 step
 * 2F.ii), hides the original, and audits the copy alone. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realPage, REAL_GMAIL } from '../content/support/pages.ts';
import { clickButton, clickInShadow, grantHosts, importBadge, inShadow, pickerOptions, popupSend, serve, waitFor } from '../content/support/browser.ts';
import { axeWcag } from './support/axe-wcag.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;

const CONTEXT = 'https://w3id.org/openbadges/v2';
const BADGES = 'https://a11y-badges.example';
/** Never allowed: the issuer is not confirmed, the badge stays "not fully verified" and the picker warns. */
const ISSUER = 'https://a11y-issuer.example';
/** The hovered badge's host: never allowed (the card says how to allow it). */
const HOVER = 'https://a11y-hover.example';

const assertion = (n: number, name: string): Record<string, unknown> => ({
  [`/assertions/${n}`]: { '@context': CONTEXT, type: 'Assertion', id: `${BADGES}/assertions/${n}`, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: `${BADGES}/badges/${n}`, verification: { type: 'HostedBadge' }, issuedOn: '2026-03-02T10:00:00Z' },
  [`/badges/${n}`]: { '@context': CONTEXT, type: 'BadgeClass', id: `${BADGES}/badges/${n}`, name, description: 'A badge.', image: `${BADGES}/badges/${n}/image`, criteria: { narrative: 'None.' }, issuer: `${ISSUER}/issuer` },
});
const SERVED: Record<string, unknown> = { ...assertion(1, 'Poetical Science'), ...assertion(2, 'Analytical Engine Programmer') };
/** Badges at a Badgr-style path (the hover script's) whose issuer, on the same host (OB 2.0 hosted scope), Lanyard can read: one valid, one revoked. */
const hosted = (id: string, name: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({
  [`/public/assertions/${id}`]: { '@context': CONTEXT, type: 'Assertion', id: `${BADGES}/public/assertions/${id}`, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: `${BADGES}/badges/${id}`, verification: { type: 'HostedBadge' }, issuedOn: '2026-03-02T10:00:00Z', ...more },
  [`/badges/${id}`]: { '@context': CONTEXT, type: 'BadgeClass', id: `${BADGES}/badges/${id}`, name, description: 'A badge.', image: `${BADGES}/badges/${id}/image`, criteria: { narrative: 'None.' }, issuer: `${BADGES}/issuer` },
});
Object.assign(SERVED, hosted('a11y-ok', 'Difference Engine Operator'), hosted('a11y-gone', 'Retired Course', { revoked: true, revocationReason: 'Awarded in error' }));
SERVED['/issuer'] = { '@context': CONTEXT, type: 'Issuer', id: `${BADGES}/issuer`, name: 'Difference Engine Guild', url: BADGES, email: 'badges@a11y-badges.example' };

beforeAll(async () => {
  ext = await launchExtension();
  await ext.context.route(`${BADGES}/**`, (route) => {
    const doc = SERVED[new URL(route.request().url()).pathname];
    return doc ? route.fulfill({ status: 200, contentType: 'application/ld+json', body: JSON.stringify(doc) }) : route.fulfill({ status: 404, body: '' });
  });
  await serve(ext.context, 'https://mail.google.com/**', (url) => (url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : null));
  await serve(ext.context, 'https://blog.example/**', () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges</title></head><body><main><p style="margin:60px"><a id="b" href="${HOVER}/public/assertions/a11y-hovered">My badge</a></p><p style="margin:60px"><a id="ok" href="${BADGES}/public/assertions/a11y-ok">Operator</a></p><p style="margin:60px"><a id="gone" href="${BADGES}/public/assertions/a11y-gone">Retired</a></p></main></body></html>`);
});
afterAll(async () => {
  await ext?.close();
});

describe('a list row with chips, in French at 300 px', () => {
  it('two chips ("En attente", "Plus listé") stay inside the row, clear of the verdict mark, and leave the issuer its place', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&unlisted=1&lang=fr', 'dark');
    await page.setViewportSize({ width: 300, height: 560 });
    await page.getByRole('listbox').waitFor();
    await page.getByRole('searchbox').fill('Python');
    const row = page.getByRole('option').filter({ hasText: 'Introduction to Python' });
    await row.getByText('Plus listé', { exact: true }).waitFor();
    await shot(page, 'unlisted-row-fr-300-dark');
    const box = await row.evaluate((el) => {
      const r = (e: Element | null) => e!.getBoundingClientRect();
      const text = r(el.querySelector('.row-text'));
      return { row: r(el), text: { left: text.left, right: text.right }, mark: r(el.querySelector('.row-text')!.nextElementSibling).left, issuer: r(el.querySelector('.row-issuer')).width, chips: [...el.querySelectorAll('.chip')].map((c) => { const b = r(c); return { left: b.left, right: b.right, bottom: b.bottom, cut: (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth }; }) };
    });
    expect(box.chips).toHaveLength(2);
    for (const c of box.chips) {
      // Before: the second chip ran out of the row, over the verdict mark and past the popup's edge.
      expect(c.right).toBeLessThanOrEqual(box.text.right + 0.5);
      expect(c.right).toBeLessThanOrEqual(box.mark);
      expect(c.bottom).toBeLessThanOrEqual(box.row.bottom);
      expect(c.cut).toBe(false);
    }
    // Before: "Code Club" was cut to nothing, a lone " · 30 juin 2019" left.
    expect(box.issuer).toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('popup screens: no WCAG 2.1 A/AA nor best-practice violation (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`first run, sign-in error, empty, load error (${scheme})`, async () => {
      const first = await openPopup(ext, '?preview=1&scenario=first-run', scheme);
      await first.page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
      expect(await axeWcag(first.page), 'first run').toEqual([]);
      await first.page.getByRole('button', { name: /Canvas Credentials/ }).click();
      await first.page.getByLabel('E-mail').fill('ada@example.org');
      await first.page.getByLabel('Password').fill('wrong');
      await first.page.getByRole('button', { name: 'Sign in' }).click();
      await first.page.getByText("That e-mail and password don't match.", { exact: false }).waitFor();
      expect(await axeWcag(first.page), 'sign-in error').toEqual([]);
      // Rate-limited: the button says the wait (aria-disabled; its contrast is measured in popup-a11y.test.ts, axe skips it).
      await first.page.getByLabel('E-mail').fill('throttled@example.org');
      await first.page.getByRole('button', { name: 'Sign in' }).click();
      await first.page.getByRole('button', { name: /^Try again in \d+ s$/ }).waitFor();
      expect(await axeWcag(first.page), 'sign-in rate-limited').toEqual([]);
      expect(first.errors).toEqual([]);
      await first.page.close();

      const empty = await openPopup(ext, '?preview=1&n=0', scheme);
      await empty.page.getByRole('heading', { name: 'No badges in your backpack' }).waitFor();
      expect(await axeWcag(empty.page), 'empty').toEqual([]);
      await empty.page.close();

      const broken = await openPopup(ext, '?preview=1&scenario=broken', scheme);
      await broken.page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await axeWcag(broken.page), 'load error').toEqual([]);
      await broken.page.close();
    });

    it(`list with badges, a badge, share, accounts, addresses, settings (${scheme})`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('listbox', { name: 'Your badges' }).waitFor();
      // The preview's failing backpack: its line under the header is in the "Sync status" landmark.
      await page.getByRole('region', { name: 'Sync status' }).getByTestId('sync-failure').waitFor();
      await shot(page, `a11y-list-${scheme}`);
      expect(await axeWcag(page), 'list').toEqual([]);
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('combobox', { name: 'Verification' }).waitFor();
      expect(await axeWcag(page), 'list with filters').toEqual([]);

      await page.getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
      await page.getByRole('heading', { name: 'Verification' }).waitFor();
      expect(await axeWcag(page), 'badge').toEqual([]);
      await page.getByRole('button', { name: 'Share' }).click();
      await page.frameLocator('iframe[srcdoc]').getByText(/View and verify/).waitFor();
      expect(await axeWcag(page), 'share').toEqual([]);

      await page.getByRole('button', { name: 'Accounts' }).click();
      await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
      expect(await axeWcag(page), 'accounts').toEqual([]);
      await page.getByRole('button', { name: 'E-mail addresses' }).click();
      await page.getByLabel('Add an address').waitFor();
      expect(await axeWcag(page), 'addresses').toEqual([]);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
      expect(await axeWcag(page), 'settings').toEqual([]);
      await page.getByRole('button', { name: 'Add a badge' }).click();
      await page.getByLabel('Or paste a badge link, its JSON or a JWS').fill('not a badge');
      expect(await axeWcag(page), 'add a badge').toEqual([]);
      await page.getByRole('button', { name: 'Add badge', exact: true }).click();
      await page.getByText('That is not a badge Lanyard can read', { exact: false }).waitFor();
      expect(await axeWcag(page), 'add a badge: refused').toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`badges their backpack no longer lists: the list's chips, the badge page's note, the sign-out question and note (${scheme})`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1&unlisted=1', scheme);
      await page.getByRole('listbox', { name: 'Your badges' }).waitFor();
      await page.getByRole('searchbox').fill('Python');
      const row = page.getByRole('option').filter({ hasText: 'Introduction to Python' });
      // The chip is text (its name says it), not a colour.
      await row.getByText('No longer listed', { exact: true }).waitFor();
      await shot(page, `a11y-unlisted-list-${scheme}`);
      expect(await axeWcag(page), 'list with the chip').toEqual([]);
      await page.getByRole('searchbox').fill('');
      await page.getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
      await page.getByText('No longer listed by api.badgr.io since Nov 20, 2026: Lanyard keeps its copy in this browser.').waitFor();
      await shot(page, `a11y-unlisted-badge-${scheme}`);
      expect(await axeWcag(page), 'unlisted badge page').toEqual([]);

      await page.getByRole('button', { name: 'Accounts' }).click();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Canvas Credentials (US)' }) });
      await card.getByRole('button', { name: /^Sign out for/ }).click();
      await card.getByRole('group', { name: /badges kept: 2\)/ }).waitFor();
      await shot(page, `a11y-unlisted-sign-out-confirm-${scheme}`);
      expect(await axeWcag(page), 'sign-out question with the count kept').toEqual([]);
      await card.getByRole('button', { name: /^Sign out for/ }).click();
      await page.getByText('Lanyard forgot this account, its sign-in and the badges it still listed. Those it no longer listed stay in this browser (badges kept: 2).', { exact: false }).waitFor();
      // The card and its button went: focus is on the screen's title, not lost (the note may be
      // announced a frame before the card leaves and focus is handed on: polled, not read once).
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('screen-title');
      await shot(page, `a11y-unlisted-signed-out-${scheme}`);
      expect(await axeWcag(page), 'note after the sign-out').toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`a "Not valid" badge's page (${scheme})`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('option').filter({ hasText: 'Data Protection Officer' }).click();
      await page.getByRole('heading', { name: 'Verification' }).waitFor();
      await shot(page, `a11y-invalid-badge-${scheme}`);
      expect(await axeWcag(page), 'invalid badge').toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/**
 * Copies Lanyard's closed shadow root of `kind` into an open one (#a11y-copy), as described at the
 * top, and returns the axe violations inside the copy.
 */
async function auditCopy(page: Page, kind: string): Promise<string[]> {
  const copied = await inShadow(page, kind, (root) => {
    document.getElementById('a11y-copy')?.remove();
    const host = document.createElement('span');
    host.id = 'a11y-copy';
    const open = host.attachShadow({ mode: 'open' });
    open.adoptedStyleSheets = [...root.adoptedStyleSheets];
    for (const n of root.childNodes) open.append(n.cloneNode(true));
    // Each string with a space either side: axe joins sibling elements' text with none (it reads no CSS
    // display), where Chromium reads a row's name and its block-level date apart; spaces collapse on screen.
    for (const q of open.querySelectorAll('[data-q]')) q.replaceWith(document.createTextNode(` ${q.getAttribute('data-q') ?? ''} `));
    // Out of the way while the copy is audited: the picker is in the top layer, above the copy. Not painted (display), not
    // hidden (visibility): top-layer.ts takes a box that is there but not seen for one covered, and raises it until it gives up.
    for (const el of root.children) if (el instanceof HTMLElement) el.style.display = 'none';
    // axe finds what is behind a text through elementsFromPoint, which skips the hover card (pointer-events:
    // none: it lets the pointer through to the page) and finds no background above the body's.
    for (const el of open.children) if (el instanceof HTMLElement) el.style.pointerEvents = 'auto';
    document.body.append(host);
    return open.querySelectorAll('*').length;
  });
  expect(copied).toBeGreaterThan(1);
  return axeWcag(page, '#a11y-copy');
}

describe('content UI (closed shadow roots, audited as an open copy): no WCAG 2.1 A/AA nor best-practice violation', () => {
  it('the picker: its list of badges and the warning before a badge not fully verified', async () => {
    await grantHosts(ext, [`${BADGES}/*`]);
    await importBadge(ext, `${BADGES}/assertions/1`);
    await importBadge(ext, `${BADGES}/assertions/2`);
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] mail content script loaded') });
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await loaded;
    await page.waitForSelector('[data-lanyard="insert-badge"]');
    await page.evaluate(() => (document.querySelector('div[g_editable="true"]') as HTMLElement).focus());
    expect(await auditCopy(page, 'insert-badge'), 'Insert badge button').toEqual([]);
    await page.evaluate(() => document.getElementById('a11y-copy')?.remove());
    await inShadow(page, 'insert-badge', (root) => void [...root.children].forEach((el) => (el as HTMLElement).style?.removeProperty('display')));
    await clickButton(page, 'insert-badge');
    expect((await pickerOptions(page)).length).toBe(2);
    await page.screenshot({ path: 'test-results/a11y-picker.png' });
    expect(await auditCopy(page, 'picker'), 'picker list').toEqual([]);
    await page.screenshot({ path: 'test-results/a11y-picker-copy.png' });
    await page.evaluate(() => document.getElementById('a11y-copy')?.remove());
    await inShadow(page, 'picker', (root) => void [...root.children].forEach((el) => (el as HTMLElement).style?.removeProperty('display')));

    await clickInShadow(page, 'picker', 'li[data-i="0"]');
    await waitFor(() => inShadow(page, 'picker', (root) => root.querySelector('[role=alert] [data-q]') !== null));
    expect(await auditCopy(page, 'picker'), 'picker warning').toEqual([]);
    await page.screenshot({ path: 'test-results/a11y-picker-warning-copy.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the hover card', async () => {
    expect(await popupSend(ext, 'settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    // Before the page opens: granting opens pages of its own, and the card shows only in the page the user is on.
    await grantHosts(ext, ['https://blog.example/*', `${BADGES}/*`]);
    expect(await popupSend(ext, 'hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
    const page = await waitFor(async () => {
      const p = await ext.context.newPage();
      const loaded = p.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] hover content script loaded'), timeout: 5_000 });
      await p.goto('https://blog.example/');
      return loaded.then(() => p, async () => (await p.close(), null));
    }, 20_000);
    // A host Lanyard may not read (the card says how to allow it), a valid badge, a revoked one.
    for (const [id, verdict] of [['b', 'indeterminate'], ['ok', 'valid'], ['gone', 'invalid']] as const) {
      await page.evaluate(() => document.getElementById('a11y-copy')?.remove());
      // Away until the last card is gone (a pointer back on a link within its pause keeps it), then a real move onto the link.
      await page.mouse.move(0, 0);
      await page.waitForSelector('[data-lanyard="hover-card"]', { state: 'detached' });
      const box = (await page.locator(`#${id}`).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      let said = '';
      await waitFor(async () => {
        said = await inShadow(page, 'hover-card', (root) => `${root.querySelector('.c')?.getAttribute('data-state')} ${root.querySelector('.v')?.className}: ${[...root.querySelectorAll('[data-q]')].map((q) => q.getAttribute('data-q')).join(' ')}`).catch(() => said);
        return said.startsWith(`ready v ${verdict}:`);
      }, 15_000).catch(() => expect.fail(`the card for #${id} said ${said}`));
      expect(await auditCopy(page, 'hover-card'), `hover card ${verdict}`).toEqual([]);
      await page.screenshot({ path: `test-results/a11y-hover-${verdict}-copy.png` });
    }
    await page.close();
  });
});
