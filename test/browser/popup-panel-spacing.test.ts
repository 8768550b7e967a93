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
