/**
 * `lanyard <file | dir | url | ->... [--recipient E]... [--now T] [--map PREFIX=DIR]... [--offline] [--json] [--lang TAG]`
 * Every input is verified in order through one engine (src/cli/engine.ts); one report per input on
 * stdout, a summary on stderr. Exit 0 all valid, 1 any not valid, 2 bad usage or an unreadable input
 * (DESIGN.md "The command line"). A user's mistake is a message, never a stack trace.
 */
import { stat } from 'node:fs/promises';
import pkg from '../../package.json' with { type: 'json' };
import { EXIT, parseArgs, USAGE, UsageError, wantsJson, type CliArgs } from './args.ts';
import { createEngine } from './engine.ts';
import { expand, failure, processStdin, readFileBounded, readStdin, type ReadFailure } from './inputs.ts';
import { createMapFetch } from './map-fetch.ts';
import { jsonLine, summary, toJson, toText, type Tally } from './report.ts';
import { escapeForTerminal as esc } from './terminal.ts';
import { envLanguages } from './locale.ts';
import { fitToWidth } from './fit-width.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** What `-` reads (default: the process's standard input). */
  stdin?: AsyncIterable<Uint8Array>;
  /** The environment the report's language is read from (default: the process's; locale.ts). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The terminal's width when stdout is one: the human report's lines are cut to it (fit-width.ts). */
  columns?: number;
  /** The terminal's width when stderr is one: messages quoting an input are cut to it, as the report is. */
  errColumns?: number;
  /** Once what out() wrote has gone: the error that kept any of it from going, if one did. */
  written?(): Promise<Error | undefined>;
}

/**
 * The first failed write to stdout (ENOSPC, EIO…): the report was lost, so the run did not succeed.
 * Not EPIPE: the reader closed the pipe (`| head`), and the 'error' handler in run() ends quietly.
 */
let lostWrite: Error | undefined;
const processIo: Io = {
  out: (t) => void process.stdout.write(t, (e) => void (lostWrite ??= (e as NodeJS.ErrnoException | null)?.code === 'EPIPE' ? undefined : (e ?? undefined))),
  written: () => new Promise((resolve) => process.stdout.write('', () => resolve(lostWrite))),
  err: (t) => void process.stderr.write(t),
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
  get errColumns() {
    return process.stderr.isTTY ? process.stderr.columns : undefined;
  },
};

/** Per fetch, and per input: past VERIFY_DEADLINE_MS what still needs a fetch is indeterminate, as in the extension (background/services/verifier.ts). */
const FETCH_TIMEOUT_MS = 5000;
const VERIFY_DEADLINE_MS = 15_000;

/**
 * Bad usage: the message and the usage on stderr; with --json, also one JSON object on stdout. The
 * message quotes what was typed, often a file name a glob expanded (`lanyard *`): escaped like badge text.
 */
/**
 * A message on stderr quoting an input (a file name, an option typed): the attacker's text too, cut to
 * a terminal's width as the report is (fit-width.ts), so a name padded to the edge cannot begin a row.
 */
const quote = (io: Io, line: string): void => io.err(`${fitToWidth(line, io.errColumns)}\n`);

function usageError(io: Io, message: string, json: boolean): number {
  quote(io, `lanyard: ${esc(message)}`);
  io.err(`${USAGE.split('\n')[0]}\nRun lanyard --help for more.\n`);
  if (json) io.out(jsonLine({ error: `usage: ${message}`, code: 'usage' }));
  return EXIT.usageOrUnreadable;
}

/** Each --map DIR must be a directory: a typo would otherwise answer 404 for every mapped URL. */
async function checkMaps(args: CliArgs): Promise<string | null> {
  for (const m of args.maps) {
    const s = await stat(m.dir).catch(() => null);
    if (!s?.isDirectory()) return `--map ${m.prefix}=${m.dir}: ${m.dir} is not a directory`;
  }
  return null;
}

