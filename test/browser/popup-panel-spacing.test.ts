/**
 * Settings: every panel's title sits as far above its first line as the others' (session 30 walk).
 * "LinkedIn company pages" is a form laid out as a stack, whose 10 px gap came on top of the
 * title's own 8 px margin: its text stood 18 px under the title, the other panels' 8 px.
 * Measured in Chromium at the popup's width, in English and French.
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

describe('settings panels', () => {
  for (const [lang, settings] of [['en', 'Settings'], ['fr', 'Paramètres']] as const) {
    it(`each title is 8 px above what follows it (${lang})`, async () => {
      const { page, errors } = await openPopup(ext, `?preview=1&lang=${lang}`);
      await page.getByRole('navigation').getByRole('button', { name: settings }).click();
      await page.locator('#orgids-title').waitFor();
      const gaps = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main .panel > h3')].map((h) => {
          let next = h.nextElementSibling;
          while (next && !next.getClientRects().length) next = next.nextElementSibling;
          return `${h.textContent?.trim()}: ${next ? Math.round(next.getBoundingClientRect().top - h.getBoundingClientRect().bottom) : 'nothing'}`;
        }),
      );
      await shot(page, `settings-panel-spacing-${lang}`);
      expect(gaps.length).toBeGreaterThanOrEqual(5);
      expect(gaps).toEqual(gaps.map((g) => g.replace(/: .*$/, ': 8')));
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

// The issuer's Markdown headings took the browser's margins (1.33 em above and below an h4): the
// criteria's "To earn this badge" stood 27 px under "How it was earned" and 19 px over its list.
describe('a badge page panel with the issuer\'s own headings', () => {
  it('starts 8 px under the panel title, and keeps a heading close to what it heads', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
    const title = page.getByRole('heading', { level: 3, name: 'How it was earned' });
    const heading = page.getByRole('heading', { level: 4, name: 'To earn this badge' });
    await heading.waitFor();
    await heading.scrollIntoViewIfNeeded();
    const gaps = await heading.evaluate((h, titleBottom) => {
      const box = h.getBoundingClientRect();
      return { above: Math.round(box.top - titleBottom), below: Math.round(h.nextElementSibling!.getBoundingClientRect().top - box.bottom) };
    }, (await title.boundingBox())!.y + (await title.boundingBox())!.height);
    await shot(page, 'criteria-heading-spacing');
    expect(gaps.above).toBe(8);
    expect(gaps.below).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
