/**
 * The CLI's fetch: `--map PREFIX=DIR` serves URLs under PREFIX from local files (URL minus #fragment
 * and ?query; the rest after the prefix is a path under DIR, tried as is, then with `.json`);
 * a mapped URL with no such file answers 404. `--offline`: every other URL is unreachable at once.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Fetch } from '../core/verify/context.ts';
import { MAX_DOCUMENT_BYTES } from '../core/verify/fetch-once.ts';
import { networkFetch, type NetworkOptions } from './network-fetch.ts';

const TYPES: Record<string, string> = { '.json': 'application/json', '.jsonld': 'application/ld+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.jwt': 'text/plain', '.jws': 'text/plain' };

/** Thrown for a mapped file over MAX_DOCUMENT_BYTES: the fetch fails with the reason, as a network answer that large does. */
class MappedTooLarge extends Error {}

/**
 * The file's bytes if it is a regular file whose real path (symbolic links followed) is inside `realRoot`;
 * one larger than a fetched document may be (MAX_DOCUMENT_BYTES) is refused by its size, unread: it was
 * read whole into memory, and one past 2 GiB failed to read and answered 404.
 */
async function readIfFileUnder(file: string, realRoot: string): Promise<Buffer | null> {
  try {
    const real = await realpath(file);
    if (!real.startsWith(realRoot + path.sep)) return null;
    const st = await stat(real);
    if (!st.isFile()) return null;
    if (st.size > MAX_DOCUMENT_BYTES) throw new MappedTooLarge(`${file} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB, the most Lanyard reads of a document`);
    return await readFile(real);
  } catch (e) {
    if (e instanceof MappedTooLarge) throw e;
    return null;
  }
}

function decodePath(rel: string): string | null {
  try {
    return decodeURIComponent(rel);
  } catch {
    return null;
  }
}

/**
 * Whether a --map prefix covers a URL: it starts with the prefix, and a prefix that is an origin
 * only (`https://example.org`, no path) ends at the host: it does not cover `https://example.org.evil.test/`
 * or another port. A prefix with a path is a plain string prefix, as documented.
 */
function covers(prefix: string, bare: string): boolean {
  if (!bare.startsWith(prefix)) return false;
  if (/^https?:\/\/[^/]+$/i.test(prefix)) return bare.length === prefix.length || bare[prefix.length] === '/';
  return true;
}

export interface MapFetchOptions extends Partial<NetworkOptions> {
  offline: boolean;
  timeoutMs: number;
  log?: (s: string) => void;
}

/** Mapped URLs from files; any other from the network (network-fetch.ts: no private hosts but the origins allowed), unless offline. */
/**
 * A URL as the WHATWG URL parser writes it (host in lower case, default port left out, dot segments
 * resolved; RFC 3986 §6.2.2-6.2.3), without ?query or #fragment: a badge's `https://Issuer.example:443/x`
 * is under the prefix `https://issuer.example/` (it went past the map). A host-only prefix gains its
 * `/`, so it still ends at the host. Not a URL: as written.
 */
function normal(u: string): string {
  const bare = u.replace(/#.*$/s, '').replace(/\?.*$/s, '');
  try {
    return new URL(bare).href;
  } catch {
    return bare;
  }
}

export function createMapFetch(given: readonly { prefix: string; dir: string }[], opts: MapFetchOptions): Fetch {
  const network = networkFetch({ ...opts, allowOrigins: opts.allowOrigins ?? [] });
  const maps = given.map((m) => ({ ...m, prefix: normal(m.prefix) }));
  return async (url, init) => {
    const bare = normal(url);
    const map = maps.find((m) => covers(m.prefix, bare));
    if (map) {
      const root = path.resolve(map.dir);
      const realRoot = await realpath(root).catch(() => root);
      const rel = decodePath(bare.slice(map.prefix.length));
      // Relative to DIR whether or not the prefix ended with a slash (`/issuers/1` is not the filesystem root).
      const file = rel === null ? root : path.resolve(root, rel.replace(/^\/+/, ''));
      // Inside DIR by name, and by real path: a symbolic link in DIR does not reach outside it.
      if (file.startsWith(root + path.sep)) {
        for (const candidate of [file, `${file}.json`]) {
          const body = await readIfFileUnder(candidate, realRoot);
          if (body) {
            opts.log?.(`map ${url} -> ${candidate}`);
            const type = TYPES[path.extname(candidate).toLowerCase()] ?? 'application/octet-stream';
            return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
          }
        }
      }
      opts.log?.(`map ${url} -> 404`);
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    if (opts.offline) throw new Error('--offline, and no --map covers it');
    // Not AbortSignal.timeout(): joined by AbortSignal.any() and held by nothing else, it can be
    // collected before it fires (seen: a body trickling a byte a second ran to the 15 s deadline,
    // not 5 s). The timer holds the controller; unref'd, it never keeps the process alive.
    const timeout = new AbortController();
    setTimeout(() => timeout.abort(new DOMException(`no complete answer within ${opts.timeoutMs / 1000} s`, 'TimeoutError')), opts.timeoutMs).unref();
    const signal = timeout.signal;
    try {
      return await network(url, { ...(init?.headers ? { headers: init.headers } : {}), signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    } catch (e) {
      throw new Error(networkReason(e, opts.timeoutMs), { cause: e });
    }
  };
}

const NET_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'the host name could not be looked up (no network?)',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the connection was closed',
};

/**
 * Why a fetch failed, in words: undici says only "fetch failed" and keeps the reason in `cause`
 * (an errno such as ECONNREFUSED, or a TLS error). The engine makes any of these `indeterminate`.
 */
export function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = err?.cause;
  const code = cause?.code;
  if (code && NET_WORDS[code]) return `${NET_WORDS[code]} (${code})`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return `TLS certificate problem: ${cause?.message ?? code} (${code})`;
  if (cause?.message) return `${err.message}: ${cause.message}${code ? ` (${code})` : ''}`;
  return err?.message ?? String(e);
}
