#!/usr/bin/env node
// `npm start`: builds both packages, starts the demo backpack (test/backpack/server.ts) when it
// exists, and opens Chromium with dist/chrome loaded when there is a display; without one, it
// says how to load the packages by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromeDir = join(root, 'dist/chrome');
const firefoxDir = join(root, 'dist/firefox');
const server = join(root, 'test/backpack/server.ts');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

/** @type {import('node:child_process').ChildProcess | undefined} */
let demo;
if (existsSync(server)) {
  console.log('start: starting the demo backpack (test/backpack/server.ts)');
  demo = spawn('npx', ['tsx', server], { cwd: root, stdio: 'inherit' });
  demo.on('exit', (code) => code && console.error(`start: the demo backpack exited with ${code}`));
}
const stopDemo = () => demo?.exitCode === null && demo.kill('SIGTERM');
process.on('SIGINT', () => {
  stopDemo();
  process.exit(0);
});

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || ['darwin', 'win32'].includes(process.platform);

if (hasDisplay && existsSync(chromium)) {
  const { chromium: pw } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'lanyard-start-'));
  const context = await pw.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${chromeDir}`,
      `--load-extension=${chromeDir}`,
      '--no-first-run',
      // Chromium refuses to run as root with its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/src/popup/index.html`);
  console.log(`start: Chromium is open with Lanyard (${id}); close the window to stop.`);
  await new Promise((resolve) => context.on('close', resolve));
  stopDemo();
  process.exit(0);
}

console.log(`
${hasDisplay ? `No Chromium at ${chromium} (set CHROMIUM_PATH to one)` : 'No display'}: load the built extension by hand.

  Chrome, Chromium, Edge:
    1. Open chrome://extensions
    2. Turn on "Developer mode" (top right)
    3. Click "Load unpacked" and choose ${chromeDir}

  Firefox:
    1. Open about:debugging#/runtime/this-firefox
    2. Click "Load Temporary Add-on…"
    3. Choose ${join(firefoxDir, 'manifest.json')}
`);
if (demo) {
  console.log('start: the demo backpack keeps running; press Ctrl-C to stop it.');
} else {
  process.exit(0);
}
