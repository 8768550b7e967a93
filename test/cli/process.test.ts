/**
 * `node bin/lanyard.mjs` as a shell runs it: a badge piped into `-`, a file the user may not read
 * (run as `nobody` when the tests run as root, who reads everything), `| head` closing the pipe
 * early, and stdout under --json holding nothing but one JSON object per line whatever goes wrong;
 * never a stack trace for a user's mistake.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, no types
import { ensureCliBuilt } from '../../scripts/cli-build.mjs';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lanyard.mjs');
const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const TAMPERED = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json');
const NOW = ['--now', '2026-11-26T00:00:00Z'];
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const root = process.getuid?.() === 0;

interface Run { code: number | null; stdout: string; stderr: string }
function run(args: string[], opts: { input?: Uint8Array; uid?: number; shell?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = opts.shell
      ? spawn('sh', ['-c', opts.shell], { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(opts.input ?? new Uint8Array());
    child.on('error', (e) => resolve({ code: null, stdout, stderr: `could not start: ${e.message}` }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-process-'));

/** `lanyard x.json` from a broken install: bin/ copied into a fresh folder named `prefix…`, no bundle beside it. */
function runBroken(prefix: string): Promise<Run> {
  const broken = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(broken, 'bin'));
  copyFileSync(BIN, path.join(broken, 'bin/lanyard.mjs'));
  return run([], { shell: `"${process.execPath}" "${path.join(broken, 'bin/lanyard.mjs')}" x.json` });
}
// Spawned as `nobody`, the command cannot rebuild a stale bundle: build it first.
beforeAll(async () => void (await ensureCliBuilt()), 120_000);

describe('lanyard in a shell', () => {
  it('verifies a badge piped into -', { timeout: 60_000 }, async () => {
    const r = await run(['-', '--json', '--offline', ...NOW], { input: new Uint8Array(readFileSync(GOOD)) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: '-', verdict: 'valid' });
  });

  it('says "it is a directory" for standard input redirected from a directory (it was read as an empty, invalid badge): exit 2', { timeout: 60_000 }, async () => {
    const r = await run([], { shell: `"${process.execPath}" "${BIN}" - --json < "${dir}"` });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ source: '-', error: 'cannot read: it is a directory', code: 'EISDIR' });
    expect(r.stderr).toContain('lanyard: cannot read -: it is a directory');
  });

  it('says "permission denied" for a file it may not read: exit 2, no stack trace', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'secret.json');
    writeFileSync(file, readFileSync(GOOD));
    chmodSync(file, 0o000);
    if (root) chownSync(file, 0, 0);
    chmodSync(dir, 0o755);
    const r = await run([file, '--offline'], root ? { uid: 65534 } : {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lanyard: cannot read ${file}: permission denied`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });

  it('under --json writes only JSON lines on stdout, whatever the inputs; the summary goes to stderr', { timeout: 60_000 }, async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"@context": ');
    const r = await run([GOOD, path.join(dir, 'missing.png'), broken, TAMPERED, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out.map((l) => JSON.parse(l) as { verdict?: string; code?: string }).map((o) => o.verdict ?? o.code)).toEqual(['valid', 'ENOENT', 'invalid', 'invalid']);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('lanyard: 4 inputs: 1 valid, 2 invalid, 0 indeterminate, 1 unreadable');
  });

  it('never prints a stack trace for a mistake on the command line', { timeout: 120_000 }, async () => {
    for (const args of [['--now', '1', GOOD], ['--json=false', GOOD], ['--map', 'https://x.test/=/nonexistent', GOOD], ['-', '-'], [path.join(dir, 'nope'), '--json'], [mkdtempSync(path.join(tmpdir(), 'lanyard-empty-'))]]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(STACK);
      expect(r.stderr).toMatch(/^lanyard: /);
    }
  });

  it('says "internal error" in one line, not a stack trace, when the install is broken (no bundle beside bin/)', { timeout: 60_000 }, async () => {
    const r = await runBroken('lanyard-broken-');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lanyard: internal error: .*dist\/cli\/lanyard\.mjs.* \(LANYARD_DEBUG=1 shows where\)\n$/);
  });

  it('shows the controls of a path quoted in an internal error, never writes them raw', { timeout: 60_000 }, async () => {
    const r = await runBroken('lanyard-\u001b]0;pwned\u0007\u009b2J-');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lanyard-\\u001B]0;pwned\\u0007\\u009B2J-');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('stops quietly when the reader closes the pipe early (| head -1)', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 40 }, () => JSON.stringify(GOOD)).join(' ');
    const r = await run([], { shell: `"${process.execPath}" "${BIN}" ${many} --offline ${NOW.join(' ')} | head -1` });
    expect(r.stdout).toBe('VALID  Teamwork  [ob3.0-data-integrity]\n');
    expect(r.stderr).not.toMatch(/EPIPE/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
