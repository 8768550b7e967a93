/**
 * The verifier's fact caches (signatures verified, keys bound: facts that depend neither on time
 * nor on the user).
 * - loadFacts: kept in the `results` store under `fact:`, read into memory on first use, bounded:
 *   at most MAX_FACTS, least recently used first out, each kept at most FACT_MAX_AGE_MS.
 * - siteFacts: hover verification's, in memory per site, never stored (issue 12 point 8).
 */
import type { Store } from '../../platform/db.ts';
import type { ResultRecord } from '../../platform/records.ts';
import type { FactCache } from '../../core/verify/context.ts';

const FACT = 'fact:';
export const MAX_FACTS = 2000;
export const FACT_MAX_AGE_MS = 30 * 24 * 3600_000;

/** Sites whose hover facts are kept in memory, and facts per site. */
const HOVER_SITES = 16;
const HOVER_FACTS = 200;

/** A small in-memory fact cache per site, least recently used sites out first. */
export function siteFacts(): (site: string) => FactCache {
  const sites = new Map<string, FactCache>();
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
      };
    }
    sites.delete(site);
    sites.set(site, cache);
    for (const k of sites.keys()) if (sites.size > HOVER_SITES) sites.delete(k);
    return cache;
  };
}

const dropper = (results: Store<ResultRecord>) => (key: string) => void results.delete(FACT + key).catch(() => undefined);

/** The stored facts still in date, oldest first, at most MAX_FACTS (the rest deleted from the store). */
async function readFacts(results: Store<ResultRecord>, now: () => number): Promise<[string, unknown][]> {
  const drop = dropper(results);
  const stored = (await results.all().catch(() => [] as ResultRecord[])).filter((r) => r.key.startsWith(FACT));
  // Oldest first, so that the newest survive the cap.
  stored.sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0));
  const live: [string, unknown][] = [];
  for (const r of stored) {
    const k = r.key.slice(FACT.length);
    if (r.expiresAt !== undefined && r.expiresAt <= now()) drop(k);
    else live.push([k, r.value]);
  }
  for (const [k] of live.splice(0, Math.max(0, live.length - MAX_FACTS))) drop(k);
  return live;
}

const keep = (results: Store<ResultRecord>, now: () => number, key: string, value: unknown) =>
  void results.put({ key: FACT + key, value, expiresAt: now() + FACT_MAX_AGE_MS }).catch(() => undefined);

/** An in-memory FactCache over the results store, written through (best effort). */
export async function loadFacts(results: Store<ResultRecord>, now: () => number = Date.now): Promise<FactCache> {
  const map = new Map<string, unknown>(await readFacts(results, now));
  const drop = dropper(results);
  const evict = () => {
    for (const k of map.keys()) {
      if (map.size <= MAX_FACTS) break;
      map.delete(k);
      drop(k);
    }
  };
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
      keep(results, now, k, value);
    },
  };
}
