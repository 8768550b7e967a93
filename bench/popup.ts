/// <reference types="chrome" />
/**
 * The popup's speed in Chromium with the built extension (dist/chrome, built first when missing),
 * over the REAL background, signed into the test backpack (in-process, test/backpack/server.ts):
 * - popup_ready_ms_1000 / popup_ready_ms_0: from opening the popup page (navigation start of
 *   `chrome-extension://<id>/<default_popup>`, no query: the real actions) to the first badge row
 *   painted, or the empty state with no badges (the popup paints the newest screenful first and
 *   loads the rest after that paint; each run then checks that the whole list arrived); the median of RUNS alternating runs of each (after
 *   WARMUP pairs). The page marks the moment itself (src/popup/list/ready.ts: the timeout inside
 *   the animation frame after the first render, i.e. after that frame is painted); the mark's
 *   startTime is measured from the document's time origin, the navigation start.
 * - search_keystroke_ms_1000: from a keystroke in the search box (the keydown's timestamp) to the
 *   filtered list committed and laid out (the first DOM mutation, then a forced layout), median
 *   over a typed sequence, on the real list of 1,000. Waiting for the next frame would add up to a
 *   vsync of idle time, so the paint itself is not included.
 *
 * The two profiles (bench/support/real-extension.ts), each its own Chromium with a fresh profile,
 * seeded through the extension's real protocol:
 * - 1,000: Ada signs in to the test backpack's Badgr API by password (`accounts/sign-in`), and the
 *   sync that the sign-in starts fetches and verifies her 7 seeded badges plus GENERATED generated
 *   ones until the account is idle: 1,000 badges in the cache (`badges/list`), about 20 s.
 * - 0: "signed in with 0 cached badges" must be a real provider account whose backpack is empty,
 *   so that the popup shows its list screen with the empty state. A profile with no account and
 *   no badge is not that: it is the first run, and shows the welcome screen instead (App.tsx
 *   `firstRun`). Grace, the test backpack's second user, holds one badge; she first removes it
 *   from her backpack through the Badgr API (DELETE /v2/backpack/assertions/{id}, as Badgr's own
 *   UI does), then signs in the same way and syncs: an account, 0 badges, the empty state.
 * - blank_page_ready_ms, the floor of popup_ready_ms_0 (issue 14): bench/wake.ts's blank
 *   extension's page (one paragraph, the same ready mark) in a third Chromium, opened in turn with
 *   the two profiles' popups, each run starting with the next of the three. It was taken in
 *   bench/wake.ts, minutes apart from the popups, between worker wake-ups: there it swung 70-114 ms
 *   over nine runs on this machine while the popups' own conditions were not the same; measured
 *   in turn with them, it sees the same machine. wake.ts's reading stays, as blank_page_ready_ms_wake.
 * Both service workers are running during the measured runs, as for a popup opened again within
 * 30 s of the last; the WARMUP pairs absorb the first page loads. The two browsers share the
 * machine, so a run of one waits until the other's page is idle and closed (SETTLE_MS).
 *
 * After the measured runs, diagnostic opens per profile (stderr only, not in the results): each
 * message's round trip as the page sees it, the `badges/list` reply's size, and one open from a
 * stopped service worker. They show where a gap between the two profiles comes from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ADA, GRACE } from '../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../test/backpack/server.ts';
import { launchExtension, type Launched } from '../test/browser/launch.ts';
import { call, extensionPage, stopWorkers } from '../test/browser/support/extension.ts';
import { emptyBadgrBackpack, signedInProfile, type SignedIn } from './support/real-extension.ts';
import { blankExtension } from './wake.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;
const WARMUP = 3;
/** Between runs: the page idle before it closes, then this long, so that no run's leftover work (the worker's or the page's) lands in the next. */
const SETTLE_MS = 100;
/** Ada's seeded Badgr badges: 7 (test/backpack/README.md), so 993 generated ones make 1,000. */
const TARGET = 1000;
const GENERATED = TARGET - 7;
/**
 * Typed into the search box over the real list: "Practice Badge N" (the generated badges) and Ada's
 * seeded names. Every keystroke changes what is shown (a digit or a Backspace always does here),
 * so each one commits a new list.
 */
export const TYPED = ['4', '2', 'Backspace', 'Backspace', '1', '0', '0', 'Backspace', 'Backspace', 'Backspace', '7', '7', 'Backspace', 'Backspace', 'b', 'e', 'r', 'Backspace', 'Backspace', 'Backspace', '3', '3', '3', 'Backspace', 'Backspace', 'Backspace', '5', '0', 'Backspace', 'Backspace'];

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
export const round = (x: number) => Math.round(x * 100) / 100;

