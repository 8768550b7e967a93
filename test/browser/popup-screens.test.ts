/// <reference types="chrome" />
/**
 * The built popup in Chromium. First against the real background (a fresh profile: the welcome
 * screen, or a clean error when a message has no handler yet), then every main screen in the
 * preview (index.html?preview=1, mock actions): screenshot in light and dark, axe-core, keyboard,
 * the hostile badge, the LinkedIn URL and the embed HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { axe, openPopup, shot } from './popup-helpers.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('popup over the real background', () => {
  it('shows the first-run welcome (or a clean error), the version, and no errors', async () => {
    const { page, errors } = await openPopup(ext);
    await page.getByRole('heading', { level: 1, name: 'Lanyard' }).waitFor();
    const welcome = page.getByRole('heading', { name: 'Welcome to Lanyard' });
    const error = page.getByRole('heading', { name: "Lanyard can't load your badges" });
    await welcome.or(error).waitFor();
    if (await error.isVisible()) await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.getByText(`Lanyard ${ext.manifest.version}`).waitFor();
    await shot(page, 'real-first-run');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('popup screens (preview)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`list, filters, badge page, share (${scheme})`, async () => {
      const { page, errors, dialogs } = await openPopup(ext, '?preview=1', scheme);
      const list = page.getByRole('listbox', { name: 'Your badges' });
      await list.waitFor();
      await shot(page, `list-${scheme}`);
      expect(await axe(page)).toEqual([]);

      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('combobox', { name: 'Verification' }).selectOption('indeterminate');
      await shot(page, `filters-${scheme}`);
      expect(await axe(page)).toEqual([]);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('button', { name: 'Filters' }).click();

      // Keyboard: into the list from the search box, down twice, Enter opens; focus lands on the title.
      await page.getByRole('searchbox').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const third = (await page.locator('#badge-row-2 .row-name').textContent()) ?? '';
      await page.keyboard.press('Enter');
      const title = page.getByRole('heading', { level: 2, name: third });
      await title.waitFor();
      expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.getByRole('heading', { name: 'Verification' }).waitFor();
      await shot(page, `badge-${scheme}`);
      expect(await axe(page)).toEqual([]);

      await page.getByRole('button', { name: 'Share' }).click();
      await page.getByRole('link', { name: 'Add to LinkedIn profile' }).waitFor();
      await page.getByRole('img', { name: /QR code/ }).waitFor();
      // Tab goes from "Copy link" to "Copy for e-mail": the card preview (an iframe whose links do
      // nothing in its sandbox) is not three stops in between.
      await page.getByRole('button', { name: 'Copy link' }).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy for e-mail');
      // The card preview draws after the screen (its iframe's document): the picture shows it drawn.
      await page.frameLocator('iframe[srcdoc]').getByText(/View and verify/).waitFor();
      await shot(page, `share-${scheme}`);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  }

  it('the hostile badge stays text in the list, on its page and in the embed HTML; LinkedIn URL parameters', async () => {
    const { page, errors, dialogs } = await openPopup(ext, '?preview=1');
    await page.getByRole('searchbox').fill('<img');
    const row = page.getByRole('option').filter({ hasText: HOSTILE });
    await row.click();
    await page.getByRole('heading', { level: 2, name: HOSTILE }).waitFor();
    await page.getByText('Issuer not confirmed.').waitFor();
    await shot(page, 'badge-hostile');
    expect(await page.locator('img[src="x"], script:not([src]), [onerror], [onmouseover], [onload]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Share' }).click();
    const add = await page.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href');
    const p = new URL(add ?? '').searchParams;
    expect(p.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(p.get('name')).toBe(HOSTILE);
    expect(p.get('issueYear')).toBe('2026');
    expect(p.get('issueMonth')).toBe('3');
    await page.getByText('Show the HTML code').click();
    const html = await page.locator('textarea.code').inputValue();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<script|javascript:/i);
    // The sandboxed preview renders the card: the name is text there too.
    const frame = page.frameLocator('iframe.card-preview');
    await frame.getByText(HOSTILE).waitFor();
    expect(await frame.locator('img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('LinkedIn add-to-profile with the organization id from settings', async () => {
    const { page } = await openPopup(ext, '?preview=1');
    await page.getByRole('option').filter({ hasText: 'Web Accessibility Fundamentals' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    const href = (await page.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href')) ?? '';
    expect(href.startsWith('https://www.linkedin.com/profile/add?')).toBe(true);
    expect(Object.fromEntries(new URL(href).searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Web Accessibility Fundamentals',
      organizationId: '1035',
      issueYear: '2025',
      issueMonth: '9',
      certUrl: 'https://api.badgr.io/public/assertions/aB3dE5fG7h',
      certId: 'aB3dE5fG7h',
    });
    expect(await page.getByRole('link', { name: 'Post on LinkedIn' }).getAttribute('href')).toBe('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fapi.badgr.io%2Fpublic%2Fassertions%2FaB3dE5fG7h');
    await page.close();
  });

  it('welcome, sign-in with errors, empty and error states', async () => {
    const first = await openPopup(ext, '?preview=1&scenario=first-run');
    await first.page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
    await shot(first.page, 'welcome');
    expect(await axe(first.page)).toEqual([]);
    await first.page.getByRole('button', { name: /Canvas Credentials/ }).click();
    await first.page.getByLabel('E-mail').fill('ada@example.org');
    await first.page.getByLabel('Password').fill('wrong');
    await first.page.getByRole('button', { name: 'Sign in' }).click();
    await first.page.getByText("That e-mail and password don't match.", { exact: false }).waitFor();
    await shot(first.page, 'sign-in-error');
    expect(await axe(first.page)).toEqual([]);
    await first.page.emulateMedia({ colorScheme: 'dark' });
    await shot(first.page, 'sign-in-error-dark');
    expect(first.errors).toEqual([]);
    await first.page.close();

    const empty = await openPopup(ext, '?preview=1&n=0');
    await empty.page.getByRole('heading', { name: 'No badges in your backpack' }).waitFor();
    await shot(empty.page, 'empty');
    expect(await axe(empty.page)).toEqual([]);
    await empty.page.close();

    const broken = await openPopup(ext, '?preview=1&scenario=broken');
    await broken.page.getByRole('button', { name: 'Try again' }).waitFor();
    await shot(broken.page, 'error');
    expect(await axe(broken.page)).toEqual([]);
    await broken.page.close();
  });

  it('accounts, addresses (add, make primary), settings, import', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1');
    await page.getByRole('listbox').waitFor();
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
    await shot(page, 'accounts');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'E-mail addresses' }).click();
    await page.getByLabel('Add an address').fill('ada@new.example');
    await page.getByRole('button', { name: 'Add and send confirmation' }).click();
    await page.getByText('A confirmation e-mail is on its way to ada@new.example.', { exact: false }).waitFor();
    await page.locator('li', { has: page.getByRole('heading', { name: 'ada.lovelace@work.example' }) }).getByRole('button', { name: 'Make primary' }).click();
    await page.getByText('ada.lovelace@work.example is now your primary address.').waitFor();
    await shot(page, 'addresses');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    // The company-page rows' columns line up, the empty last row (which has no ×) too: its id field sat 32 px to the right.
    const idLefts = await page.locator('.org-row input[inputmode="numeric"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(idLefts.length).toBeGreaterThan(1);
    expect(new Set(idLefts).size).toBe(1);
    await shot(page, 'settings');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a badge' }).click();
    await page.getByLabel('Or paste a badge link, its JSON or a JWS').waitFor();
    await shot(page, 'import');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1,000 badges: only the visible rows exist, End reaches the last one, and French works', async () => {
    const { page } = await openPopup(ext, '?preview=1&n=1000&lang=fr');
    const list = page.getByRole('listbox', { name: 'Vos badges' });
    await list.waitFor();
    await page.getByText('Badges : 1000').first().waitFor();
    expect(await page.getByRole('option').count()).toBeLessThan(25);
    await list.focus();
    await page.keyboard.press('End');
    await page.locator('#badge-row-999').waitFor();
    expect(await page.getByRole('option').count()).toBeLessThan(25);
    expect(await list.getAttribute('aria-activedescendant')).toBe('badge-row-999');
    await shot(page, 'list-1000-fr');
    await page.close();
  });
});
