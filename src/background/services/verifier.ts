/**
 * The engine, wired for the extension: the host-permission fetch (with the document cache), the
 * clock, and a fact cache (signatures verified, keys bound: facts that depend neither on time nor
 * on the user) kept in the `results` store, read into memory on first use.
 */
import type { FactCache, Fetch } from '../../core/verify/context.ts';
import { verify } from '../../core/verify/pipeline.ts';
import type { VerifyResult } from '../../core/result.ts';
import type { Store } from '../../platform/db.ts';
import type { ResultRecord } from '../../platform/records.ts';

export interface Verifier {
  verify(input: Uint8Array | string, identities: readonly string[]): Promise<VerifyResult>;
}

export interface VerifierOptions {
  fetch: Fetch;
  results: Store<ResultRecord>;
  now?: () => Date;
}

const FACT = 'fact:';

/** An in-memory FactCache over the results store, written through (best effort). */
export async function loadFacts(results: Store<ResultRecord>): Promise<FactCache> {
  const map = new Map<string, unknown>();
  for (const r of await results.all().catch(() => [] as ResultRecord[])) {
    if (r.key.startsWith(FACT)) map.set(r.key.slice(FACT.length), r.value);
  }
  return {
    get: (k) => map.get(k),
    set(k, value) {
      if (map.get(k) === value) return;
      map.set(k, value);
      void results.put({ key: FACT + k, value }).catch(() => undefined);
    },
  };
}

export function createVerifier({ fetch, results, now = () => new Date() }: VerifierOptions): Verifier {
  let facts: Promise<FactCache> | undefined;
  return {
    async verify(input, identities) {
      facts ??= loadFacts(results);
      return verify(input, { fetch, now: now(), identities, keyCache: await facts });
    },
  };
}
