/// <reference types="chrome" />
/**
 * Hostile round 31, in Chromium with the built extension (run `npm run build` first): a synced badge
 * whose picture is a 1.4 KB `data:` SVG of nested `<use>` references asking for 10^7 clones
 * (test/support/svg-bomb.ts). Drawn in an <img>, it crashed the tab; in the popup's list it took the
 * popup with it at every opening. Now the background does not hand it over
 * (src/background/services/svg-use-clones.ts): the list and the badge page show the placeholder and
 * keep answering. Screenshots: test-results/popup-svg-bomb-list.png, popup-svg-bomb-badge.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { useBomb } from '../support/svg-bomb.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';
import { call, extensionPage, grantHosts, waitFor } from './support/extension.ts';
import { syncWithPlantedPicture } from './support/planted-picture.ts';

const BOMB = `data:image/svg+xml;base64,${Buffer.from(useBomb(7)).toString('base64')}`;
let bp: Backpack;
let ext: Launched;
let page: Page;
let planted = '';

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  page = await extensionPage(ext);
  // The badge as a hostile issuer writes it: its picture the bomb (set in the stored record, as sync would store it).
  planted = await syncWithPlantedPicture(ext, page, bp, BOMB);
}, 240_000);
afterAll(async () => {
  await ext?.close();
  await bp?.close();
});

describe('a badge picture asking for millions of clones', () => {
  it('is not drawn: the popup’s list and badge page show the placeholder and keep answering', async () => {
    expect(planted).not.toBe('');
    const list = await call<{ key: string; image?: string }[]>(page, 'badges/list', {});
    expect(list.find((b) => b.key === planted)?.image).toBeUndefined();
    const { page: popup } = await openPopup(ext);
    let crashed = false;
    popup.on('crash', () => (crashed = true));
    const listbox = popup.getByRole('listbox', { name: 'Your badges' });
    await listbox.waitFor({ timeout: 30_000 });
    // The rows' pictures load after the first screen is painted: wait for the backpack's own to load.
    await waitFor(() => popup.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('img.badge-img')].some((i) => i.complete && i.naturalWidth > 0)), 15_000, 100);
    expect(await popup.evaluate(() => [...document.images].filter((i) => i.src.startsWith('data:image/svg+xml')).length)).toBe(0);
    await shot(popup, 'svg-bomb-list');
    await listbox.focus();
    await popup.keyboard.press('Home');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Verification' }).waitFor({ timeout: 15_000 });
    await shot(popup, 'svg-bomb-badge');
    expect(await popup.evaluate(() => document.title.length >= 0)).toBe(true);
    expect(crashed).toBe(false);
    await popup.close();
  }, 120_000);
});
