/**
 * The share screen's Download panel offers "Badge image (with its data)" only for a badge that has
 * such an image (BadgeDetail `bakedImage`): a badge added as JSON offered it and answered "This badge
 * has no image with its data inside" after the click (a Firefox walk, Chromium too). Over the preview's
 * mock actions, at the popup's size.
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

describe('the baked image download is offered only when it can work', () => {
  it('not for a badge without one; with a word on where it comes from for a backpack’s link', async () => {
    const { page, errors } = await openPopup(ext, '?preview=1&lang=en');
    const rows = page.getByRole('listbox').getByRole('option');
    await rows.first().waitFor();

    await rows.filter({ hasText: 'Climate Science Literacy' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    const json = page.getByRole('button', { name: 'Badge data (JSON)' });
    await json.scrollIntoViewIfNeeded();
    await expect(page.getByText('This badge was not added as an image with its data inside, so only its data can be downloaded.').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: /Badge image/ }).count()).toBe(0);
    await shot(page, 'share-no-baked');

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await rows.filter({ hasText: 'Web Accessibility Fundamentals' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    const baked = page.getByRole('button', { name: 'Badge image (with its data)' });
    await baked.scrollIntoViewIfNeeded();
    await expect(baked.getAttribute('aria-describedby')).resolves.toBe('download-baked-link');
    await expect(page.locator('#download-baked-link').isVisible()).resolves.toBe(true);
    await shot(page, 'share-baked-link');
    expect(errors).toEqual([]);
    await page.close();
  });
});
