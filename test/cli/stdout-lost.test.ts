/**
 * A report that could not be written is not a success: `lanyard dir --json > results.jsonl` on a full
 * disk wrote nothing and exited 0 ("every input valid"), so a script went on with an empty file. A
 * write to standard output that fails (ENOSPC, EIO; /dev/full here) is now said on stderr and the
 * exit status is 2, as for an input that could not be read. A closed pipe (| head) stays quiet (process.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { ensureCliBuilt } from '../../scripts/cli-build.mjs';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const NOW = ['--now', '2026-11-26T00:00:00Z'];

/** The command with its stdout on /dev/full: every write fails with ENOSPC. */
function runIntoFull(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

beforeAll(async () => void (await ensureCliBuilt()), 120_000);

describe.runIf(existsSync('/dev/full'))('standard output that cannot be written', () => {
  it('a valid badge whose report was lost: exit 2, said on stderr (it was exit 0)', { timeout: 60_000 }, async () => {
    for (const extra of [['--json'], []]) {
      const r = await runIntoFull([GOOD, '--offline', ...NOW, ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^lanyard: could not write the report to standard output: .*ENOSPC/m);
    }
  });

  it('--version and --help too: nothing written is not a success', { timeout: 60_000 }, async () => {
    for (const flag of ['--version', '--help']) {
      const r = await runIntoFull([flag]);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain('could not write');
    }
  });
});
