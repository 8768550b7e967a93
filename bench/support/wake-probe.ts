/**
 * Where sw_wake_ms goes (issue 14): several variants of the built extension loaded into ONE Chromium,
 * each with its own key; each round stops every worker, then wakes each variant in turn (order
 * rotated) with `state/get` from its own page. The worker's copy of background.js is wrapped with
 * marks: its global scope's timeOrigin, the script's first and last line, the listener's call and
 * the reply. Prints medians per variant. Not a bench: a profiler (`node --import tsx bench/support/wake-probe.ts`).
 * Columns are ms from the page's sendMessage: origin (the worker's global scope made), scriptStart and
 * scriptEnd (background.js's first and last line), message (the listener called), reply, back (reply
 * to the page's promise), total; plus any mark a build of yours sets on `self.__probe`.
 *   WAKE_PROBE_VARIANTS=dir1,dir2   adds built directories of your own (named by their basename), e.g.
 *                                   a build of the previous commit, to compare in the same run;
 *   WAKE_PROBE_RUNS=n               wakes per variant (default 15, after 2 not counted);
 *   WAKE_PROBE_DUMP=file.json       writes every wake's row (to look at marks one by one);
 *   WAKE_PROBE_SIZES / _TOP / _MERGED / _POLYFILL=1   the experiments of issue 14's commits (see them).
 * The machine is shared: compare variants within one run, never across runs.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, DIST, extensionIdFromKey } from '../../test/browser/launch.ts';

const RUNS = Number(process.env.WAKE_PROBE_RUNS ?? 15);
const PRE = `self.__probe={o:performance.timeOrigin,s:performance.now()};for(const ns of [self.chrome,self.browser]){if(!ns?.runtime)continue;const ev=ns.runtime.onMessage;const a=ev.addListener.bind(ev);const tag=(v)=>{const p=self.__probe;p.r=performance.now();return v&&typeof v==='object'?{...v,__probe:{...p}}:v};Object.defineProperty(ns.runtime,'onMessage',{configurable:true,value:{removeListener:ev.removeListener.bind(ev),hasListener:ev.hasListener.bind(ev),hasListeners:ev.hasListeners.bind(ev),addListener:(l)=>a((m,s,r)=>{self.__probe.m=performance.now();const out=l(m,s,(v)=>r(tag(v)));return out&&typeof out.then==='function'?out.then(tag):out})}})}\n`;
const POST = `\nself.__probe.e=performance.now();\n`;

const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

function variant(root: string, name: string, src: string, edit?: (dir: string) => void): { name: string; dir: string; id: string } {
  const dir = join(root, name);
  cpSync(src, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & { background: { service_worker: string } };
  const key = newKey();
  manifest.key = key;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const sw = join(dir, manifest.background.service_worker);
  writeFileSync(sw, PRE + readFileSync(sw, 'utf8') + POST);
  edit?.(dir);
  return { name, dir, id: extensionIdFromKey(key) };
}

function patchManifest(dir: string, extra: Record<string, unknown>): void {
  const file = join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...extra }));
}

function blank(root: string, name: string, swExtra = ''): string {
  const dir = join(root, `${name}-src`);
  mkdirSync(dir, { recursive: true });
  cpSync(join(DIST, 'engine.js'), join(dir, 'engine.js'));
  const manifest = { manifest_version: 3, name: 'Blank', version: '1.0.0', background: { service_worker: 'sw.js' }, action: { default_popup: 'page.html' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), `${swExtra}chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true, value: {} }); });\n`);
  writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><p>x</p>\n');
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lanyard-wake-probe-'));
  const variants = [
    variant(root, 'blank', blank(root, 'blank')),
    variant(root, 'blank+engine', blank(root, 'blank-engine', "self.addEventListener('install',()=>importScripts('engine.js'));\n")),
    variant(root, 'lanyard', DIST),
    ...(process.env.WAKE_PROBE_TOP ? [
      // What the worker's top level asks of the browser: listeners (each registered with the browser), storage.session's access level, two databases opened.
      variant(root, 'blank+listeners', blank(root, 'blank-listeners', 'for (const e of [chrome.alarms.onAlarm, chrome.runtime.onInstalled, chrome.runtime.onStartup, chrome.permissions.onAdded, chrome.permissions.onRemoved]) e.addListener(() => {});\n'), (d) => patchManifest(d, { permissions: ['alarms'] })),
      variant(root, 'blank+access', blank(root, 'blank-access', "chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });\n"), (d) => patchManifest(d, { permissions: ['storage'] })),
      variant(root, 'blank+idb', blank(root, 'blank-idb', "indexedDB.open('a', 1); indexedDB.open('b', 1);\n")),
    ] : []),
    ...(process.env.WAKE_PROBE_POLYFILL ? [
      // What evaluating webextension-polyfill costs where the browser has its own \`browser\` (Chromium 156): its checks alone, then the whole file.
      variant(root, 'blank+browser', blank(root, 'blank-browser', 'self.__probe.b0=performance.now();globalThis.chrome?.runtime?.id;self.__probe.b1=performance.now();Object.getPrototypeOf(globalThis.browser);self.__probe.b2=performance.now();\n')),
      variant(root, 'blank+polyfill', blank(root, 'blank-polyfill', `self.__probe.b0=performance.now();${readFileSync(resolve(import.meta.dirname, '../../node_modules/webextension-polyfill/dist/browser-polyfill.min.js'), 'utf8')}\nself.__probe.b2=performance.now();\n`)),
    ] : []),
    ...(process.env.WAKE_PROBE_MERGED ? [
      variant(root, 'lanyard-tinyeng', DIST, (d) => writeFileSync(join(d, 'engine.js'), 'self.x=1;')),
      // One script: the engine inside background.js as a function not called at start (engine.js tiny).
      variant(root, 'lanyard-merged', DIST, (d) => {
        const sw = join(d, 'background.js');
        const [pre, ...rest] = readFileSync(sw, 'utf8').split('\n');
        writeFileSync(sw, [pre, `self.__engineFactory=function(){${readFileSync(join(d, 'engine.js'), 'utf8')}};`, ...rest].join('\n'));
        writeFileSync(join(d, 'engine.js'), 'self.x=1;');
      }),
    ] : []),
    ...(process.env.WAKE_PROBE_SIZES ? [
      variant(root, 'blank+tiny', blank(root, 'blank-tiny', "self.addEventListener('install',()=>importScripts('tiny.js'));\n"), (d) => writeFileSync(join(d, 'tiny.js'), 'self.x=1;')),
      variant(root, 'blank+junk1M', blank(root, 'blank-junk', "self.addEventListener('install',()=>importScripts('junk.js'));\n"), (d) => writeFileSync(join(d, 'junk.js'), `self.x=${JSON.stringify('a'.repeat(1_000_000))};`)),
      variant(root, 'lanyard-tinyeng', DIST, (d) => writeFileSync(join(d, 'engine.js'), 'self.x=1;')),
      // engine.js evaluated at install only as an uncalled function: does its code cache make the cost?
      variant(root, 'lanyard-fneng', DIST, (d) => writeFileSync(join(d, 'engine.js'), `self.__f=function(){${readFileSync(join(d, 'engine.js'), 'utf8')}};`)),
      variant(root, 'blank+strengine', blank(root, 'blank-strengine', "self.addEventListener('install',()=>importScripts('s.js'));\n"), (d) => writeFileSync(join(d, 's.js'), `self.x=${JSON.stringify(readFileSync(join(DIST, 'engine.js'), 'utf8'))};`)),
    ] : []),
    ...(process.env.WAKE_PROBE_VARIANTS ?? '').split(',').filter(Boolean).map((d) => variant(root, basename(d), resolve(d))),
  ];
  const profile = join(root, 'profile');
  const dirs = variants.map((v) => v.dir).join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const pages = new Map<string, Page>();
    for (const v of variants) {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${v.id}/${v.name.startsWith('blank') ? 'page.html' : 'src/popup/index.html'}`);
      pages.set(v.name, p);
    }
    const cdp = await context.newCDPSession(context.pages()[0]!);
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; runningStatus: string }[] }) => {
      for (const v of e.versions) status.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const rows = new Map<string, Record<string, number>[]>(variants.map((v) => [v.name, []]));
    for (let i = 0; i < RUNS + 2; i++) {
      const order = variants.map((_, j) => variants[(i + j) % variants.length]!);
      for (const v of order) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        for (let k = 0; k < 500 && ![...status.values()].every((s) => s === 'stopped'); k++) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 150));
        const row = await pages.get(v.name)!.evaluate(async () => {
          const t0 = performance.timeOrigin + performance.now();
          const r = (await chrome.runtime.sendMessage({ type: 'state/get', args: {} })) as { ok?: boolean; __probe?: Record<string, number> };
          const t1 = performance.timeOrigin + performance.now();
          const p = r.__probe;
          if (!r.ok || !p) throw new Error(JSON.stringify(r));
          const b = p.o! - t0;
          const row: Record<string, number> = { total: t1 - t0, origin: b, scriptStart: b + p.s!, scriptEnd: b + p.e!, message: b + p.m!, reply: b + p.r!, back: t1 - (p.o! + p.r!) };
          // Marks of a build of your own: `(self as any).__probe && ((self as any).__probe.name = performance.now())`.
          for (const [k, v] of Object.entries(p)) if (!(k in { o: 1, s: 1, e: 1, m: 1, r: 1 })) row[k] = b + v;
          return row;
        });
        if (i >= 2) rows.get(v.name)!.push(row);
      }
    }
    if (process.env.WAKE_PROBE_DUMP) writeFileSync(process.env.WAKE_PROBE_DUMP, JSON.stringify(Object.fromEntries(rows)));
    const keys = [...new Set([...rows.values()].flatMap((rs) => Object.keys(rs[0] ?? {})))];
    console.log(['variant'.padEnd(16), ...keys.map((k) => k.padStart(11))].join(''));
    for (const [name, rs] of rows) console.log([name.padEnd(16), ...keys.map((k) => median(rs.map((r) => r[k]!).filter((x) => x !== undefined)).toFixed(1).padStart(11))].join(''));
  } finally {
    await context.close();
    rmSync(root, { recursive: true, force: true });
  }
}
await main();
