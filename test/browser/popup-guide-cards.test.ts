/**
 * Two things the 380×560 walk of session 32 found:
 * - "Can't find a badge?" draws each address with the addresses screen's card (AddressItem.tsx), but its
 *   panel's rule `.guide-account p { margin: 0 }` reached into the cards: the pending box's count and its
 *   "They become yours once…" ran together, and the card's first line touched its chips. The same card
 *   is spaced the same on both screens.
 * - A backpack's host in the Settings trust switch broke after its hyphen ("wallet.climate-" over
 *   "academy.example"), read as a hyphenated word: a host is drawn as an address's domain is
 *   (ui/Address.tsx Host: breaks before its dots, never after a hyphen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** The gaps, in px, between the successive blocks of the card of `address`, and inside its pending box. */
const cardGaps = (page: Page, address: string) =>
  page.evaluate((address) => {
    const card = [...document.querySelectorAll('.address-email')].find((h) => h.textContent === address)!.closest('li')!;
    const gaps = (el: Element) => {
      const kids = [...el.children].filter((k) => k.getBoundingClientRect().height > 0);
      return kids.slice(1).map((k, i) => Math.round(k.getBoundingClientRect().top - kids[i]!.getBoundingClientRect().bottom));
    };
    return { card: gaps(card), pending: gaps(card.querySelector('.pending')!) };
  }, address);

describe('the guide draws an address card as the addresses screen does', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the same gaps inside the card and its pending box, none of them nothing (${scheme})`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('listbox').waitFor();
      await page.getByRole('button', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: /^E-mail addresses for/ }).first().click();
      await page.getByRole('heading', { name: 'ada@old-school.example' }).waitFor();
      const screen = await cardGaps(page, 'ada@old-school.example');
      await page.getByRole('button', { name: "Can't find a badge?" }).click();
      const heading = page.getByRole('heading', { name: 'ada@old-school.example' }).first();
      await heading.waitFor();
      const guide = await cardGaps(page, 'ada@old-school.example');
      await page.locator('.pending').first().scrollIntoViewIfNeeded();
      await shot(page, `guide-card-${scheme}`);
      expect(Math.min(...screen.pending)).toBeGreaterThan(0);
      expect(guide).toEqual(screen);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('a host in the Settings trust switch', () => {
  it('never breaks after its hyphen, and copies as itself (300 and 380 px)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('listbox').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const name = page.locator('.trust-name').filter({ hasText: 'wallet.climate-academy.example' });
    await name.waitFor();
    for (const width of [300, 380]) {
      await page.setViewportSize({ width, height: 560 });
      const r = await name.evaluate((el) => {
        const chars: { ch: string; top: number; bottom: number }[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const box = range.getBoundingClientRect();
            if (box.width || box.height) chars.push({ ch: text[i]!, top: Math.round(box.top), bottom: Math.round(box.bottom) });
          }
        }
        const broken = chars.some((c, i) => c.ch === '-' && i + 1 < chars.length && chars[i + 1]!.top >= c.bottom - 2);
        return { broken, text: el.textContent, lines: new Set(chars.map((c) => c.top)).size };
      });
      await name.scrollIntoViewIfNeeded();
      await shot(page, `trust-host-${width}`);
      expect(r.text).toBe('Trust the addresses Open Climate Academy wallet at wallet.climate-academy.example verified');
      expect(r.lines).toBeGreaterThan(1);
      expect(r.broken, `${width} px`).toBe(false);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
