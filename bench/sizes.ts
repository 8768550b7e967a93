/**
 * Bundle sizes of the built Chromium package (dist/chrome, built first when missing):
 * for each entry, the gzipped size in KB of its file plus every chunk it imports statically,
 * each file gzipped on its own and counted once. Entries: the popup page (its <script src> and
 * modulepreload links), the background worker (and, apart, engine.js: the verification engine it
 * loads on its first verification, and backpack.js: the backpack clients it loads on its first
 * sign-in, sync or token refresh), and the content scripts (the largest total over
 * the sites they run on: scripts sharing a match pattern add up).
 *
 * Content code that is not in the manifest is reported too, each under its own key:
 * - content_on_demand_js_gz_kb: the largest on-demand file (the picker and page filling, injected
 *   by the background at a button's first press: src/background/services/content-ui.ts);
 * - content_pressed_js_gz_kb: the largest total on one site once a button was pressed (the
 *   manifest's scripts plus the on-demand file the background injects there);
 * - content_hover_js_gz_kb: the verify-on-hover script, registered at run time on the sites the
 *   user turned hover on for (src/platform/hover-script.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { UI_FILES, uiFileFor } from '../src/background/services/content-ui.ts';
import { HOVER_SCRIPT_FILE } from '../src/platform/hover-script.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist/chrome');

interface Manifest {
  action?: { default_popup?: string };
  background?: { service_worker?: string };
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` (not `import("x")`) in built code. */
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;

/** Paths (relative to dist) of `entry` and all that it imports statically, transitively. */
export function closure(entry: string, dist = DIST): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      if (!spec || !(spec.startsWith('.') || spec.startsWith('/'))) continue;
      visit(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  };
  visit(entry);
  return seen;
}

/** The scripts an HTML page loads: <script src> and <link rel="modulepreload">. */
export function htmlScripts(htmlPath: string, dist = DIST): string[] {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ];
  return refs.map(([, src = '']) => (src.startsWith('/') ? src.slice(1) : posix.join(posix.dirname(htmlPath), src)));
}

function gzKb(files: Iterable<string>, dist = DIST): number {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 100) / 100;
}

function union(entries: string[], dist = DIST): Set<string> {
  return new Set(entries.flatMap((e) => [...closure(e, dist)]));
}

export function measure(dist = DIST): Record<string, number> {
  const m = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const popup = m.action?.default_popup;
  const worker = m.background?.service_worker;
  const bySite = new Map<string, string[]>();
  for (const cs of m.content_scripts ?? []) {
    for (const site of cs.matches ?? []) bySite.set(site, [...(bySite.get(site) ?? []), ...(cs.js ?? [])]);
  }
  const contentKb = [...bySite.values()].map((js) => gzKb(union(js, dist), dist));
  // The file the background injects on each site (a match pattern's host stands for the site).
  const present = (f: string) => existsSync(join(dist, f));
  const pressedKb = [...bySite].map(([site, js]) => {
    const onDemand = uiFileFor({ url: site.replace(/\*$/, '') });
    return gzKb(new Set([...union(js, dist), ...(present(onDemand) ? closure(onDemand, dist) : [])]), dist);
  });
  return {
    popup_js_gz_kb: popup ? gzKb(union(htmlScripts(popup, dist), dist), dist) : 0,
    background_js_gz_kb: worker ? gzKb(closure(worker, dist), dist) : 0,
    // The verification engine, which the worker imports on its first verification (src/platform/engine-loader.ts).
    engine_js_gz_kb: existsSync(join(dist, 'engine.js')) ? gzKb(['engine.js'], dist) : 0,
    // The backpack clients, which the worker imports on its first sign-in, sync or token refresh (src/background/services/backpack-kit.ts).
    backpack_js_gz_kb: existsSync(join(dist, 'backpack.js')) ? gzKb(['backpack.js'], dist) : 0,
    content_js_gz_kb: Math.max(0, ...contentKb),
    content_on_demand_js_gz_kb: Math.max(0, ...Object.values(UI_FILES).filter(present).map((f) => gzKb(closure(f, dist), dist))),
    content_pressed_js_gz_kb: Math.max(0, ...pressedKb),
    content_hover_js_gz_kb: present(HOVER_SCRIPT_FILE) ? gzKb(closure(HOVER_SCRIPT_FILE, dist), dist) : 0,
  };
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(DIST, 'manifest.json'))) {
    // Build output goes to stderr: `npm run bench -- --json` keeps stdout for the JSON.
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`bench/sizes: the build failed (exit ${r.status})`);
  }
  return measure(dirname(join(DIST, 'manifest.json')));
}
