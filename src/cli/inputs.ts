/**
 * The command line's inputs: URLs, files, directories (expanded in place) and `-` (standard input),
 * each read with a bound, so that `/dev/zero`, a named pipe or a 10 GB file ends in a clear
 * "cannot read" and not in exhausted memory. The bound is the engine's own for a fetched document
 * (MAX_DOCUMENT_BYTES, 8 MiB: a baked image is the largest thing fetched), which is also the
 * extension's import limit (src/messaging/validate.ts MAX_IMPORT_BYTES).
 */
import { constants, fstatSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../core/verify/fetch-once.ts';
import { isHttpUrl } from '../core/input/classify.ts';

export const MAX_INPUT_BYTES = MAX_DOCUMENT_BYTES;

/**
 * How long a named pipe or a device given as a file may take to give its whole input: as long as an
 * input URL (src/cli/main.ts VERIFY_DEADLINE_MS). Standard input (`-`) has no bound: a person may be typing.
 */
export const SPECIAL_READ_MS = 15_000;
/** How often a pipe with nothing to read is asked again. */
const POLL_MS = 20;

/** One thing to verify: a URL, a data: URL's text, a file, standard input, or a name that could not be read. */
export type Item = { source: string; url: string } | { source: string; text: string } | { source: string; file: string | Buffer } | { source: string; stdin: true } | { source: string; error: ReadFailure };

/** Why an input could not be read: a stable code (Node's errno name, or TOO_LARGE / EMPTY_DIR) and words for people. */
export interface ReadFailure {
  code: string;
  message: string;
}

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENXIO: 'no such device',
  EINVAL: 'invalid argument',
  EMPTY_DIR: 'the directory holds no files',
  TOO_LARGE: `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most Lanyard reads`,
  READ_TIMEOUT: `no complete input within ${SPECIAL_READ_MS / 1000} s (a named pipe or device nobody wrote to?)`,
  UNSUPPORTED_URL: 'only http:// and https:// URLs are fetched (give a file by its path)',
  BAD_URL: 'not a URL Lanyard can fetch (a space, no host name, a bracket left open?)',
  URL_CREDENTIALS: 'a URL with a user name or password is not fetched (RFC 9110 \u00a74.2.4; the extension refuses it too)',
};

/** A Node error as a ReadFailure: never a stack trace, always the code. */
export function failure(e: unknown): ReadFailure {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EREAD';
  return { code, message: WORDS[code] ?? ((e as Error)?.message || String(e)) };
}

class TooLarge extends Error {
  code = 'TOO_LARGE';
}

/** The bytes of a stream, or TooLarge past `max` (the stream is then left, not drained). */
async function readBounded(chunks: AsyncIterable<Uint8Array>, max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size > max) throw new TooLarge();
    parts.push(c);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/**
 * A file's bytes, at most MAX_INPUT_BYTES: its declared size first, then what it really yields (a
 * device or pipe declares 0, a file may grow). Plain reads into one buffer, no stream: a stream
 * costs start-up time (bench/cli.ts) for nothing here.
 *
 * Opened without blocking (O_NONBLOCK, which a regular file ignores): opening a named pipe blocks
 * until a writer comes, in a thread Node cannot cancel, so `lanyard fifo` hung forever and could not
 * even exit. A pipe or device is read within `waitMs` (READ_TIMEOUT past it); a pipe that answers
 * "end" before any writer came (POSIX read(): 0 when no process has it open for writing) is waited for.
 */
