/**
 * A walk over the popup's screens that changed in session 20, in English and French at the popup's
 * width (380 px), in the preview (mock actions, ?world=1 adds a badge issued to a typed address and
 * one whose link is on a private network): "Your addresses in this browser" with 0, 1 and 20
 * addresses, the longest address an RFC 5321 mailbox may have and its refusals; a badge's "Issued
 * to" for a typed address; the address screen's refusals and waits; the Share screen's LinkedIn
 * note and "Copied"; the password-reset wait. Each screen: nothing wider than its box, no serious
 * axe violation, and a full-page screenshot under test-results/ to look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPED } from '../../src/popup/mock-world.ts';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, SHOTS } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Elements whose content is wider than their box (text cut or running out), and the page's own sideways scroll. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth}>${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *, header *')) {
      // A field scrolls its own text; visually hidden words are clipped on purpose.
      if (el.closest('textarea, input, iframe, [role="listbox"], svg, .visually-hidden') || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(r.right)}`);
    }
    return out;
  });
}

async function look(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect.soft(await overflowing(page), name).toEqual([]);
  // The popup scrolls inside .content: let it grow for one picture of the whole screen, same width.
  const tall = await page.addStyleTag({ content: 'body, .shell { height: auto !important; overflow: visible !important } .content { overflow: visible !important }' }).catch(() => null);
  await page.screenshot({ path: `${SHOTS}/popup-walk-${name}.png`, fullPage: true });
  await tall?.evaluate((el) => (el as Element).remove());
  expect.soft(await axe(page), name).toEqual([]);
}

const W = {
  en: { accounts: 'Accounts', panel: 'Your addresses in this browser', field: 'Add an address', add: 'Add', none: 'No address yet.', remove: 'Remove', share: 'Share', issued: 'Issued to', emails: 'E-mail addresses', guide: "Can't find a badge?", reset: 'Send me a reset link', copy: 'Copy link', resend: 'Resend confirmation' },
  fr: { accounts: 'Comptes', panel: 'Vos adresses dans ce navigateur', field: 'Ajouter une adresse', add: 'Ajouter', none: 'Aucune adresse pour l’instant.', remove: 'Retirer', share: 'Partager', issued: 'Délivré à', emails: 'Adresses e-mail', guide: 'Un badge introuvable ?', reset: 'Réinitialiser par e-mail', copy: 'Copier le lien', resend: 'Renvoyer la confirmation' },
};

describe('session 20 screens at 380 px', () => {
  for (const lang of ['en', 'fr'] as const) {
    const w = W[lang];
    it(`the local addresses panel: none, one long, refusals, twenty (${lang})`, async () => {
      const { page, errors } = await openPopup(ext, `?preview=1&world=1&lang=${lang}`);
      await page.getByRole('button', { name: w.accounts, exact: true }).click();
      const heading = page.getByRole('heading', { level: 3, name: w.panel });
      await heading.waitFor();
      await page.getByText(w.none).waitFor();
      await look(page, `local-0-${lang}`);

      const field = page.getByRole('textbox', { name: w.field });
      await field.fill('not an address');
      await field.press('Enter');
      await page.getByRole('alert').first().waitFor();
      await look(page, `local-invalid-${lang}`);

      await field.fill(TYPED);
      await field.press('Enter');
      const remove = page.getByRole('button', { name: `${w.remove} ${TYPED}` });
      await remove.waitFor();
      await look(page, `local-1-${lang}`);
      // The notice quoting it ran 270 px past the popup's edge: it wraps inside now.
      const notice = await page.locator('.notice').last().evaluate((el) => ({ right: el.getBoundingClientRect().right, width: document.documentElement.clientWidth, fits: el.scrollWidth <= el.clientWidth }));
      expect(notice.fits).toBe(true);
      expect(notice.right).toBeLessThanOrEqual(notice.width);
      await field.fill(TYPED.toUpperCase());
      await field.press('Enter');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      await look(page, `local-listed-${lang}`);

      for (let i = 2; i <= 20; i++) {
        await field.fill(`person${i}@example.org`);
        await field.press('Enter');
        await page.getByRole('button', { name: `${w.remove} person${i}@example.org` }).waitFor();
      }
      await look(page, `local-20-${lang}`);
      // Each Remove sat right after its address, so twenty buttons zigzagged down the list: they line up now.
      const rights = await page.locator('.local-address .button').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().right)));
      expect(rights).toHaveLength(20);
      expect(new Set(rights).size).toBe(1);
      // The long address's own row: the address wraps inside its card, the button stays whole beside it.
      const row = await page.locator('.local-address').first().evaluate((li) => {
        const b = li.querySelector('.button')!.getBoundingClientRect();
        const r = li.getBoundingClientRect();
        return { inside: b.right <= r.right && li.querySelector('bdi')!.getBoundingClientRect().right <= b.left, oneLine: b.height < 40 };
      });
      expect(row).toEqual({ inside: true, oneLine: true });
      await page.locator('.local-address .button').first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await page.locator('#local-addresses-title').evaluate((el) => el.parentElement!.scrollIntoView());
      await page.locator('section[aria-labelledby="local-addresses-title"]').screenshot({ path: `${SHOTS}/popup-walk-local-20-panel-${lang}.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await look(page, `local-20-dark-${lang}`);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`a typed address on the badge page, the LinkedIn notes, Copied (${lang})`, async () => {
      const { page, errors } = await openPopup(ext, `?preview=1&world=1&lang=${lang}`);
      await page.getByRole('searchbox').fill('Typed Address');
      await page.getByRole('option').filter({ hasText: 'Typed Address Badge' }).click();
      await page.locator('dd').filter({ hasText: TYPED }).waitFor();
      await page.locator('summary').filter({ hasText: /8/ }).first().click();
      // The recipient row says the typed address is not counted as the user's (the preview said "no address to compare").
      await page.getByText(lang === 'en' ? 'The badge was issued to an address you typed' : 'Le badge a été délivré à une adresse que vous avez saisie', { exact: false }).waitFor();
      await look(page, `typed-badge-${lang}`);
      await page.getByRole('button', { name: w.share, exact: true }).click();
      await page.locator('#share-linkedin-no-link').waitFor();
      await page.frameLocator('iframe.card-preview').locator('body *').first().waitFor({ timeout: 3000 });
      await look(page, `share-no-link-${lang}`);

      const again = await openPopup(ext, `?preview=1&world=1&lang=${lang}`);
      await again.page.getByRole('searchbox').fill('Intranet');
      await again.page.getByRole('option').filter({ hasText: 'Intranet Safety Badge' }).click();
      await again.page.getByRole('button', { name: w.share, exact: true }).click();
      await again.page.locator('#share-linkedin-no-link').waitFor();
      await again.page.getByRole('button', { name: w.copy }).click();
      await again.page.waitForTimeout(300);
      await look(again.page, `share-private-${lang}`);
      expect([...errors, ...again.errors]).toEqual([]);
      await page.close();
      await again.page.close();
    });

    it(`the address screen's refusals and waits, the password-reset wait (${lang})`, async () => {
      const { page, errors } = await openPopup(ext, `?preview=1&lang=${lang}`);
      await page.getByRole('button', { name: w.accounts, exact: true }).click();
      await page.getByRole('button', { name: w.emails }).first().click();
      const field = page.getByRole('textbox', { name: w.field });
      await field.fill('ada@taken.example');
      await field.press('Enter');
      await page.getByRole('alert').first().waitFor();
      await look(page, `addresses-taken-${lang}`);
      // Badgr's own refusal of an address it lists already (another letter case), and its five-minute wait on a second resend.
      await field.fill('ADA@example.org');
      await field.press('Enter');
      await page.waitForTimeout(200);
      await look(page, `addresses-listed-${lang}`);
      const resend = page.getByRole('button', { name: new RegExp(`^${w.resend}`) }).first();
      await resend.click();
      await page.waitForTimeout(200);
      await resend.click();
      await page.waitForTimeout(300);
      await look(page, `addresses-resend-wait-${lang}`);
      await page.close();

      const guide = await openPopup(ext, `?preview=1&lang=${lang}`);
      await guide.page.getByRole('button', { name: w.guide }).first().click();
      const reset = guide.page.getByRole('button', { name: w.reset });
      await reset.scrollIntoViewIfNeeded();
      const email = guide.page.locator('#guide-reset-title ~ form input[type="email"]');
      await email.fill('ada@example.org');
      await reset.click();
      await reset.click();
      await guide.page.waitForTimeout(300);
      await look(guide.page, `reset-wait-${lang}`);
      expect([...errors, ...guide.errors]).toEqual([]);
      await guide.page.close();
    });
  }
});
