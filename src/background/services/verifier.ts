/**
 * The engine, wired for the extension: the host-permission fetch (with the document cache), the
 * clock, and a fact cache (signatures verified, keys bound: facts that depend neither on time nor
 * on the user) kept in the `results` store (./facts.ts). The engine itself is loaded on the first
 * verification (core/verify/engine.ts).
 */
import type { Fetch, FactCache } from '../../core/verify/context.ts';
import type { LoadEngine } from '../../core/verify/engine.ts';
import type { MatchRecipient } from '../../core/verify/recipient-match.ts';
import type { VerifyResult } from '../../core/result.ts';
import type { Store } from '../../platform/db.ts';
import type { DocumentRecord, ResultRecord } from '../../platform/records.ts';
import { createIdleRelease, type Timers } from '../../platform/idle-release.ts';
import { ENGINE_IDLE_MS } from '../../core/verify/engine.ts';
import { startDeadline } from './deadline.ts';
import { loadFacts, siteFacts } from './facts.ts';
import { createCachingFetch } from './document-cache.ts';
import { loggingFetch, type NetworkLog } from './network-log.ts';
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
  /** Filled with what the network answered, what it could not reach and what Lanyard refused to read (network-log.ts). */
  log?: NetworkLog;
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

/**
 * The most one hover verification reads, all documents together (core/verify/context.ts maxBytes):
 * a page's badge can name 50 documents of up to 4 MB each, and up to four run at once
 * (hover-rate.ts). Real badges read well under 1 MB (test/background/hover-budget.test.ts); past it,
 * what is left is indeterminate, saying so.
 */
export const HOVER_MAX_BYTES = 8 * 1024 * 1024;

export interface Verifier {
  verify(input: Uint8Array | string, identities: readonly string[], options?: VerifyCallOptions): Promise<VerifyResult>;
  /** Which of `addresses` a badge's recipients name: the engine's recipient check alone (core/verify/recipient-match.ts). */
  matchRecipient: MatchRecipient;
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
  /** The fact cache's idle release (default: the engine's, ENGINE_IDLE_MS, real timers). */
  factsIdleMs?: number;
  timers?: Timers;
}

export function createVerifier({ engine, fetch, results, now = () => new Date(), hover, timeout, factsIdleMs = ENGINE_IDLE_MS, timers }: VerifierOptions): Verifier {
  // The stored facts' memory copy is let go with the engine (platform/engine-loader.ts): every fact is
  // written through to the store as it is learnt, so nothing is lost, and the next verification reads them
  // again. Kept, it was ~47 KB of the worker's heap at rest after a sync of 1,000 badges (issue 14,
  // `sw_heap_mb_1000`; bench/support/heap-sync.ts: 259 `sig:` keys of ~164 bytes and their Map).
  let facts: Promise<FactCache> | undefined;
  const factsIdle = createIdleRelease(() => (facts = undefined), factsIdleMs, timers);
  const factsOf = siteFacts();
  return {
    matchRecipient: async (recipients, addresses, format) => (await engine()).matchRecipient(recipients, addresses, format),
    async verify(input, identities, options = {}) {
      const { verify } = await engine();
      // Cleared when the verification ends: an uncancelled timer keeps its signals alive for the whole deadline (deadline.ts).
      const deadline = startDeadline(options.timeoutMs ?? VERIFY_DEADLINE_MS, timeout);
      const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
      let logged: ReturnType<typeof loggingFetch> | undefined;
      try {
        if (options.site !== undefined && hover) {
          const cached = createCachingFetch(hover.fetch, hover.documents, () => now().getTime(), `site:${options.site}`);
          const f = blockPrivateHosts(cached, { allowOrigins: options.allowOrigins ?? [], ...(hover.resolve ? { resolve: hover.resolve } : {}) });
          logged = options.log ? loggingFetch(f, options.log, now) : undefined;
          return await verify(input, { fetch: logged?.fetch ?? f, now: now(), identities, keyCache: factsOf(options.site), signal, maxBytes: HOVER_MAX_BYTES });
        }
        const letGo = factsIdle.hold();
        try {
          const keyCache = await (facts ??= loadFacts(results, () => now().getTime()));
          const guarded = options.blockPrivate ? blockPrivateHosts(fetch, { allowOrigins: options.allowOrigins ?? [] }) : fetch;
          const shared = options.documents ? options.documents.wrap(guarded) : guarded;
          logged = options.log ? loggingFetch(shared, options.log, now) : undefined;
          return await verify(input, { fetch: logged?.fetch ?? shared, now: now(), identities, keyCache, signal });
        } finally {
          letGo();
        }
      } finally {
        logged?.settle();
        deadline.clear();
      }
    },
  };
}
