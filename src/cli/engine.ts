/**
 * One engine for a whole `lanyard verify` run, wired as the extension's background wires it
 * (src/background/services/verifier.ts): one fact cache (signatures verified, keys bound) and one
 * document cache shared by every input, so that verifying many inputs in one process is what the
 * extension does, caches included. DESIGN.md: caches hold facts, never state one document leaves for the next.
 */
import { MAX_DOCUMENT_BYTES } from '../core/verify/fetch-once.ts';
import type { FactCache, Fetch } from '../core/verify/context.ts';
import { verify } from '../core/verify/pipeline.ts';
import type { VerifyResult } from '../core/result.ts';
import { readAtMost } from '../core/verify/read-body.ts';

export interface Engine {
  /** `signal`: the verification's deadline (VerifyOptions.signal): fetches still running when it aborts are indeterminate. */
  verify(input: Uint8Array | string, signal?: AbortSignal): Promise<VerifyResult>;
}

export interface EngineOptions {
  fetch: Fetch;
  now: Date;
  identities: readonly string[];
}

/** At most this many facts are kept, oldest out first (the background keeps 2,000 across sessions). */
const MAX_FACTS = 10_000;

export function memoryFacts(max = MAX_FACTS): FactCache {
  const map = new Map<string, unknown>();
  return {
    get: (k) => map.get(k),
    set(k, v) {
      map.delete(k);
      map.set(k, v);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}

interface Stored {
  status: number;
  contentType: string;
  bytes: Uint8Array;
}


/**
 * A document over this size is not kept, as the extension keeps none (src/background/services/document-cache.ts
 * MAX_BYTES): a badge's issuer, class and keys are a few kilobytes, a baked image the most that is larger.
 */
export const MAX_KEPT_DOCUMENT_BYTES = 1024 * 1024;
/** All the documents kept at once: past it the oldest go. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * The documents fetched during the run, kept by URL and Accept header: 200 answers only, and never
 * one that was redirected (fetchOnce judges redirects from the live response, so those go through).
 * Failures are not kept. Kept within `budget` bytes, each at most MAX_KEPT_DOCUMENT_BYTES: every
 * answer of up to 8 MiB was kept for the whole run, so a folder of hostile badges, each naming other
 * large documents, grew the process by 8 MiB a document until it ran out of memory.
 */
export function cachingFetch(inner: Fetch, budget = MAX_KEPT_BYTES): Fetch {
  const docs = new Map<string, Promise<Stored | Response>>();
  /** The size of each document kept, in the order kept (the oldest first out). */
  const sizes = new Map<string, number>();
  let total = 0;
  const forget = (key: string): void => {
    docs.delete(key);
    total -= sizes.get(key) ?? 0;
    sizes.delete(key);
  };
  const keep = (key: string, size: number): void => {
    if (size > MAX_KEPT_DOCUMENT_BYTES || size > budget) return forget(key);
    sizes.set(key, size);
    total += size;
    for (const old of sizes.keys()) {
      if (total <= budget) break;
      forget(old);
    }
  };
  const toResponse = (s: Stored): Response => new Response(s.bytes.slice() as Uint8Array<ArrayBuffer>, { status: s.status, headers: { 'content-type': s.contentType } });
  return async (url, init) => {
    const key = `${init?.headers?.accept ?? init?.headers?.Accept ?? ''}\n${url}`;
    const hit = docs.get(key);
    if (hit) {
      const s = await hit.catch(() => undefined);
      if (s && !(s instanceof Response)) return toResponse(s);
    }
    const p = (async (): Promise<Stored | Response> => {
      const res = await inner(url, init);
      if (res.status !== 200 || res.redirected) return res;
      return { status: 200, contentType: res.headers.get('content-type') ?? '', bytes: (await readAtMost(res, MAX_DOCUMENT_BYTES)).bytes };
    })();
    docs.set(key, p);
    const r = await p.catch((e: unknown) => {
      docs.delete(key);
      throw e;
    });
    if (r instanceof Response) {
      docs.delete(key);
      return r;
    }
    if (docs.get(key) === p) keep(key, r.bytes.length);
    return toResponse(r);
  };
}

/** The engine, created once per run. */
export function createEngine({ fetch, now, identities }: EngineOptions): Engine {
  const keyCache = memoryFacts();
  const documents = cachingFetch(fetch);
  return { verify: (input, signal) => verify(input, signal ? { fetch: documents, now, identities, keyCache, signal } : { fetch: documents, now, identities, keyCache }) };
}
