/// <reference types="chrome" />
/**
 * Hostile review (session 11), in Chromium with the built extension (run `npm run build` first):
 * a synced badge whose picture is on the user's own network (a loopback server on another port
 * than the backpack stands for a router at 192.168.1.1). Before, the popup's list and badge page
 * loaded it with an <img>: a GET into the user's network at every showing. Now the background
 * does not hand it over (src/background/services/image-hosts.ts): the server is never asked.
 * Screenshot: test-results/popup-lan-image.png (the placeholder where the picture was).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';
import { call, extensionPage, grantHosts, waitFor } from './support/extension.ts';
import { syncWithPlantedPicture } from './support/planted-picture.ts';

let bp: Backpack;
let ext: Launched;
let page: Page;
let lan: Server;
let lanUrl = '';
const lanHits: string[] = [];
let planted = '';

beforeAll(async () => {
  lan = createServer((req, res) => {
    lanHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  await new Promise<void>((r) => lan.listen(0, '127.0.0.1', r));
  lanUrl = `http://127.0.0.1:${(lan.address() as AddressInfo).port}/cgi-bin/apply.cgi?action=reboot`;
  bp = await startBackpack({ port: 0 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  page = await extensionPage(ext);
  // The badge as a hostile issuer writes it: its picture on the user's network (set in the stored record, as sync would store it).
  planted = await syncWithPlantedPicture(ext, page, bp, lanUrl);
}, 240_000);
afterAll(async () => {
  await ext?.close();
  await bp?.close();
  await new Promise((r) => lan?.close(r));
});

describe('a badge picture on the user’s network', () => {
  it('is never requested by the popup’s list or badge page; the backpack’s own pictures still load', async () => {
    expect(planted).not.toBe('');
    const list = await call<{ key: string; image?: string }[]>(page, 'badges/list', {});
    expect(list.find((b) => b.key === planted)?.image).toBeUndefined();
    const { page: popup } = await openPopup(ext);
    const listbox = popup.getByRole('listbox', { name: 'Your badges' });
    await listbox.waitFor({ timeout: 30_000 });
    // The rows' pictures load after the first screen is painted: wait for the backpack's own to load.
    await waitFor(() => popup.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('img.badge-img')].some((i) => i.complete && i.naturalWidth > 0)), 15_000, 100);
    await shot(popup, 'lan-image');
    await listbox.focus();
    await popup.keyboard.press('Home');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Verification' }).waitFor({ timeout: 15_000 });
    await popup.waitForTimeout(1500);
    expect(lanHits).toEqual([]);
    await popup.close();
  }, 120_000);
});
