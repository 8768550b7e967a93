/**
 * `lanyard <file | dir | url>... [--recipient E]... [--now T] [--map PREFIX=DIR]... [--offline] [--json]`
 * Every input is verified in order through one engine (src/cli/engine.ts); one report per input on
 * stdout, a summary on stderr. Exit 0 all valid, 1 any not valid, 2 bad usage or an unreadable input.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { parseArgs, USAGE, UsageError } from './args.ts';
import { createEngine } from './engine.ts';
import { createMapFetch } from './map-fetch.ts';
import { summary, toJson, toText, type Tally } from './report.ts';
import { escapeForTerminal } from './terminal.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** One thing to verify: a URL, a file, or a name that could not be read. */
type Item = { source: string; url: string } | { source: string; file: string } | { source: string; error: string };

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** The files under `dir`, depth first, each directory's entries in name order; hidden entries and symbolic links to directories are left out. */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink() && (await stat(p).catch(() => undefined))?.isFile()) out.push(p);
  }
  return out;
}

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The command line's inputs as items, directories expanded in place. */
async function expand(inputs: readonly string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      items.push({ source: input, url: input });
      continue;
    }
    const s = await stat(input).catch((e: unknown) => e as Error);
    if (s instanceof Error) items.push({ source: input, error: code(s) });
    else if (!s.isDirectory()) items.push({ source: input, file: input });
    else {
      const files = await walk(input).catch((e: unknown) => e as Error);
      if (files instanceof Error) items.push({ source: input, error: code(files) });
      else if (files.length === 0) items.push({ source: input, error: 'the directory holds no files' });
      else for (const f of files) items.push({ source: f, file: f });
    }
  }
  return items;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // `lanyard dir | head`: a reader that stops early ends the run quietly, not with an EPIPE trace.
  if (io === processIo) process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 1) : undefined));
  let args;
  try {
    args = parseArgs(argv, () => new Date());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`lanyard: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.info === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (args.info === 'version') {
    io.out(`lanyard ${pkg.version}\n`);
    return 0;
  }
  const fetch = createMapFetch(args.maps, { offline: args.offline, timeoutMs: 5000 });
  const engine = createEngine({ fetch, now: args.now, identities: args.recipients });
  const tally: Tally = { valid: 0, invalid: 0, indeterminate: 0, unreadable: 0 };
  let first = true;
  for (const item of await expand(args.inputs)) {
    let input: Uint8Array | string;
    try {
      if ('error' in item) throw Object.assign(new Error(item.error), { code: item.error });
      input = 'url' in item ? item.url : new Uint8Array(await readFile(item.file));
    } catch (e) {
      tally.unreadable++;
      io.err(`lanyard: cannot read ${escapeForTerminal(item.source)}: ${escapeForTerminal(code(e))}\n`);
      if (args.json) io.out(`${JSON.stringify({ source: item.source, error: `cannot read: ${code(e)}` })}\n`);
      continue;
    }
    const result = await engine.verify(input);
    tally[result.verdict]++;
    io.out(args.json ? `${toJson(result, item.source)}\n` : `${first ? '' : '\n'}${toText(result, item.source)}\n`);
    first = false;
  }
  io.err(`${summary(tally)}\n`);
  if (tally.unreadable) return 2;
  return tally.invalid || tally.indeterminate ? 1 : 0;
}
