/**
 * A directory input with one subdirectory the user may not read: before, the whole input was
 * "cannot read DIR: permission denied" and the readable badges beside it were never verified. Now
 * each readable file is verified and the subdirectory is the one unreadable input, named by its own
 * path (exit 2: an input could not be read). Run as `nobody` when the tests run as root, who reads everything.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { ensureCliBuilt } from '../../scripts/cli-build.mjs';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const root = process.getuid?.() === 0;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { uid: 65534, gid: 65534 } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => void (await ensureCliBuilt()), 120_000);

describe('a directory holding a subdirectory that cannot be read', () => {
  it('verifies the files beside it and names the subdirectory as the one unreadable input', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-subdir-'));
    chmodSync(dir, 0o755);
    copyFileSync(GOOD, path.join(dir, 'a.json'));
    chmodSync(path.join(dir, 'a.json'), 0o644);
    const locked = path.join(dir, 'b-locked');
    mkdirSync(locked);
    copyFileSync(GOOD, path.join(locked, 'inside.json'));
    copyFileSync(GOOD, path.join(dir, 'c.json'));
    chmodSync(path.join(dir, 'c.json'), 0o644);
    if (root) chownSync(locked, 0, 0);
    chmodSync(locked, 0o000);
    const r = await run([dir, '--json', '--offline', '--now', '2026-11-26T00:00:00Z']);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual([
      expect.objectContaining({ source: path.join(dir, 'a.json'), verdict: 'valid' }),
      { source: locked, error: 'cannot read: permission denied', code: 'EACCES' },
      expect.objectContaining({ source: path.join(dir, 'c.json'), verdict: 'valid' }),
    ]);
    expect(r.stderr).toContain(`lanyard: cannot read ${locked}: permission denied`);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('lanyard: 3 inputs: 2 valid, 0 invalid, 0 indeterminate, 1 unreadable');
    expect(r.code).toBe(2);
  });
});
