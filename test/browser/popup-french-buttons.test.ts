/**
 * French labels are a third longer than English ones (session 28 review; preview over the mock
 * actions, in Chromium). On every screen at 380 px, each button's label fits on one line and
 * within the button: "Image du badge (avec ses données)" went over two lines, centred away from
 * its icon. The welcome's choices are cards of two lines by design and are left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension({ lang: 'fr' });
});
afterAll(async () => {
  await ext?.close();
});

/** Each button drawn in the screen whose label takes more than a line or is wider than the button. */
const tooLong = (page: Page, where: string) =>
  page.evaluate((where) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main button, main .button')) {
      if (el.closest('.visually-hidden, .choice') || el.classList.contains('choice') || !el.getClientRects().length) continue;
      const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
      const text = (el.textContent ?? '').trim();
      const pad = parseFloat(getComputedStyle(el).paddingTop) + parseFloat(getComputedStyle(el).paddingBottom) + 2;
      if (el.getBoundingClientRect().height - pad > line * 1.5) out.push(`${where}: "${text}" takes ${Math.round(el.getBoundingClientRect().height)} px`);
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${where}: "${text}" is wider than its button`);
    }
    return out;
  }, where);

describe('French buttons at 380 px', () => {
  it('on every screen, each label on one line within its button', async () => {
    const { page } = await openPopup(ext, '?preview=1&lang=fr');
    const found: string[] = [];
    const at = async (where: string) => {
      await page.waitForTimeout(300);
      found.push(...(await tooLong(page, where)));
    };
    await page.getByRole('listbox').waitFor();
    await page.getByRole('button', { name: 'Filtres' }).click();
    await at('list');
    const rows = page.getByRole('listbox').getByRole('option');
    for (let i = 0; i < 3; i++) {
      await rows.nth(i).click();
      await page.locator('#verification-title').waitFor();
      await at(`badge ${i}`);
      await page.getByRole('button', { name: 'Partager' }).first().click();
      await page.getByRole('heading', { name: 'Télécharger' }).waitFor();
      await at(`share ${i}`);
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.getByRole('button', { name: 'Retour' }).click();
      await page.getByRole('listbox').waitFor();
    }
    for (const nav of ['Ajouter un badge', 'Un badge introuvable ?', 'Comptes', 'Paramètres']) {
      await page.getByRole('navigation').getByRole('button', { name: nav }).click();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await at(nav);
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Comptes' }).click();
    await page.getByRole('button', { name: /^Adresses e-mail/ }).first().click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await at('adresses');
    await page.goto(page.url().replace(/\?.*/, '?preview=1&lang=fr&scenario=first-run'));
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    for (const mode of ['badgr', 'provider', 'local']) {
      await page.locator(`.choice[data-mode="${mode}"]`).click();
      await at(`welcome ${mode}`);
      await page.goto(page.url());
      await page.locator('.choice').first().waitFor();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
