/**
 * The popup's speed in Chromium with the built extension (dist/chrome, built first when missing):
 * - popup_ready_ms_1000 / popup_ready_ms_0: from opening the popup page (navigation start) to the
 *   first badge row painted, or the empty state with no badges; the median of RUNS alternating
 *   runs of each. The page marks the moment itself (src/popup/list/ready.ts: the timeout inside
 *   the animation frame after the first render, i.e. after that frame is painted).
 * - search_keystroke_ms_1000: from a keystroke in the search box (the keydown's timestamp) to the
 *   filtered list committed and laid out (the first DOM mutation, then a forced layout), median
 *   over a typed sequence. Waiting for the next frame would add up to a vsync of idle time, so the
 *   paint itself is not included.
 * Measured in the preview (index.html?preview=1&n=N: mock actions holding N badges), signed in:
 * the background cannot yet be seeded with 1,000 cached badges from here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from '../test/browser/launch.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;
const WARMUP = 2;
const TYPED = ['d', 'a', 't', 'a', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'w', 'e', 'b', 'Backspace', 'Backspace', 'Backspace', 'c', 'l', 'u', 'b', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'm', 'e', 'n', 't', 'o', 'r'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function open(ext: Launched, n: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}?preview=1&n=${n}`);
  await page.waitForFunction(() => performance.getEntriesByName('lanyard-ready').length > 0, undefined, { timeout: 15_000 });
  return page;
}

async function readyMs(ext: Launched, n: number): Promise<number> {
  const page = await open(ext, n);
  const ms = await page.evaluate(() => (performance.getEntriesByName('lanyard-ready')[0] as PerformanceEntry).startTime);
  const shown = await page.locator(n ? '[role=option]' : '.empty').count();
  await page.close();
  if (!shown) throw new Error(`bench/popup: nothing shown with n=${n}`);
  return ms;
}

async function keystrokeMs(ext: Launched): Promise<number[]> {
  const page = await open(ext, 1000);
  await page.evaluate(() => {
    const w = window as unknown as { lat: number[]; t0: number | undefined };
    w.lat = [];
    const screen = document.querySelector('.list-screen') as HTMLElement;
    addEventListener('keydown', (e) => (w.t0 = e.timeStamp), true);
    new MutationObserver(() => {
      if (w.t0 === undefined) return;
      // Force style and layout of the new rows: what the next paint would need first.
      void (document.querySelector('.list-viewport, .no-match') as HTMLElement | null)?.getBoundingClientRect();
      w.lat.push(performance.now() - w.t0);
      w.t0 = undefined;
    }).observe(screen, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('searchbox').focus();
  for (const key of TYPED) {
    await page.keyboard.press(key);
    await page.waitForTimeout(40);
  }
  const lat = await page.evaluate(() => (window as unknown as { lat: number[] }).lat);
  await page.close();
  if (lat.length < TYPED.length / 2) throw new Error(`bench/popup: only ${lat.length} of ${TYPED.length} keystrokes repainted the list`);
  return lat;
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`bench/popup: the build failed (exit ${r.status})`);
  }
  const ext = await launchExtension();
  try {
    const times: Record<0 | 1000, number[]> = { 0: [], 1000: [] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const n of i % 2 ? ([0, 1000] as const) : ([1000, 0] as const)) {
        const ms = await readyMs(ext, n);
        if (i >= WARMUP) times[n].push(ms);
      }
    }
    const keys = await keystrokeMs(ext);
    console.error(`bench/popup: ready 1000 ${times[1000].map(round).join(' ')}; ready 0 ${times[0].map(round).join(' ')}; keystrokes ${keys.map(round).join(' ')}`);
    return {
      popup_ready_ms_1000: round(median(times[1000])),
      popup_ready_ms_0: round(median(times[0])),
      search_keystroke_ms_1000: round(median(keys)),
    };
  } finally {
    await ext.close();
  }
}