export async function readFileBounded(file: string | Buffer, max = MAX_INPUT_BYTES, waitMs = SPECIAL_READ_MS): Promise<Uint8Array> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.size > max) throw new TooLarge();
    const special = !st.isFile();
    const until = Date.now() + waitMs;
    let writer = false;
    let buf = new Uint8Array(Math.min(max + 1, Math.max(st.size + 1, 64 * 1024)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        const bigger = new Uint8Array(Math.min(max + 1, buf.length * 2));
        bigger.set(buf);
        buf = bigger;
      }
      const bytesRead = await fh.read(buf, n, buf.length - n, null).then(
        (r) => r.bytesRead,
        (e: NodeJS.ErrnoException) => (e.code === 'EAGAIN' || e.code === 'EWOULDBLOCK' ? -1 : Promise.reject(e)),
      );
      if (bytesRead > 0) {
        writer = true;
        n += bytesRead;
        if (n > max) throw new TooLarge();
        continue;
      }
      // -1: a writer is there, nothing to read yet. 0: the end, unless a pipe has had no writer yet.
      if (bytesRead === 0 && (writer || !st.isFIFO())) return buf.subarray(0, n);
      writer ||= bytesRead === -1;
      if (!special || Date.now() >= until) throw Object.assign(new Error('read timeout'), { code: 'READ_TIMEOUT' });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * The process's standard input, refused when it is a directory: `lanyard - < dir` read nothing,
 * without an error, and reported an empty input as an invalid badge instead of an unreadable one.
 */
export function processStdin(fd = 0): AsyncIterable<Uint8Array> {
  if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  return process.stdin;
}

/** Standard input's bytes, at most MAX_INPUT_BYTES. */
export const readStdin = (stdin: AsyncIterable<Uint8Array>, max = MAX_INPUT_BYTES): Promise<Uint8Array> => readBounded(stdin, max);

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
/** `data:[<mediatype>][;base64],<data>`: a data: URL, never a file's name (one with a comma after `data:` is improbable). */
const isDataUrl = (s: string): boolean => /^data:[^,]*,/i.test(s);
/** file://, ftp://, data://…: looks like a URL, is not one Lanyard fetches (and no file is named so). */
const isOtherUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * A path as its bytes, held in a latin1 string (one character a byte) so that path.join works on it:
 * a name that is not UTF-8 (`x\xff.json`) read as a string was turned into U+FFFD and could not be
 * opened again ("no such file or directory" for a file that is there). The bytes open the file; the
 * source shown is their UTF-8 reading.
 */
const asBytes = (p: string): string => Buffer.from(p, 'utf8').toString('latin1');
const bytesOf = (b: string): Buffer => Buffer.from(b, 'latin1');

/** A file found under a directory (its path's bytes as latin1), or an entry that could not be read. */
type Found = string | { at: string; error: ReadFailure };

/**
 * The files under `dir` (bytes as latin1), depth first, each directory's entries in name order (bytes); hidden entries and symbolic links to directories are left out.
 * A subdirectory that cannot be read is one unreadable entry in its place: it made the whole input unreadable, the readable files beside it unverified.
 * So is a symbolic link that leads nowhere: it was left out, and the run said every input valid.
 */
async function walk(dir: string): Promise<Found[]> {
  const entries = (await readdir(bytesOf(dir), { withFileTypes: true, encoding: 'buffer' })).filter((e) => e.name[0] !== 0x2e);
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  const out: Found[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name.toString('latin1'));
    if (e.isDirectory()) out.push(...(await walk(p).catch((err: unknown) => [{ at: p, error: failure(err) }])));
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink()) {
      const target = await stat(bytesOf(p)).catch((err: unknown) => err as Error);
      if (target instanceof Error) out.push({ at: p, error: failure(target) });
      else if (target.isFile()) out.push(p);
    }
  }
  return out;
}

/** A missing "file" that is an e-mail address or a URL without its scheme: say what was probably meant. */
function withHint(input: string, f: ReadFailure): ReadFailure {
  if (f.code !== 'ENOENT') return f;
  if (/^[^/\s@]+@[^/\s@]+\.[^/\s@]+$/.test(input)) return { ...f, message: `${f.message} (to check whom badges were issued to: --recipient ${input})` };
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}(?::\d+)?\//i.test(input)) return { ...f, message: `${f.message} (a URL needs its scheme: https://${input})` };
  return f;
}

/** The command line's inputs as items, directories expanded in place. */
export async function expand(inputs: readonly string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const input of inputs) {
    if (input === '-') {
      items.push({ source: '-', stdin: true });
      continue;
    }
    // A data: URL (RFC 2397) is the credential it holds, read by the engine as pasted text is
    // (src/core/input/data-input.ts): nothing is fetched or opened for it.
    if (isDataUrl(input)) {
      items.push({ source: input, text: input });
      continue;
    }
    if (isUrl(input)) {
      // A URL the engine cannot read as one (core/input/classify.ts isHttpUrl: a space, no host) was
      // read as the badge's text, and so an INVALID badge, when no badge had been read at all.
      // The URL as given too: trim() drops a trailing U+00A0 or U+2028 that the URL parser keeps, and a host cannot hold.
      if (!isHttpUrl(input.trim()) || !URL.canParse(input)) {
        items.push({ source: input, error: failure({ code: 'BAD_URL' }) });
        continue;
      }
      // `https://user:pass@host/…`: Node's fetch refuses it, which read as an indeterminate badge.
      const u = new URL(input);
      items.push(u.username || u.password ? { source: input, error: failure({ code: 'URL_CREDENTIALS' }) } : { source: input, url: input });
      continue;
    }
    if (isOtherUrl(input)) {
      items.push({ source: input, error: failure({ code: 'UNSUPPORTED_URL' }) });
      continue;
    }
    const s = await stat(input).catch((e: unknown) => e as Error);
    if (s instanceof Error) items.push({ source: input, error: withHint(input, failure(s)) });
    else if (!s.isDirectory()) items.push({ source: input, file: input });
    else {
      const files = await walk(asBytes(input)).catch((e: unknown) => e as Error);
      if (files instanceof Error) items.push({ source: input, error: failure(files) });
      else if (files.length === 0) items.push({ source: input, error: failure({ code: 'EMPTY_DIR' }) });
      else for (const f of files) items.push(typeof f === 'string' ? { source: bytesOf(f).toString('utf8'), file: bytesOf(f) } : { source: bytesOf(f.at).toString('utf8'), error: f.error });
    }
  }
  return items;
}
