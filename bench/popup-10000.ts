/**
 * popup_ready_ms_10000 and search_keystroke_ms_10000: bench/popup.ts's measures (the same
 * readyMs/keystrokeMs) over 10,000 cached badges. Syncing 10,000 would take minutes, so the cache
 * is seeded directly: Ada signs in to the test backpack's Badgr API (support/real-extension.ts)
 * and syncs her 7 seeded badges through the real extension; then, inside the service worker,
 * one of those real records (a verified OB 2.0 badge and its original) is copied 9,993 times into
 * the extension's own IndexedDB stores (`badges`, `originals`) under new keys
 * `<account>|seed-<i>`, named "Practice Badge <i>", issued a minute apart, with the `sortTime`
 * the database itself would set (core/share sortTimeOf: the issue date in ms). The worker is then
 * stopped so that nothing read before the seeding stays in memory; the list the popup shows is
 * checked to hold all 10,000.
 */
import type { Worker } from 'playwright-core';
import { ADA } from '../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../test/backpack/server.ts';
import { currentWorker, stopWorkers } from '../test/browser/support/extension.ts';
import { keystrokeMs, median, readyMs, round } from './popup.ts';
import { signedInProfile, type SignedIn } from './support/real-extension.ts';

const TARGET = 10_000;
const RUNS = 9;
const WARMUP = 2;

/** Copies a verified badge of `accountId` until the account holds `target` badges; returns how many it wrote. */
export function seedInWorker(worker: Worker, accountId: string, target: number): Promise<number> {
  return worker.evaluate(
    ([accountId, target]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lanyard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['badges', 'originals']).objectStore('badges').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const all = (read.result as { key: string; accountId: string; verdict: string; format: string }[]).filter((b) => b.accountId === accountId);
            const template = all.find((b) => b.verdict === 'valid' && b.format.startsWith('ob2')) ?? all[0];
            if (!template) return reject(new Error('no badge to copy'));
            const get = db.transaction('originals').objectStore('originals').get(template.key);
            get.onerror = () => reject(get.error);
            get.onsuccess = () => {
              const original = get.result as { key: string };
              const n = target - all.length;
              const tx = db.transaction(['badges', 'originals'], 'readwrite');
              const badges = tx.objectStore('badges');
              const originals = tx.objectStore('originals');
              const start = Date.parse('2024-01-01T00:00:00Z');
              for (let i = 1; i <= n; i++) {
                const key = `${accountId}|seed-${i}`;
                const issuedOn = new Date(start + i * 60_000).toISOString();
                const r = structuredClone(template) as unknown as { key: string; sourceId: string; meta: { name: string; issuedOn?: string }; sortTime?: number };
                r.key = key;
                r.sourceId = `seed-${i}`;
                r.meta = { ...r.meta, name: `Practice Badge ${i}`, issuedOn };
                r.sortTime = Date.parse(issuedOn);
                badges.put(r);
                originals.put({ ...original, key });
              }
              tx.oncomplete = () => (db.close(), resolve(n));
              tx.onerror = () => reject(tx.error);
            };
          };
        };
      }),
    [accountId, target] as const,
  );
}

export default async function (): Promise<Record<string, number>> {
  let bp: Backpack | undefined;
  let p: SignedIn | undefined;
  try {
    bp = await startBackpack({ port: 0 });
    p = await signedInProfile(bp, ADA, '7 badges, then seeded');
    const wrote = await seedInWorker(await currentWorker(p.ext), p.accountId, TARGET);
    await stopWorkers(p.ext);
    p = { ...p, cached: p.cached + wrote };
    console.error(`bench/popup-10000: ${wrote} copies written in the worker's IndexedDB: ${p.cached} badges`);
    if (p.cached !== TARGET) throw new Error(`bench/popup-10000: ${p.cached} badges, not ${TARGET}`);
    const ready: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const ms = await readyMs(p);
      if (i >= WARMUP) ready.push(ms);
    }
    const keys = await keystrokeMs(p);
    console.error(`bench/popup-10000: ready ${ready.map(round).join(' ')}; keystrokes ${keys.map(round).join(' ')}`);
    return { popup_ready_ms_10000: round(median(ready)), search_keystroke_ms_10000: round(median(keys)) };
  } finally {
    await p?.ext.close().catch((e: unknown) => console.error('bench/popup-10000: closing the browser failed', e));
    await bp?.close();
  }
}
