/// <reference types="chrome" />
/**
 * The store packages (scripts/package.mjs) from the built dist/: written twice, byte-identical; the
 * Chrome zip, unpacked, loads in Chromium and works; the Firefox zip, unpacked, passes web-ext lint
 * (as for a listed add-on) with no error, warning or notice; the source zip is HEAD's tracked files.
 * Needs `npm run build` first (npm test does it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { packageAll } from '../../scripts/package.mjs';
import { launchExtension } from './launch.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const pack = packageAll as (root: string, outDir: string) => Record<string, string>;
const tmp = mkdtempSync(path.join(tmpdir(), 'lanyard-package-'));
let hashes: Record<string, string> = {};

function unzip(file: string, into: string): string {
  const out = path.join(tmp, into);
  execFileSync('unzip', ['-q', path.join(tmp, 'a', file), '-d', out]);
  return out;
}

beforeAll(() => {
  mkdirSync(path.join(tmp, 'a'));
  mkdirSync(path.join(tmp, 'b'));
  hashes = pack(ROOT, path.join(tmp, 'a'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('store packages', () => {
  it('are named by package.json\'s version, and written twice give the same bytes', () => {
    expect(Object.keys(hashes).sort()).toEqual([`lanyard-${version}-chrome.zip`, `lanyard-${version}-firefox.zip`, `lanyard-${version}-source.zip`]);
    const again = pack(ROOT, path.join(tmp, 'b'));
    expect(again).toEqual(hashes);
    for (const f of Object.keys(hashes)) expect(readFileSync(path.join(tmp, 'b', f)).equals(readFileSync(path.join(tmp, 'a', f)))).toBe(true);
  });

  it('the Chrome zip, unpacked, loads in Chromium: pinned id, its version, a working popup', async () => {
    const dir = unzip(`lanyard-${version}-chrome.zip`, 'chrome');
    const ext = await launchExtension({ dist: dir });
    try {
      expect(ext.extensionId).toBe('pakfgahhhefpnaajfclapgchhifablpl');
      expect(ext.manifest.version).toBe(version);
      const page = await ext.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${ext.origin}${ext.manifest.action.default_popup}`);
      const pong = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', args: {} }));
      expect(pong).toEqual({ ok: true, value: { pong: true, version } });
      await page.getByRole('heading', { name: 'Welcome to Lanyard' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await ext.close();
    }
  });

  it('the Firefox zip, unpacked, passes web-ext lint as a listed add-on: 0 errors, 0 warnings, 0 notices', () => {
    const dir = unzip(`lanyard-${version}-firefox.zip`, 'firefox');
    const webExt = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
    const out = execFileSync(process.execPath, [webExt, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', timeout: 120_000 });
    const report = JSON.parse(out) as { summary: Record<string, number>; metadata: { version: string; id: string }; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
    expect({ errors: report.errors, warnings: report.warnings, notices: report.notices }).toEqual({ errors: [], warnings: [], notices: [] });
    expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
    expect(report.metadata).toMatchObject({ version, id: 'lanyard@lanyard.example' });
  }, 180_000);

  it('the source zip holds exactly the committed files, with the build instructions', () => {
    const listed = execFileSync('zipinfo', ['-1', path.join(tmp, 'a', `lanyard-${version}-source.zip`)], { encoding: 'utf8' }).trim().split('\n');
    const tracked = execFileSync('git', ['ls-tree', '-r', '--name-only', '-z', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect([...listed].sort()).toEqual([...tracked].sort());
    expect(listed).toContain('SOURCE-BUILD.md');
    expect(listed).toContain('package-lock.json');
    expect(listed.filter((f) => /^(node_modules|dist)\//.test(f))).toEqual([]);
  });
});
