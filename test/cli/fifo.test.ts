/**
 * A named pipe given as a file (`mkfifo f; lanyard f`): opening one blocks until a writer comes, in
 * a thread Node cannot cancel, so a pipe nobody writes to hung the run forever, every input after it
 * unverified and the process unable to exit. It is now opened without blocking and read within a
 * bound of time: a writer that comes is read whole, none is an unreadable input (READ_TIMEOUT).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, constants, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBounded } from '../../src/cli/inputs.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-fifo-'));
const fifo = (name: string): string => {
  const p = path.join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
};
const made: string[] = [];

// Were a reader still blocked in open() (the bug), a writer opening without blocking lets it go.
afterAll(() => {
  for (const p of made) {
    try {
      closeSync(openSync(p, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader left: nothing to release
    }
  }
});

describe('a named pipe as an input', () => {
  it('nobody writes to it: unreadable after the bound, READ_TIMEOUT, not a hang', { timeout: 5000 }, async () => {
    const p = fifo('none');
    made.push(p);
    const started = Date.now();
    await expect(readFileBounded(p, 1024, 300)).rejects.toMatchObject({ code: 'READ_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a writer that comes later is read whole, as a file is', { timeout: 5000 }, async () => {
    const p = fifo('later');
    made.push(p);
    const writer = spawn('sh', ['-c', `sleep 0.3; cat "${GOOD}" > "${p}"`], { stdio: 'ignore' });
    const bytes = await readFileBounded(p, 8 << 20, 3000);
    writer.kill();
    expect(Buffer.from(bytes).equals(readFileSync(GOOD))).toBe(true);
  });

  it('a writer that sends too much: TOO_LARGE, memory bounded', { timeout: 5000 }, async () => {
    const p = fifo('big');
    made.push(p);
    const writer = spawn('sh', ['-c', `head -c 100000 /dev/zero > "${p}"`], { stdio: 'ignore' });
    await expect(readFileBounded(p, 4096, 3000)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    writer.kill();
  });

  it('a writer that never ends: READ_TIMEOUT', { timeout: 5000 }, async () => {
    const p = fifo('slow');
    made.push(p);
    const writer = spawn('sh', ['-c', `exec 3>"${p}"; printf '{' >&3; sleep 4`], { stdio: 'ignore' });
    await expect(readFileBounded(p, 4096, 500)).rejects.toMatchObject({ code: 'READ_TIMEOUT' });
    writer.kill();
  });
});
