/**
 * The service worker's wake-up and an extension page's floor, in Chromium:
 * - sw_wake_ms: the built extension (dist/chrome, no account); its worker stopped through the
 *   DevTools protocol (ServiceWorker.stopAllWorkers, what Chromium does to an idle worker), then
 *   the popup's first message (`state/get`) sent from an open extension page and answered: the
 *   round trip as the page sees it, which includes starting the worker and evaluating its bundle.
 * - sw_wake_blank_ms: the same for a minimal extension generated here in a temp dir, whose worker
 *   only answers messages.
 * - blank_page_ready_ms_wake: that minimal extension's page holding one paragraph, opened like the
 *   popup in bench/popup.ts (a tab at the popup's size): navigation start to the same
 *   `lanyard-ready` mark (the timeout inside the animation frame after the first paint,
 *   src/popup/list/ready.ts).
 * Each is the median of RUNS after WARMUP, the two extensions alternating.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from '../test/browser/launch.ts';
import { extensionPage, stopWorkers } from '../test/browser/support/extension.ts';

const RUNS = 9;
const WARMUP = 2;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

/** A minimal MV3 extension: a worker that answers every message, and a page with one paragraph. */
export function blankExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-blank-ext-'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  // The same kind of worker as Lanyard's (a classic script: vite.config.ts classicBackground).
  const manifest = { manifest_version: 3, name: 'Blank', version: '1.0.0', key, background: { service_worker: 'sw.js' }, action: { default_popup: 'page.html' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true, value: {} }); });\n');
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Blank</title></head><body><p>Lanyard</p><script type="module" src="page.js"></script></body></html>\n');
  writeFileSync(join(dir, 'page.js'), "requestAnimationFrame(() => setTimeout(() => performance.mark('lanyard-ready'), 0));\n");
  return dir;
}

/** Worker stopped, then one message round trip from `page`. */
async function wakeMs(ext: Launched, page: Page): Promise<number> {
  await stopWorkers(ext);
  return page.evaluate(async () => {
    const t0 = performance.now();
    const r = (await chrome.runtime.sendMessage({ type: 'state/get', args: {} })) as { ok?: boolean } | undefined;
    if (!r?.ok) throw new Error(`state/get: ${JSON.stringify(r)}`);
    return performance.now() - t0;
  });
}

async function pageReadyMs(ext: Launched): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
    await page.waitForFunction(() => performance.getEntriesByName('lanyard-ready').length > 0, undefined, { timeout: 15_000 });
    return await page.evaluate(() => (performance.getEntriesByName('lanyard-ready')[0] as PerformanceEntry).startTime);
  } finally {
    await page.close();
  }
}

export default async function (): Promise<Record<string, number>> {
  const blankDir = blankExtension();
  const exts: Launched[] = [];
  try {
    const lanyard = await launchExtension();
    exts.push(lanyard);
    const blank = await launchExtension({ dist: blankDir });
    exts.push(blank);
    const pages = new Map<Launched, Page>([
      [lanyard, await extensionPage(lanyard)],
      [blank, await extensionPage(blank)],
    ]);
    const wake = new Map<Launched, number[]>([
      [lanyard, []],
      [blank, []],
    ]);
    const ready: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const ext of i % 2 ? [blank, lanyard] : [lanyard, blank]) {
        const ms = await wakeMs(ext, pages.get(ext)!);
        if (i >= WARMUP) wake.get(ext)!.push(ms);
        await new Promise((r) => setTimeout(r, 100));
      }
      const ms = await pageReadyMs(blank);
      if (i >= WARMUP) ready.push(ms);
    }
    console.error(`bench/wake: lanyard ${wake.get(lanyard)!.map(round).join(' ')}; blank ${wake.get(blank)!.map(round).join(' ')}; blank page ${ready.map(round).join(' ')}`);
    return {
      sw_wake_ms: round(median(wake.get(lanyard)!)),
      sw_wake_blank_ms: round(median(wake.get(blank)!)),
      blank_page_ready_ms_wake: round(median(ready)),
    };
  } finally {
    for (const ext of exts) await ext.close().catch((e: unknown) => console.error('bench/wake: closing a browser failed', e));
    rmSync(blankDir, { recursive: true, force: true });
  }
}
