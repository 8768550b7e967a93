/**
 * The CLI's fetch: `--map PREFIX=DIR` serves URLs under PREFIX from local files (URL minus #fragment
 * and ?query; the rest after the prefix is a path under DIR, tried as is, then with `.json`);
 * a mapped URL with no such file answers 404. `--offline`: every other URL is unreachable at once.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Fetch } from '../core/verify/context.ts';

const TYPES: Record<string, string> = { '.json': 'application/json', '.jsonld': 'application/ld+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.jwt': 'text/plain', '.jws': 'text/plain' };

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

export function createMapFetch(maps: readonly { prefix: string; dir: string }[], opts: { offline: boolean; timeoutMs: number; log?: (s: string) => void }): Fetch {
  return async (url, init) => {
    const bare = url.replace(/#.*$/s, '').replace(/\?.*$/s, '');
    const map = maps.find((m) => bare.startsWith(m.prefix));
    if (map) {
      const root = path.resolve(map.dir);
      const rel = decodeURIComponent(bare.slice(map.prefix.length));
      const file = path.resolve(root, rel);
      if (file === root || file.startsWith(root + path.sep)) {
        for (const candidate of [file, `${file}.json`]) {
          const body = await readIfFile(candidate);
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
    if (opts.offline) throw new Error(`offline: ${url} is not mapped`);
    const signal = AbortSignal.timeout(opts.timeoutMs);
    return fetch(url, { headers: init?.headers, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal, redirect: 'follow' });
  };
}
