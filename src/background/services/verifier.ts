/**
 * The engine, wired for the extension: the host-permission fetch (with the document cache), the
 * clock, and a fact cache (signatures verified, keys bound: facts that depend neither on time nor
 * on the user) kept in the `results` store, read into memory on first use. The fact cache is
 * bounded: at most MAX_FACTS, least recently used first out, each kept at most FACT_MAX_AGE_MS.
 * The engine itself is loaded on the first verification (core/verify/engine.ts).
 */
import type { Fetch } from '../../core/verify/context.ts';
import type { LoadEngine } from '../../core/verify/engine.ts';
import type { VerifyResult } from '../../core/result.ts';
import type { Store } from '../../platform/db.ts';
import type { DocumentRecord, ResultRecord } from '../../platform/records.ts';
import type { ListedFactCache } from '../../platform/remote-engine/client.ts';
import { startDeadline } from './deadline.ts';
import { createCachingFetch } from './document-cache.ts';
import { blockPrivateHosts, type Resolve } from './private-hosts.ts';
import type { RunDocuments } from './run-documents.ts';

export interface VerifyCallOptions {
  /** Refuse local and private hosts (a URL from a web page: hover verification). */
  blockPrivate?: boolean;
  /** With blockPrivate: origins still allowed (the user's own backpacks). */
  allowOrigins?: readonly string[];
  /**
   * Hover verification: the top-level site of the page the URL came from. Fetches go through the
   * hover fetch (no redirects), and documents and facts are kept per site (issue 12 point 8).
   */
  site?: string;
  /** This verification's deadline (default VERIFY_DEADLINE_MS): past it, what still needs a fetch is indeterminate. */
  timeoutMs?: number;
  /** Ends the verification early (the sync was stopped, the badge's own deadline passed). */
  signal?: AbortSignal;
  /** A sync run's shared documents (run-documents.ts): each issuer document read once per run. */
  documents?: RunDocuments;
}

/** What hover verification fetches with (wiring.ts): a host fetch that refuses redirects, its own cache partition. */
export interface HoverFetchOptions {
  fetch: Fetch;
  documents: Store<DocumentRecord>;
  /** Firefox: names are resolved and their addresses checked. */
  resolve?: Resolve;
}

/** A slow or hostile issuer holds one verification this long at most (issue 12 point 10). */
export const VERIFY_DEADLINE_MS = 15_000;

export interface Verifier {
  verify(input: Uint8Array | string, identities: readonly string[], options?: VerifyCallOptions): Promise<VerifyResult>;
}

export interface VerifierOptions {
  /** The engine, loaded on first use (platform/engine-loader.ts; tests: test/support/engine.ts). */
  engine: LoadEngine;
  fetch: Fetch;
  results: Store<ResultRecord>;
  now?: () => Date;
  hover?: HoverFetchOptions;
  /** The deadline's timer (tests pass their own); default a timer cleared when the verification ends (deadline.ts). */
  timeout?: (ms: number) => AbortSignal;
}

/** Sites whose hover facts are kept in memory, and facts per site. */
const HOVER_SITES = 16;
const HOVER_FACTS = 200;

/** A small in-memory fact cache per site, least recently used sites out first. */
function siteFacts(): (site: string) => ListedFactCache {
  const sites = new Map<string, ListedFactCache>();
  return (site) => {
    let cache = sites.get(site);
    if (!cache) {
      const map = new Map<string, unknown>();
      cache = {
        get: (k) => map.get(k),
        set(k, v) {
          map.delete(k);
          map.set(k, v);
          for (const old of map.keys()) if (map.size > HOVER_FACTS) map.delete(old);
        },
        entries: () => map.entries(),
      };
    }
    sites.delete(site);
    sites.set(site, cache);
    for (const k of sites.keys()) if (sites.size > HOVER_SITES) sites.delete(k);
    return cache;
  };
}

const FACT = 'fact:';
export const MAX_FACTS = 2000;
export const FACT_MAX_AGE_MS = 30 * 24 * 3600_000;

/** An in-memory FactCache over the results store, written through (best effort). */
export async function loadFacts(results: Store<ResultRecord>, now: () => number = Date.now): Promise<ListedFactCache> {
  const map = new Map<string, unknown>();
  const drop = (key: string) => void results.delete(FACT + key).catch(() => undefined);
  const stored = (await results.all().catch(() => [] as ResultRecord[])).filter((r) => r.key.startsWith(FACT));
  // Oldest first, so that the newest survive the cap.
  stored.sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0));
  for (const r of stored) {
    const k = r.key.slice(FACT.length);
    if (r.expiresAt !== undefined && r.expiresAt <= now()) drop(k);
    else map.set(k, r.value);
  }
  const evict = () => {
    for (const k of map.keys()) {
      if (map.size <= MAX_FACTS) break;
      map.delete(k);
      drop(k);
    }
  };
  evict();
  return {
    get(k) {
      if (!map.has(k)) return undefined;
      const v = map.get(k);
      map.delete(k);
      map.set(k, v);
      return v;
    },
    set(k, value) {
      if (map.get(k) === value) return;
      map.delete(k);
      map.set(k, value);
      evict();
      void results.put({ key: FACT + k, value, expiresAt: now() + FACT_MAX_AGE_MS }).catch(() => undefined);
    },
    // What an engine running elsewhere starts from (platform/remote-engine/client.ts).
    entries: () => map.entries(),
  };
}

export function createVerifier({ engine, fetch, results, now = () => new Date(), hover, timeout }: VerifierOptions): Verifier {
  let facts: Promise<ListedFactCache> | undefined;
  const factsOf = siteFacts();
  return {
    async verify(input, identities, options = {}) {
      const { verify } = await engine();
      // Cleared when the verification ends: an uncancelled timer keeps its signals alive for the whole deadline (deadline.ts).
      const deadline = startDeadline(options.timeoutMs ?? VERIFY_DEADLINE_MS, timeout);
      const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
      try {
        if (options.site !== undefined && hover) {
          const cached = createCachingFetch(hover.fetch, hover.documents, () => now().getTime(), `site:${options.site}`);
          const f = blockPrivateHosts(cached, { allowOrigins: options.allowOrigins ?? [], ...(hover.resolve ? { resolve: hover.resolve } : {}) });
          return await verify(input, { fetch: f, now: now(), identities, keyCache: factsOf(options.site), signal });
        }
        facts ??= loadFacts(results, () => now().getTime());
        const guarded = options.blockPrivate ? blockPrivateHosts(fetch, { allowOrigins: options.allowOrigins ?? [] }) : fetch;
        const f = options.documents ? options.documents.wrap(guarded) : guarded;
        return await verify(input, { fetch: f, now: now(), identities, keyCache: await facts, signal });
      } finally {
        deadline.clear();
      }
    },
  };
}
