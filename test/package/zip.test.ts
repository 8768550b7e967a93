/**
 * scripts/zip.mjs and the source listing of scripts/package.mjs: the same files always give the same
 * bytes (order, times and permissions fixed), and what they give is a ZIP other tools read back
 * exactly (Info-ZIP's unzip checks every CRC).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript build scripts, no types
import { createZip, dosDateTime } from '../../scripts/zip.mjs';
// @ts-expect-error: plain JavaScript build scripts, no types
import { dirEntries, gitEntries, sourceDateEpoch } from '../../scripts/package.mjs';

type Entry = { name: string; data: Uint8Array; executable?: boolean };
const zip = createZip as (e: Entry[], o?: { mtime?: number }) => Buffer;
const tmp = mkdtempSync(path.join(tmpdir(), 'lanyard-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = (s: string) => new TextEncoder().encode(s);
const ENTRIES: Entry[] = [
  { name: 'manifest.json', data: text('{"manifest_version":3}'.repeat(20)) },
  { name: 'assets/é-ünïcode.js', data: text('console.log(1)\n') },
  { name: 'run.sh', data: text('#!/bin/sh\necho hi\n'), executable: true },
  { name: 'icons/empty.png', data: new Uint8Array(0) },
  { name: 'random.bin', data: new Uint8Array(randomBytes(4096)) },
];

/** unzip needs a file it can seek in. */
function saved(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmp, 'z-')), 'a.zip');
  writeFileSync(file, bytes);
  return file;
}
function unpack(file: string): string {
  const out = path.join(path.dirname(file), 'x');
  execFileSync('unzip', ['-q', file, '-d', out]);
  return out;
}

describe('createZip', () => {
  it('gives the same bytes for the same files in any order', () => {
    const a = zip(ENTRIES, { mtime: 1_764_806_400 });
    const b = zip([...ENTRIES].reverse(), { mtime: 1_764_806_400 });
    expect(b.equals(a)).toBe(true);
    expect(zip(ENTRIES, { mtime: 1_764_806_402 }).equals(a)).toBe(false);
  });

  it('is read back exactly by unzip: names, contents, permissions, one time', () => {
    const bytes = zip(ENTRIES, { mtime: Date.UTC(2025, 11, 4, 10, 30, 8) / 1000 });
    const file = saved(bytes);
    execFileSync('unzip', ['-tq', file]); // throws on a CRC or format error
    const out = unpack(file);
    for (const e of ENTRIES) expect(new Uint8Array(readFileSync(path.join(out, e.name)))).toEqual(e.data);
    const listing = execFileSync('zipinfo', ['-T', file], { encoding: 'utf8' }).split('\n').filter((l) => / (stor|defN) /.test(l));
    expect(listing.map((l) => l.split(/\s+/)[0]).sort()).toEqual(['-rw-r--r--', '-rw-r--r--', '-rw-r--r--', '-rw-r--r--', '-rwxr-xr-x']);
    expect(new Set(listing.map((l) => l.split(/\s+/)[6]))).toEqual(new Set(['20251204.103008']));
    // sorted by name in the archive itself
    const names = listing.map((l) => l.split(/\s+/).slice(7).join(' '));
    expect(names).toEqual([...names].sort());
  });

  it('deflates what shrinks and stores what does not', () => {
    const listing = execFileSync('zipinfo', [saved(zip(ENTRIES))], { encoding: 'utf8' });
    expect(listing).toMatch(/defN .*manifest\.json/);
    expect(listing).toMatch(/stor .*random\.bin/);
  });

  it('refuses names that would escape the folder or repeat', () => {
    for (const name of ['../x', '/etc/passwd', 'a/../../b', 'dir/']) expect(() => zip([{ name, data: text('x') }])).toThrow(/bad entry name/);
    expect(() => zip([{ name: 'a', data: text('1') }, { name: 'a', data: text('2') }])).toThrow(/twice/);
  });

  it('clamps times before 1980 to the first DOS date', () => {
    expect(dosDateTime(0)).toEqual({ time: 0, date: (1 << 5) | 1 });
  });
});

describe('package sources', () => {
  it('lists a directory with /-separated names and executable bits', () => {
    const dir = path.join(tmp, 'dist');
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'a/b/c.js'), 'c');
    writeFileSync(path.join(dir, 'x.sh'), 'x', { mode: 0o755 });
    const entries = (dirEntries(dir) as Entry[]).map((e) => [e.name, e.executable]).sort();
    expect(entries).toEqual([['a/b/c.js', false], ['x.sh', true]]);
  });

  it('takes the source from the commit: tracked files only, their git modes, the commit time', () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'src'), { recursive: true });
    const g = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
    g('init', '-q');
    writeFileSync(path.join(repo, 'src/a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(repo, 'build.sh'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(path.join(repo, '.gitignore'), 'dist/\n');
    mkdirSync(path.join(repo, 'dist'));
    writeFileSync(path.join(repo, 'dist/out.js'), 'built');
    g('add', '.');
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'one'], { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: '2025-06-01T12:00:00Z', GIT_AUTHOR_DATE: '2025-06-01T12:00:00Z' } });
    writeFileSync(path.join(repo, 'src/a.ts'), 'export const a = 2; // not committed\n');
    writeFileSync(path.join(repo, 'untracked.txt'), 'no');
    const entries = (gitEntries(repo) as Entry[]).map((e) => [e.name, new TextDecoder().decode(e.data), e.executable]);
    expect(entries.sort()).toEqual([['.gitignore', 'dist/\n', false], ['build.sh', '#!/bin/sh\n', true], ['src/a.ts', 'export const a = 1;\n', false]]);
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      expect(sourceDateEpoch(repo)).toBe(Date.UTC(2025, 5, 1, 12) / 1000);
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      expect(sourceDateEpoch(repo)).toBe(1_700_000_000);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
