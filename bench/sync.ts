/**
 * The first sync, against its floor, in Chromium with the built extension (dist/chrome):
 * - sync_1000_ms: a fresh profile signs in to the test backpack (in-process, test/backpack) whose
 *   Ada holds 1,000 badges, a mix (test/backpack/seed.ts `mix`): OB 2.0 hosted and OB 2.0 signed
 *   (RS256) through the Badgr API, OB 3.0 VC-JWT (EdDSA) and Data Integrity (eddsa-rdfc-2022)
 *   through the OB 3.0 API (OAuth, its consent page filled by the bench). Both sign-ins start at
 *   once; the time runs until both accounts' syncs are idle and `badges/list` holds 1,000 badges,
 *   none unverified.
 * - sync_floor_ms: every GET the server answered during that sync (its own log: URL, query and the
 *   Authorization header), replayed with fetch from an extension page of the same browser, 6 at a
 *   time (Chromium's connections per host), plus mixed_1000_ms (bench/mixed.ts, run here again:
 *   1,000 verifies of the same mix in Node). The token and consent requests are not replayed.
 * - sw_heap_mb_0 / sw_heap_mb_1000: the worker's JS heap after a full GC (support/worker-heap.ts)
 *   before the sign-in and after the sync, each once the worker holds neither engine.js nor
 *   backpack.js (each released 30 s after its last use: src/platform/engine-loader.ts,
 *   src/background/backpack-loader.ts).
 * stderr says how many requests of each kind the sync made per badge.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ADA } from '../test/backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../test/backpack/server.ts';
import { launchExtension, type Launched } from '../test/browser/launch.ts';
import { call, extensionPage, grantHosts, waitFor } from '../test/browser/support/extension.ts';
import mixed from './mixed.ts';
import { signInOb3 } from './support/real-extension.ts';
import { workerHeapMb } from './support/worker-heap.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Ada's seeded badges: 7 OB 2.0 (Badgr) + 5 OB 3.0, so 988 generated make 1,000. */
const TARGET = 1000;
const GENERATED = TARGET - 12;
const SYNC_TIMEOUT_MS = 600_000;

interface StateReply {
  accounts: { id: string; sync: { status: string; done: number; total: number; error?: unknown } }[];
}

/** Both accounts idle (a state read just after a sign-in may still say idle before its sync starts: then done must equal total > 0). */
async function allIdle(page: Page, ids: string[]): Promise<void> {
  let last = '';
  await waitFor(async () => {
    const state = await call<StateReply>(page, 'state/get', {});
    const syncs = ids.map((id) => state.accounts.find((a) => a.id === id)?.sync);
    for (const s of syncs) if (s?.status === 'error') throw new Error(`bench/sync: sync failed: ${JSON.stringify(s.error)}`);
    const now = syncs.map((s) => `${s?.status} ${s?.done}/${s?.total}`).join(', ');
    if (now !== last) console.error(`bench/sync: ${now}`), (last = now);
    return syncs.every((s) => s?.status === 'idle' && s.total > 0 && s.done === s.total);
  }, SYNC_TIMEOUT_MS, 100);
}

/** Replays `urls` (with their Authorization headers) from an extension page, `width` at a time; the wall time in ms. */
async function replay(page: Page, reqs: { url: string; authorization?: string }[], width: number): Promise<number> {
  return page.evaluate(async ([reqs, width]) => {
    const t0 = performance.now();
    let i = 0;
    let failed = 0;
    // No named function in here: tsx would wrap it in a helper the page does not have.
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (i < reqs.length) {
          const r = reqs[i++]!;
          const res = await fetch(r.url, { headers: r.authorization ? { authorization: r.authorization } : {} });
          await res.arrayBuffer();
          if (!res.ok) failed++;
        }
      }),
    );
    if (failed) throw new Error(`${failed} replayed requests failed`);
    return performance.now() - t0;
  }, [reqs, width] as const);
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`bench/sync: the build failed (exit ${r.status})`);
  }
  let seeded = performance.now();
  const bp = await startBackpack({ port: 0, badges: GENERATED, mix: true });
  console.error(`bench/sync: ${GENERATED} mixed badges seeded in ${Math.round(performance.now() - seeded)} ms`);
  let ext: Launched | undefined;
  try {
    ext = await launchExtension();
    await grantHosts(ext, ['http://127.0.0.1/*']);
    const page = await extensionPage(ext);
    await call(page, 'state/get', {});
    const heap0 = await workerHeapMb(ext);
    bp.control.requests.length = 0;
    const started = performance.now();
    const badgr = call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    const ob3 = signInOb3(ext, page, bp);
    const ids = (await Promise.all([badgr, ob3])).map((v) => v.id);
    await allIdle(page, ids);
    const list = await call<{ verdict: string; format: string }[]>(page, 'badges/list', {});
    const syncMs = performance.now() - started;
    const verdicts: Record<string, number> = {};
    for (const b of list) verdicts[`${b.format}:${b.verdict}`] = (verdicts[`${b.format}:${b.verdict}`] ?? 0) + 1;
    console.error(`bench/sync: ${list.length} badges cached in ${(syncMs / 1000).toFixed(1)} s: ${JSON.stringify(verdicts)}`);
    if (list.length !== TARGET) throw new Error(`bench/sync: ${list.length} badges cached, not ${TARGET}`);
    if (list.some((b) => b.verdict === 'unverified')) throw new Error('bench/sync: some badges are unverified');

    const log = [...bp.control.requests];
    const byKind: Record<string, number> = {};
    for (const r of log) {
      const kind = `${r.method} ${r.path.replace(/\/[^/]*\d[^/]*/g, '/:id')}`;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    console.error(`bench/sync: ${log.length} requests (${(log.length / TARGET).toFixed(2)} a badge): ${JSON.stringify(byKind)}`);
    const heap1000 = await workerHeapMb(ext);

    const gets = log.filter((r) => r.method === 'GET' && r.status === 200).map((r) => ({ url: `${bp.baseUrl}${r.path}${r.search ?? ''}`, ...(r.authorization ? { authorization: r.authorization } : {}) }));
    await replay(page, gets.slice(0, 50), 6); // warm-up
    const fetchMs = await replay(page, gets, 6);
    const { mixed_1000_ms: mixedMs } = await mixed();
    console.error(`bench/sync: floor: ${gets.length} GETs replayed in ${Math.round(fetchMs)} ms + mixed_1000_ms ${mixedMs}`);
    return {
      sync_1000_ms: Math.round(syncMs),
      sync_floor_ms: Math.round(fetchMs + (mixedMs ?? 0)),
      sync_requests_per_badge: Math.round((log.length / TARGET) * 100) / 100,
      sw_heap_mb_0: heap0,
      sw_heap_mb_1000: heap1000,
    };
  } finally {
    await ext?.close().catch((e: unknown) => console.error('bench/sync: closing the browser failed', e));
    await bp.close();
  }
}
