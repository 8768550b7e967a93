/**
 * The command line as people install it: `npm pack` → a tarball holding only bin/ and the bundle;
 * `npm install -g --prefix <tmp> <tarball> --offline` (the package has no run-time dependencies,
 * so nothing is fetched) → a `lanyard` command that verifies a badge with no tsx and no source.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { ensureCliBuilt, ROOT } from '../../scripts/cli-build.mjs';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT as string, 'package.json'), 'utf8')) as { version: string; name: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tmp = '';
let tarball = '';
let lanyard = '';

function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'lanyard-pack-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT as string, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0]!.filename);
  execFileSync(npm, ['install', '-g', '--prefix', path.join(tmp, 'prefix'), '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
  lanyard = path.join(tmp, 'prefix', 'bin', 'lanyard');
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack + npm install -g', () => {
  it('packs only the launcher, the bundle and the package files', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toEqual(expect.arrayContaining(['package/README.md', 'package/bin/lanyard.mjs', 'package/dist/cli/lanyard.mjs', 'package/package.json']));
    // Nothing else but chunks of the bundle: no source, no tests, no extension build.
    expect(listed.filter((f) => !['package/README.md', 'package/LICENSE', 'package/bin/lanyard.mjs', 'package/package.json'].includes(f) && !/^package\/dist\/cli\/[\w/.-]+\.mjs$/.test(f))).toEqual([]);
  });

  it('installs a lanyard command with no dependencies and no TypeScript source', () => {
    expect(existsSync(lanyard)).toBe(true);
    const installed = path.join(tmp, 'prefix', 'lib', 'node_modules', pkg.name);
    expect(readdirSync(installed).sort()).toEqual(expect.not.arrayContaining(['node_modules', 'src']));
    expect(existsSync(path.join(installed, 'dist/cli/lanyard.mjs'))).toBe(true);
  });

  it('verifies a hosted OB 2.0 badge offline from a mapped directory, with JSON out', async () => {
    const dir = CONFORMANCE_DIR;
    const r = await run(lanyard, [
      'ob20/basic-assertion.json', '--json', '--offline', '--now', '2026-11-26T00:00:00Z',
      '--recipient', 'nobody@example.org', '--map', 'https://example.org/=hosts/example.org',
    ], dir);
    // stderr carries only the summary line; stdout only the result.
    expect(r.stderr.trim()).toBe('lanyard: 1 input: 1 valid, 0 invalid, 0 indeterminate');
    const out = JSON.parse(r.stdout) as { verdict: string; format: string };
    expect(out).toMatchObject({ verdict: 'valid', format: 'ob2.0-hosted' });
    expect(r.code).toBe(0);
  });

  it('says a badge whose hosted copy has expired is invalid (exit 1): the same engine as the source', async () => {
    const r = await run(lanyard, [
      'ob20/basic-assertion.json', '--json', '--offline', '--now', '2026-11-26T00:00:00Z',
      '--map', 'https://example.org/=hosts/example.org-expired',
    ], CONFORMANCE_DIR);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'invalid' });
    expect(r.code).toBe(1);
  });

  it('prints its usage for --help, and the package version for --version', async () => {
    const r = await run(lanyard, ['--help']);
    expect(r.stdout + r.stderr).toContain('Usage: lanyard');
    const v = await run(lanyard, ['--version']);
    expect(v.stdout.trim()).toContain((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(v.code).toBe(0);
  });
});
