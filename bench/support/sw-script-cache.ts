/**
 * What Chromium keeps, per installed script, for a built extension's service worker (issue 14,
 * sw_wake_ms). Each script the worker ran while installing (background.js, then every script it
 * imported in its `install` event) is stored in the profile's `Service Worker/ScriptCache` as a
 * disk-cache entry: the source (`<hash>_0`) and the V8 code cache made at install (`<hash>_1`,
 * blink's eager code cache, `ServiceWorkerEagerCodeCache`). At every start the browser reads both
 * and sends them to the worker's renderer, whether the worker runs the script or not
 * (ServiceWorkerInstalledScriptsSender), so their bytes are what each wake pays for.
 * Not a bench: a profiler (`node --import tsx bench/support/sw-script-cache.ts [dir…]`, default dist/chrome).
 * One Chromium per directory (each needs its manifest's `key`, as builds have); prints each script's source and code cache in KB, and the sum.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DIST, launchExtension } from '../../test/browser/launch.ts';

const kb = (n: number) => (n / 1024).toFixed(1);

/** The installed scripts' entries: source (its body starts after the entry's header) and code cache sizes. */
function entries(profile: string): { body: Buffer; source: number; cache: number }[] {
  const dir = join(profile, 'Default', 'Service Worker', 'ScriptCache');
  return readdirSync(dir)
    .filter((f) => f.endsWith('_0'))
    .map((f) => {
      const body = readFileSync(join(dir, f));
      let cache = 0;
      try {
        cache = readFileSync(join(dir, f.replace(/_0$/, '_1'))).length;
      } catch {
        // no code cache kept for this script
      }
      return { body, source: body.length, cache };
    });
}

async function measure(dist: string): Promise<void> {
  const ext = await launchExtension({ dist });
  try {
    await new Promise((r) => setTimeout(r, 4000)); // installed, and the code caches written
    await ext.context.close();
    const found = entries(ext.profile);
    const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
    let source = 0;
    let cache = 0;
    console.log(`${basename(dist)} (${dist})`);
    for (const e of found) {
      // Named by the built file whose first bytes the entry holds, the nearest in size if several do.
      const name = scripts
        .map((s) => readFileSync(join(dist, s)))
        .map((text, i) => ({ s: scripts[i]!, off: text.length && e.body.includes(text.subarray(0, Math.min(256, text.length))) ? Math.abs(e.source - text.length) : Infinity }))
        .sort((a, b) => a.off - b.off)
        .find((m) => m.off < Infinity)?.s ?? '?';
      source += e.source;
      cache += e.cache;
      console.log(`  ${name.padEnd(16)} source ${kb(e.source).padStart(7)} KB  code cache ${kb(e.cache).padStart(7)} KB`);
    }
    console.log(`  ${'read at each wake'.padEnd(16)} ${kb(source + cache).padStart(7)} KB`);
  } finally {
    await ext.close();
  }
}

const dirs = process.argv.slice(2);
for (const d of dirs.length ? dirs.map((x) => resolve(x)) : [DIST]) await measure(d);
