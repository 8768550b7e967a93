/**
 * `npm run verify -- FILE` typed in a subdirectory of the checkout: npm runs a script in the
 * package's root (npm docs, "scripts": the directory the command was typed in is INIT_CWD), so a
 * relative FILE or --map DIR was looked for under the root: "cannot read …: no such file or
 * directory" for a file that is there. It now runs where it was typed, as `npx lanyard FILE` does.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { ensureCliBuilt } from '../../scripts/cli-build.mjs';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const NPM_CLI = process.env.npm_execpath;

function npmRun(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // npm's own JavaScript under this Node when vitest was started by npm; else the npm on PATH.
    const child = NPM_CLI && /npm-cli\.c?js$/.test(NPM_CLI) ? spawn(process.execPath, [NPM_CLI, 'run', '--silent', 'verify', '--', ...args], { cwd }) : spawn('npm', ['run', '--silent', 'verify', '--', ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ code: null, stdout, stderr: String(e) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => void (await ensureCliBuilt()), 120_000);

describe('npm run verify in a subdirectory', () => {
  it('reads a relative FILE and --map DIR from the directory it was typed in', { timeout: 60_000 }, async () => {
    const r = await npmRun(CONFORMANCE_DIR, ['ob20/simple.jwt', '--json', '--offline', '--now', '2026-11-26T00:00:00Z', '--map', 'https://example.org/=hosts/example.org', '--map', 'http://example.org/=hosts/example.org']);
    expect(r.stderr).not.toMatch(/cannot read|not a directory/);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: 'ob20/simple.jwt', verdict: 'valid' });
    expect(r.code).toBe(0);
  });

  it('still reads paths from the root when typed there (the README example)', { timeout: 60_000 }, async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const r = await npmRun(root, [path.relative(root, path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json')), '--json', '--offline', '--now', '2026-11-26T00:00:00Z']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'valid' });
    expect(r.code).toBe(0);
  });
});
