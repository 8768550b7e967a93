/**
 * Review33: Lanyard's own top-layer hosts, the hover card (hover-verify, its own content script) and the picker
 * (the on-demand one), each kept on top by src/content/ui/top-layer.ts, took each other for the page's: a card
 * shown while the picker was up (the pointer resting on a badge link in the mail beside the compose window) was a
 * popover put above the picker, and Chromium's occlusion test (IntersectionObserver v2) said the picker covered
 * though the two were apart; the picker raised itself again, which the card took for one put above it… MAX_RAISES
 * each, then the first was lost: the picker closed under the user's hands (seen before the fix: lost ['picker']).
 * Here two bundles, as the two content scripts are (each its own copy of top-layer.ts, one world), keep a host each
 * on top, apart on the page.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let browser: Browser;

/** A script that mounts a Lanyard host named `kind` at `left` and keeps it on top, recording in `window.lost` when it cannot. */
async function bundle(kind: string, left: number): Promise<string> {
  const entry = `
    import { mountShadow } from './src/content/ui/shadow.ts';
    import { keepOnTop } from './src/content/ui/top-layer.ts';
    globalThis.__show${kind.replace(/\W/g, '')} = () => {
      const ui = mountShadow(${JSON.stringify(kind)}, '.b{position:fixed;top:20px;left:${left}px;width:200px;height:150px;background:#fff;border:1px solid #888}');
      const box = document.createElement('div');
      box.className = 'b';
      ui.root.append(box);
      document.documentElement.append(ui.host);
      const top = keepOnTop(ui.host, () => (window.lost ??= []).push(${JSON.stringify(kind)}));
      top?.watch(box);
    };`;
  const out = await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

describe('Lanyard’s own hosts in the top layer', () => {
  it('a hover card shown while the picker is up: neither raises itself above the other, both stay', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.setContent('<!doctype html><html><body><p>A mail</p></body></html>');
    await page.addScriptTag({ content: await bundle('picker', 20) });
    await page.addScriptTag({ content: await bundle('hover-card', 400) });
    await page.evaluate(() => (window as unknown as { __showpicker(): void }).__showpicker());
    await page.waitForTimeout(300);
    await page.evaluate(() => (window as unknown as { __showhovercard(): void }).__showhovercard());
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      lost: (window as unknown as { lost?: string[] }).lost ?? [],
      open: [...document.querySelectorAll('[data-lanyard]')].filter((h) => h.matches(':popover-open')).map((h) => h.getAttribute('data-lanyard')),
    }));
    expect(state).toEqual({ lost: [], open: ['picker', 'hover-card'] });
    await page.close();
  });
});