/**
 * The run, then whether its reports reached stdout: `lanyard dir --json > out.jsonl` on a full disk
 * wrote nothing and exited 0, which a script reads as "every input valid". A lost report is said on
 * stderr and exits 2, as an input that could not be read does (a closed pipe, `| head`, stays quiet).
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const code = await run(argv, io);
  const lost = await io.written?.();
  if (!lost) return code;
  io.err(`lanyard: could not write the report to standard output: ${esc(lost.message)}\n`);
  return EXIT.usageOrUnreadable;
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  // `lanyard dir | head`: a reader that stops early ends the run quietly, not with an EPIPE trace.
  if (io === processIo) process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 1) : undefined));
  const json = wantsJson(argv);
  let args;
  try {
    args = parseArgs(argv, () => new Date());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError(io, e.message, json);
  }
  if (args.info === 'help') {
    // Under --json stdout holds JSON lines only, the help too (as --version).
    io.out(args.json ? jsonLine({ usage: USAGE }) : `${USAGE}\n`);
    return EXIT.valid;
  }
  if (args.info === 'version') {
    io.out(args.json ? jsonLine({ name: 'lanyard', version: pkg.version }) : `lanyard ${pkg.version}\n`);
    return EXIT.valid;
  }
  const mapProblem = await checkMaps(args);
  if (mapProblem) return usageError(io, mapProblem, json);
  // The sites of the URLs the user gave are theirs to reach, even on a private network (network-fetch.ts).
  const allowOrigins = args.inputs.flatMap((i) => (/^https?:\/\//i.test(i) && URL.canParse(i) ? [new URL(i).origin] : []));
  const fetch = createMapFetch(args.maps, { offline: args.offline, timeoutMs: FETCH_TIMEOUT_MS, allowOrigins });
  const engine = createEngine({ fetch, now: args.now, identities: args.recipients });
  const tally: Tally = { valid: 0, invalid: 0, indeterminate: 0, unreadable: 0 };
  // The badge's words in the reader's language when it gives several (--lang, else the locale's).
  const languages = args.lang ? [args.lang] : envLanguages(io.env ?? process.env);
  let first = true;
  const unreadable = (source: string, f: ReadFailure): void => {
    tally.unreadable++;
    quote(io, `lanyard: cannot read ${esc(source)}: ${esc(f.message)}`);
    if (args.json) io.out(jsonLine({ source, error: `cannot read: ${f.message}`, code: f.code }));
  };
  for (const item of await expand(args.inputs)) {
    let input: Uint8Array | string;
    try {
      if ('error' in item) throw item.error;
      if ('stdin' in item && !io.stdin && process.stdin.isTTY) io.err('lanyard: reading the badge from standard input (end it with Ctrl-D)\n');
      input = 'url' in item ? item.url : 'text' in item ? item.text : 'stdin' in item ? await readStdin(io.stdin ?? processStdin()) : await readFileBounded(item.file);
    } catch (e) {
      unreadable(item.source, 'error' in item ? item.error : failure(e));
      continue;
    }
    // Under --offline every fetch is a local file or fails at once: no deadline (an AbortController is ~1 ms of start-up).
    const deadline = args.offline ? undefined : new AbortController();
    const timer = deadline && setTimeout(() => deadline.abort(new DOMException('signal timed out', 'TimeoutError')), VERIFY_DEADLINE_MS);
    try {
      const result = await engine.verify(input, deadline?.signal);
      tally[result.verdict]++;
      io.out(args.json ? `${toJson(result, item.source)}\n` : `${first ? '' : '\n'}${fitToWidth(toText(result, item.source, args.recipients, languages), io.columns)}\n`);
      first = false;
    } catch (e) {
      // The engine throws only on a bug of its own: say so, never call the input valid.
      tally.indeterminate++;
      const why = (e as Error)?.message ?? String(e);
      quote(io, `lanyard: internal error while verifying ${esc(item.source)}: ${esc(why)} (please report it)`);
      if (args.json) io.out(jsonLine({ source: item.source, error: `internal error: ${why}`, code: 'internal' }));
    } finally {
      clearTimeout(timer);
    }
  }
  io.err(`${summary(tally)}\n`);
  if (tally.unreadable) return EXIT.usageOrUnreadable;
  return tally.invalid || tally.indeterminate ? EXIT.notValid : EXIT.valid;
}
