/**
 * An account card's buttons (Sync now, Addresses, Sign out) at the popup's 380 px, in Chromium: on one
 * row when their words fit, never one left alone on a line of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Each card's buttons' offsetTop, and its row's width against the card's. */
const rows = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.cards .card')].map((card) => ({
      name: card.querySelector('h3')?.textContent ?? '',
      tops: [...card.querySelectorAll<HTMLElement>('.button-row > button, .button-row > .confirm')].map((b) => b.offsetTop),
      lefts: [...card.querySelectorAll<HTMLElement>('.button-row > button, .button-row > .confirm')].map((b) => b.offsetLeft),
      rowLeft: card.querySelector<HTMLElement>('.button-row')?.offsetLeft ?? 0,
      // Each button's right edge against its row's: a wrapped row fills the card's width as the others do.
      rights: [...card.querySelectorAll<HTMLElement>('.button-row > button, .button-row > .confirm')].map((b) => b.offsetLeft + b.offsetWidth),
      rowRight: (card.querySelector<HTMLElement>('.button-row')?.offsetLeft ?? 0) + (card.querySelector<HTMLElement>('.button-row')?.offsetWidth ?? 0),
    })),
  );

describe('an account card\'s buttons', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`at 380×560 (${scheme}): one row when their words fit, no button alone on a line`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('button', { name: 'Accounts' }).click();
      await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
      await shot(page, `account-buttons-${scheme}`);
      const cards = await rows(page);
      const canvas = cards.find((c) => c.name.startsWith('Canvas'));
      expect(canvas?.tops).toHaveLength(3);
      // "Sync now", "Addresses", "Sign out" fit in 380 px: one row.
      expect(new Set(canvas!.tops).size, JSON.stringify(cards)).toBe(1);
      for (const c of cards) if (c.tops.length > 1) expect(new Set(c.tops).size, JSON.stringify(c)).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("in French at 380×560, where the words are longer: wrapped, every line fills the card's width (one aligned block)", async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&lang=fr');
    await page.getByRole('button', { name: 'Comptes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Comptes' }).waitFor();
    await shot(page, 'account-buttons-fr');
    const canvas = (await rows(page)).find((c) => c.name.startsWith('Canvas'))!;
    expect(canvas.tops).toHaveLength(3);
    // Wrapped, each line starts at the row's left edge and its last button ends at the row's right edge:
    // one aligned block, not a short button left alone under a longer line.
    for (const top of new Set(canvas.tops)) {
      const on = canvas.tops.flatMap((t, i) => (t === top ? [i] : []));
      expect(Math.min(...on.map((i) => canvas.lefts[i]!)), JSON.stringify(canvas)).toBeLessThanOrEqual(canvas.rowLeft + 1);
      expect(Math.max(...on.map((i) => canvas.rights[i]!)), JSON.stringify(canvas)).toBeGreaterThanOrEqual(canvas.rowRight - 1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
