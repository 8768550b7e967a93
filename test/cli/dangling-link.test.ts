/**
 * A directory input holding a symbolic link that leads nowhere (`badge.json -> moved/badge.json`):
 * it was left out without a word, and `lanyard dir` said every input valid (exit 0) although one
 * badge could not be read. It is now an unreadable input under its own path (exit 2), as the same
 * link given by name is; links to directories are still left out (no loops), links to files read.
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');

describe('a directory holding a dangling symbolic link', () => {
  it('names the link as an unreadable input, verifies the rest, and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-dangling-'));
    copyFileSync(GOOD, path.join(dir, 'a.json'));
    symlinkSync(path.join(dir, 'moved/b.json'), path.join(dir, 'b.json'));
    symlinkSync(GOOD, path.join(dir, 'c.json'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(dir, path.join(dir, 'sub/loop'));
    let stdout = '';
    let stderr = '';
    const code = await main([dir, '--json', '--offline', '--now', '2026-11-26T00:00:00Z'], { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ source: path.join(dir, 'a.json'), verdict: 'valid' }),
      { source: path.join(dir, 'b.json'), error: 'cannot read: no such file or directory', code: 'ENOENT' },
      expect.objectContaining({ source: path.join(dir, 'c.json'), verdict: 'valid' }),
    ]);
    expect(stderr.trim().split('\n').at(-1)).toBe('lanyard: 3 inputs: 2 valid, 0 invalid, 0 indeterminate, 1 unreadable');
    expect(code).toBe(2);
  });
});
