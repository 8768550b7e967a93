#!/usr/bin/env node
// `npm run package`: builds (scripts/build.mjs), then writes what the stores take:
//   dist/lanyard-<version>-chrome.zip   dist/chrome, for the Chrome Web Store
//   dist/lanyard-<version>-firefox.zip  dist/firefox, for addons.mozilla.org
//   dist/lanyard-<version>-source.zip   the committed source tree (HEAD, as `git archive` sees it:
//                                       no node_modules, no dist) for the add-ons review; it holds
//                                       SOURCE-BUILD.md, which says how to rebuild the packages
// <version> is package.json's; both manifests must carry it (vite.config.ts sets it from there).
// Every entry has one time (SOURCE_DATE_EPOCH, else HEAD's commit time): one commit, one set of bytes.
//   --no-build  package the dist/ already built
//   --check     build and package twice and fail unless the three zips are byte-identical
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from './zip.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every file under dir as a zip entry named by its path relative to dir ('/'-separated). */
export function dirEntries(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out.push({ name: relative(dir, full).split(sep).join('/'), data: readFileSync(full), executable: (st.mode & 0o111) !== 0 });
      else throw new Error(`package: ${full} is neither a file nor a directory`);
    }
  };
  walk(dir);
  return out;
}

const git = (cwd, args, encoding = 'utf8') => execFileSync('git', args, { cwd, encoding, maxBuffer: 1 << 30 });

/** The files of a commit (default HEAD) as zip entries, read from git's objects, not the work tree. */
export function gitEntries(repo, commit = 'HEAD') {
  const listed = git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]).split('\0').filter(Boolean);
  const files = listed.map((line) => {
    const [meta, path] = line.split('\t');
    const [mode, type, oid] = meta.split(' ');
    if (type !== 'blob') throw new Error(`package: ${path} is a ${type} in git (submodules are not packaged)`);
    if (mode === '120000') throw new Error(`package: ${path} is a symbolic link`);
    return { path, oid, executable: mode === '100755' };
  });
  // One `git cat-file --batch` for every blob: "<oid> blob <size>\n<bytes>\n" each.
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: repo, input: files.map((f) => f.oid).join('\n') + '\n', maxBuffer: 1 << 30 });
  let at = 0;
  return files.map((f) => {
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, eol).toString('latin1').split(' ')[2]);
    const data = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    return { name: f.path, data, executable: f.executable };
  });
}

/** SOURCE_DATE_EPOCH when set, else the commit's time: the one timestamp of every entry. */
export function sourceDateEpoch(repo, commit = 'HEAD') {
  const env = process.env.SOURCE_DATE_EPOCH;
  if (env && /^\d+$/.test(env)) return Number(env);
  return Number(git(repo, ['log', '-1', '--format=%ct', commit]).trim());
}

function build() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

/** Writes the three zips into outDir (default dist/); returns { file name: sha256 }. */
export function packageAll(root = ROOT, outDir = join(root, 'dist')) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const browser of ['chrome', 'firefox']) {
    const manifest = JSON.parse(readFileSync(join(root, 'dist', browser, 'manifest.json'), 'utf8'));
    if (manifest.version !== version) throw new Error(`package: dist/${browser}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild`);
  }
  const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']).trim();
  if (dirty) console.error(`package: warning: uncommitted changes; the source zip holds HEAD, the browser zips the work tree:\n${dirty}`);
  const mtime = sourceDateEpoch(root);
  const zips = {
    [`lanyard-${version}-chrome.zip`]: dirEntries(join(root, 'dist/chrome')),
    [`lanyard-${version}-firefox.zip`]: dirEntries(join(root, 'dist/firefox')),
    [`lanyard-${version}-source.zip`]: gitEntries(root),
  };
  const hashes = {};
  for (const [file, entries] of Object.entries(zips)) {
    const bytes = createZip(entries, { mtime });
    writeFileSync(join(outDir, file), bytes);
    hashes[file] = createHash('sha256').update(bytes).digest('hex');
    console.log(`package: ${relative(root, join(outDir, file))}  ${entries.length} files, ${(bytes.length / 1024).toFixed(0)} KB, sha256 ${hashes[file]}`);
  }
  return hashes;
}

function main() {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) build();
  const first = packageAll();
  if (!args.includes('--check')) return;
  console.log('package: --check: building and packaging again');
  build();
  const second = packageAll();
  const differ = Object.keys(first).filter((f) => first[f] !== second[f]);
  if (differ.length) {
    console.error(`package: NOT reproducible: ${differ.join(', ')} differ between two builds`);
    process.exit(1);
  }
  console.log('package: reproducible: two builds gave byte-identical zips');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