/** The popup as a page at the popup's size, over the real actions; resolves once the list is painted. */
async function open(ext: Launched, before?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  await before?.(page);
  await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
  await page.waitForFunction(() => performance.getEntriesByName('lanyard-ready').length > 0, undefined, { timeout: 15_000 });
  return page;
}

/** What must be on screen when the page says it is ready: rows and the whole count, or the empty state. */
async function checkShown(page: Page, n: number): Promise<void> {
  if (n) {
    const rows = await page.locator('[role=option]').count();
    const count = (await page.locator('.list-count').textContent()) ?? '';
    if (!rows || !count.replace(/\D/g, '').includes(String(n))) throw new Error(`bench/popup: expected ${n} badges, the page shows ${rows} rows and "${count}"`);
  } else if (!(await page.locator('.empty').count()) || (await page.locator('.list-screen, .content-welcome').count())) {
    throw new Error('bench/popup: expected the empty state of a signed-in account');
  }
}

/** The page paints the first screen, then loads the rest: wait until the list holds every badge. */
async function wholeList(page: Page, n: number): Promise<void> {
  if (!n) return;
  await page.waitForFunction((size) => document.querySelector('[role=option]')?.getAttribute('aria-setsize') === String(size), n, { timeout: 15_000 });
}

export async function readyMs(p: SignedIn | Launched): Promise<number> {
  const ext = 'ext' in p ? p.ext : p;
  const page = await open(ext);
  try {
    const ms = await page.evaluate(() => (performance.getEntriesByName('lanyard-ready')[0] as PerformanceEntry).startTime);
    // The blank extension's page (the floor) has nothing more to show.
    if (!('ext' in p)) return ms;
    await checkShown(page, p.cached);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    await wholeList(page, p.cached);
    return ms;
  } finally {
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

/**
 * Each keystroke's time from its keydown's timestamp to the first mutation of the list screen and
 * a forced layout, pushed to `window.lat`; each also marks `key-done` (for a trace) when `mark`.
 */
export function watchKeystrokes(page: Page, mark = false): Promise<void> {
  return page.evaluate((mark) => {
    const w = window as unknown as { lat: number[]; t0: number | undefined };
    w.lat = [];
    const screen = document.querySelector('.list-screen') as HTMLElement;
    addEventListener('keydown', (e) => (w.t0 = e.timeStamp), true);
    new MutationObserver(() => {
      if (w.t0 === undefined) return;
      // Force style and layout of the new rows: what the next paint would need first.
      void (document.querySelector('.list-viewport, .no-match') as HTMLElement | null)?.getBoundingClientRect();
      w.lat.push(performance.now() - w.t0);
      if (mark) performance.mark('key-done');
      w.t0 = undefined;
    }).observe(screen, { subtree: true, childList: true, characterData: true, attributes: true });
  }, mark);
}

export async function keystrokeMs(p: SignedIn): Promise<number[]> {
  const page = await open(p.ext);
  try {
    await checkShown(page, p.cached);
    // Typing filters the whole list, not the first screen painted before it.
    await wholeList(page, p.cached);
    await watchKeystrokes(page);
    await page.getByRole('searchbox').focus();
    for (const key of TYPED) {
      await page.keyboard.press(key);
      await page.waitForTimeout(40);
    }
    const lat = await page.evaluate(() => (window as unknown as { lat: number[] }).lat);
    if (lat.length < TYPED.length / 2) throw new Error(`bench/popup: only ${lat.length} of ${TYPED.length} keystrokes repainted the list`);
    return lat;
  } finally {
    await page.close();
  }
}

/**
 * One more open, not measured: each message's round trip as the page sees it (chrome.runtime.
 * sendMessage wrapped before the page's scripts run), the page's own load, and the ready mark;
 * then `badges/list` from another page: its reply's size and round trip. Logged on stderr.
 */
async function diagnose(p: SignedIn, label: string): Promise<void> {
  const page = await open(p.ext, (pg) =>
    pg.addInitScript(() => {
      const rt = (globalThis as unknown as { chrome?: { runtime?: { sendMessage: (...a: unknown[]) => unknown } } }).chrome?.runtime;
      if (!rt?.sendMessage) return;
      const log: { type: string; start: number; end: number }[] = ((globalThis as unknown as { __msgs: unknown[] }).__msgs = []) as never;
      const original = rt.sendMessage.bind(rt);
      rt.sendMessage = (...args: unknown[]) => {
        const entry = { type: String((args[0] as { type?: string } | undefined)?.type), start: performance.now(), end: NaN };
        log.push(entry);
        const cb = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
        if (cb) return original(...args, (r: unknown) => ((entry.end = performance.now()), cb(r)));
        const out = original(...args) as Promise<unknown>;
        return out.then((r) => ((entry.end = performance.now()), r));
      };
    }),
  );
  let t: { dcl: number; ready: number; msgs: { type: string; start: number; end: number }[] };
  try {
    // Once the page is idle, so that a later message (a second `badges/list`, say) has its answer.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    t = await page.evaluate(() => ({
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ready: (performance.getEntriesByName('lanyard-ready')[0] as PerformanceEntry).startTime,
      msgs: (globalThis as unknown as { __msgs: { type: string; start: number; end: number }[] }).__msgs ?? [],
    }));
  } finally {
    await page.close();
  }
  // And once from a stopped service worker (a popup opened after 30 s idle): the worker starts,
  // opens the database and builds its services before the first reply.
  await stopWorkers(p.ext);
  const cold = await readyMs(p);
  const own = await extensionPage(p.ext);
  try {
    const started = Date.now();
    const size = await own.evaluate(async () => {
      const r = await chrome.runtime.sendMessage({ type: 'badges/list', args: {} });
      return JSON.stringify(r).length;
    });
    const rtt = Date.now() - started;
    const state = await call<{ badgeCount: number }>(own, 'state/get', {});
    const f = (x: number) => x.toFixed(1);
    console.error(
      `bench/popup: diagnose ${label}: DOMContentLoaded ${f(t.dcl)} ms, ready ${f(t.ready)} ms; ` +
        t.msgs.map((m) => `${m.type} ${f(m.start)}→${f(m.end)} ms`).join(', ') +
        `; badges/list reply ${(size / 1024).toFixed(0)} KiB (${state.badgeCount} badges), ${rtt} ms from another page; ready from a stopped worker ${f(cold)} ms`,
    );
  } finally {
    await own.close();
  }
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`bench/popup: the build failed (exit ${r.status})`);
  }
  const browsers: Launched[] = [];
  let bp: Backpack | undefined;
  const blankDir = blankExtension();
  try {
    // The floor: bench/wake.ts's blank extension (one paragraph and the same ready mark), in a
    // Chromium of its own, opened in turn with the two profiles below (see the header).
    const blank = await launchExtension({ dist: blankDir });
    browsers.push(blank);
    bp = await startBackpack({ port: 0, badges: GENERATED });
    const removed = await emptyBadgrBackpack(bp, GRACE);
    console.error(`bench/popup: removed ${removed} badge(s) from Grace's backpack`);
    // Both at once (Grace's sync has nothing to fetch); settled, so that neither browser outlives a failure of the other.
    const settled = await Promise.allSettled([signedInProfile(bp, ADA, `${TARGET} badges`), signedInProfile(bp, GRACE, 'no badges')]);
    for (const s of settled) if (s.status === 'fulfilled') browsers.push(s.value.ext);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    const [full, none] = settled.map((s) => (s as PromiseFulfilledResult<SignedIn>).value) as [SignedIn, SignedIn];
    if (full.cached < TARGET) throw new Error(`bench/popup: ${full.cached} badges cached, not ${TARGET}`);
    if (none.cached !== 0) throw new Error(`bench/popup: ${none.cached} badges cached for Grace, not 0`);

    const times = new Map<SignedIn | Launched, number[]>([
      [full, []],
      [none, []],
      [blank, []],
    ]);
    const order: (SignedIn | Launched)[] = [full, none, blank];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Each run starts with the next one of the three, so that none is always first or last.
      for (let j = 0; j < order.length; j++) {
        const p = order[(i + j) % order.length]!;
        const ms = await readyMs(p);
        if (i >= WARMUP) times.get(p)!.push(ms);
      }
    }
    const keys = await keystrokeMs(full);
    const [ready1000, ready0, readyBlank] = [times.get(full)!, times.get(none)!, times.get(blank)!];
    console.error(`bench/popup: ready ${full.cached} ${ready1000.map(round).join(' ')}; ready 0 ${ready0.map(round).join(' ')}; blank page ${readyBlank.map(round).join(' ')}; keystrokes ${keys.map(round).join(' ')}`);
    await diagnose(full, `${full.cached} badges`);
    await diagnose(none, '0 badges');
    return {
      popup_ready_ms_1000: round(median(ready1000)),
      popup_ready_ms_0: round(median(ready0)),
      blank_page_ready_ms: round(median(readyBlank)),
      search_keystroke_ms_1000: round(median(keys)),
    };
  } finally {
    // The browsers, then the server.
    for (const ext of browsers) await ext.close().catch((e: unknown) => console.error('bench/popup: closing a browser failed', e));
    await bp?.close();
    rmSync(blankDir, { recursive: true, force: true });
  }
}
