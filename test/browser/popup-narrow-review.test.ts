/**
 * The popup narrower than its 380 px (a small window, zoom) in Chromium, where jsdom cannot tell:
 * the badge page's "Vérification" (French) was cut mid-word beside its "Vérifier à nouveau" button
 * at 320 px ("Vérificati / on"); and once "Allow access" gives the sites back, focus is on the
 * answer, drawn (WCAG 2.4.7), not lost to the page's body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('the popup at 320 px', () => {
  it('a panel\'s title is never cut mid-word beside its button (French)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&lang=fr');
    await page.setViewportSize({ width: 320, height: 560 });
    await page.getByRole('option').filter({ hasText: 'First Aid at Work' }).click();
    const title = page.locator('#verification-title');
    await title.waitFor();
    // One line: its height is one line's (a word cut in two is two lines).
    const { height, line } = await title.evaluate((e) => ({ height: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) || 20 }));
    expect(height).toBeLessThan(line * 1.5);
    await shot(page, 'narrow-fr-verification');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Allow access" gone with the grant: focus is on the answer, outlined, and Tab goes on from there', async () => {
    const { page, errors } = await openPopup(ext);
    // The browser's answers as if LinkedIn had been taken back (Chromium's site access), then given on request.
    await page.addInitScript(() => {
      const c = (globalThis as unknown as { chrome: { permissions: { contains(p: { origins?: string[] }): Promise<boolean>; request(): Promise<boolean> } } }).chrome;
      const contains = c.permissions.contains.bind(c.permissions);
      let granted = false;
      c.permissions.contains = async (p) => (!granted && p.origins?.some((o) => o.includes('linkedin')) ? false : contains(p));
      c.permissions.request = async () => (granted = true);
    });
    await page.setViewportSize({ width: 320, height: 560 });
    await page.reload();
    await page.getByRole('button', { name: 'Allow access' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Allowed. Reload the LinkedIn tabs', { exact: false }).waitFor();
    // The answer is painted before the effect that focuses it runs: wait for focus to land (under the CI's load it had not yet).
    await page.waitForFunction(() => document.activeElement?.className === 'site-access', undefined, { timeout: 5_000 }).catch(() => undefined);
    const focused = await page.evaluate(() => {
      const a = document.activeElement!;
      return { cls: a.className, outline: getComputedStyle(a).outlineStyle, live: a.querySelector('[role=status],[role=alert],[aria-live]') !== null };
    });
    expect(focused).toEqual({ cls: 'site-access', outline: 'solid', live: false });
    await shot(page, 'narrow-site-access-granted');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a badge\'s details keep room for their values: the terms\' column does not take most of the width (French, 300 px)', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&lang=fr');
    await page.setViewportSize({ width: 300, height: 560 });
    await page.getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
    const facts = page.locator('dl.facts');
    await facts.waitFor();
    // "Contact de l'émetteur" and "Dernière vérification" on one line each made the values' column
    // 94 px of 246: "guild@engine / .example", "Open Badges / 2.0, hébergé / par / l'émetteur".
    const { dl, dd } = await facts.evaluate((el) => ({ dl: el.getBoundingClientRect().width, dd: el.querySelector('dd')!.getBoundingClientRect().width }));
    expect(dd / dl).toBeGreaterThanOrEqual(0.5);
    await shot(page, 'narrow-fr-facts');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`a "Pending" chip keeps its pill on the list's current row (${scheme})`, async () => {
      const { page, errors } = await openPopup(ext, '?preview=1', scheme);
      await page.getByRole('searchbox').fill('Python');
      const row = page.getByRole('option').filter({ hasText: 'Introduction to Python' });
      await row.hover();
      await expect.poll(() => row.evaluate((el) => el.classList.contains('active'))).toBe(true);
      // The chip's background was --info-bg (#e6eefc) on the current row's --row-active (#e8effd):
      // the pill vanished, its word left floating (dark: #1d2a44 on #22304a).
      const diff = await row.locator('.chip-info').evaluate((chip) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const a = rgb(getComputedStyle(chip).backgroundColor);
        const b = rgb(getComputedStyle(chip.closest('.badge-row')!).backgroundColor);
        return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
      });
      expect(diff).toBeGreaterThanOrEqual(16);
      await shot(page, `row-active-chip-${scheme}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
