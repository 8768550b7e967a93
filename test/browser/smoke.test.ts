/// <reference types="chrome" />
/** The built extension in Chromium: worker, popup, and the LinkedIn content script. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './launch.ts';

const SHOTS = 'test-results';
let ext: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Opens a page that records console errors and uncaught exceptions. */
async function openPage(): Promise<{ page: Page; errors: string[]; logs: string[] }> {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  const logs: string[] = [];
  page.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors, logs };
}

describe('extension', () => {
  it('loads with the id pinned by the manifest key, exposing nothing to pages', () => {
    expect(ext.extensionId).toBe('pakfgahhhefpnaajfclapgchhifablpl');
    expect(ext.manifest).not.toHaveProperty('web_accessible_resources');
    // Host access only where the content scripts run (their picker is injected on demand), and nowhere else.
    const manifest = ext.manifest as unknown as { host_permissions: string[]; content_scripts: { matches: string[] }[] };
    // Each host once: keys-first.js (document_start) runs on the same hosts as the site scripts.
    expect(manifest.host_permissions).toEqual([...new Set(manifest.content_scripts.flatMap((c) => c.matches))]);
  });

  it('answers ping from an extension page, and refuses malformed messages', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
    const replies = await page.evaluate(async () => [
      await chrome.runtime.sendMessage({ type: 'ping', args: {} }),
      await chrome.runtime.sendMessage({ type: 'ping', args: { extra: true } }),
      await chrome.runtime.sendMessage({ type: 'nope', args: {} }),
    ]);
    expect(replies[0]).toEqual({ ok: true, value: { pong: true, version: ext.manifest.version } });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'ERR_BAD_ARGS' } });
    expect(replies[2]).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the popup shell, with the version from the worker, without errors', async () => {
    const { page, errors } = await openPage();
    await page.setViewportSize({ width: 360, height: 440 });
    await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lanyard');
    await page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
    await page.getByText(`Lanyard ${ext.manifest.version}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/popup-dark.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('injects the LinkedIn content script on a profile page, without errors', async () => {
    const body = '<!doctype html><html><head><title>Someone | LinkedIn</title></head><body><main><h1>Someone</h1></main></body></html>';
    await ext.context.route('https://www.linkedin.com/**', (route) => route.fulfill({ contentType: 'text/html', body }));
    const { page, errors, logs } = await openPage();
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[lanyard] linkedin content script loaded') });
    await page.goto('https://www.linkedin.com/in/someone/');
    await loaded;
    expect(logs.filter((l) => l.startsWith('[lanyard]'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
    await ext.context.unrouteAll();
  });
});
