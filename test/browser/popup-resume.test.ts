/// <reference types="chrome" />
/**
 * The built popup over the real background opens where it was when it closed (src/popup/resume.ts,
 * kept in the page's localStorage by src/popup/browser-platform.ts): a badge's share screen, then,
 * from another screen, the list with its search; what was kept past ten minutes is removed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './launch.ts';
import { call } from './support/extension.ts';
import { openPopup, shot } from './popup-helpers.ts';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('the popup opens where it was', () => {
  it('closed on a share screen, it opens there again; what is kept is the key and the search only', async () => {
    const first = await openPopup(ext);
    const added = await call<{ key: string; name: string }>(first.page, 'badges/import', { source: { kind: 'text', text: readFileSync('test/fixtures/suites/vc-ed_plugfest-3-2023_signed_badge_example-p3.json', 'utf8') } });
    await first.page.reload();
    await first.page.getByRole('searchbox').fill(added.name.slice(0, 6));
    await first.page.getByRole('listbox').getByRole('option').first().click();
    await first.page.getByRole('button', { name: 'Share' }).click();
    await first.page.getByRole('link', { name: 'Add to LinkedIn profile' }).waitFor();
    const kept = await first.page.evaluate(() => JSON.parse(localStorage.getItem('popup:view') ?? 'null'));
    expect(kept).toMatchObject({ screens: [{ name: 'badge', key: added.key }, { name: 'share', key: added.key }], query: { text: added.name.slice(0, 6) } });
    expect(JSON.stringify(kept)).not.toContain('credentialSubject');
    await first.page.close();

    const again = await openPopup(ext);
    await again.page.getByRole('link', { name: 'Add to LinkedIn profile' }).waitFor();
    await shot(again.page, 'resume-share');
    await again.page.getByRole('button', { name: 'Accounts' }).click();
    await again.page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
    await again.page.close();

    const third = await openPopup(ext);
    await third.page.getByRole('listbox').waitFor();
    expect(await third.page.getByRole('searchbox').inputValue()).toBe(added.name.slice(0, 6));
    // The badge's picture is on the issuer's site, which a test cannot reach: that failed load is not the popup's.
    expect(third.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    // Eleven minutes later (the clock the page reads), it opens on the list and what was kept is gone.
    await third.page.evaluate(() => {
      const v = JSON.parse(localStorage.getItem('popup:view') ?? '{}');
      localStorage.setItem('popup:view', JSON.stringify({ ...v, at: v.at - 11 * 60_000 }));
    });
    await third.page.reload();
    await third.page.getByRole('listbox').waitFor();
    expect(await third.page.getByRole('searchbox').inputValue()).toBe('');
    await third.page.close();
  });
});
