/**
 * The engine, wired for the extension: the host-permission fetch (with the document cache), the
 * clock, and a fact cache (signatures verified, keys bound: facts that depend neither on time nor
 * on the user) kept in the `results` store, read into memory on first use. The fact cache is
 * bounded: at most MAX_FACTS, least recently used first out, each kept at most FACT_MAX_AGE_MS.
 */
import type { FactCache, Fetch } from '../../core/verify/context.ts';
import { verify } from '../../core/verify/pipeline.ts';
import type { VerifyResult } from '../../core/result.ts';
import type { Store } from '../../platform/db.ts';
import type { ResultRecord } from '../../platform/records.ts';
import { blockPrivateHosts } from './private-hosts.ts';
import type { RunDocuments } from './run-documents.ts';

export interface VerifyCallOptions {
  /** Refuse local and private hosts (a URL from a web page: hover verification). */
  blockPrivate?: boolean;
  /** With blockPrivate: origins still allowed (the user's own backpacks). */
  allowOrigins?: readonly string[];
  /** A sync run's shared documents (run-documents.ts): each issuer document read once per run. */
  documents?: RunDocuments;
}

export interface Verifier {
  verify(input: Uint8Array | string, identities: readonly string[], options?: VerifyCallOptions): Promise<VerifyResult>;
}

export interface VerifierOptions {
  fetch: Fetch;
  results: Store<ResultRecord>;
  now?: () => Date;
}

const FACT = 'fact:';
export const MAX_FACTS = 2000;
export const FACT_MAX_AGE_MS = 30 * 24 * 3600_000;

/** An in-memory FactCache over the results store, written through (best effort). */
export async function loadFacts(results: Store<ResultRecord>, now: () => number = Date.now): Promise<FactCache> {
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
  };
}

export function createVerifier({ fetch, results, now = () => new Date() }: VerifierOptions): Verifier {
  let facts: Promise<FactCache> | undefined;
  return {
    async verify(input, identities, options = {}) {
      facts ??= loadFacts(results, () => now().getTime());
      const guarded = options.blockPrivate ? blockPrivateHosts(fetch, options.allowOrigins) : fetch;
      const f = options.documents ? options.documents.wrap(guarded) : guarded;
      return verify(input, { fetch: f, now: now(), identities, keyCache: await facts });
    },
  };
}
