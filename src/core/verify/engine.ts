/**
 * The verification engine as the extension's background sees it: `verify` (./pipeline.ts),
 * reached through a loader instead of a static import. The engine (JSON-LD, RDF canonicalization,
 * the bundled contexts, every format and proof suite: most of the background's code) is built as
 * its own script, `engine.js` (src/background/engine-entry.ts), and evaluated on the first
 * verification only: a worker woken for the popup's `state/get` never parses it (issue 14,
 * `sw_wake_ms`, `background_js_gz_kb`). src/platform/engine-loader.ts loads it; tests pass
 * `verify` directly (test/support/engine.ts).
 */
import type { verify } from './pipeline.ts';
import type { MatchRecipient } from './recipient-match.ts';

export interface Engine {
  verify: typeof verify;
  /** The recipient check alone (./recipient-match.ts). */
  matchRecipient: MatchRecipient;
}

/** Where engine.js leaves the engine (the worker's or the background page's global scope). */
export const ENGINE_GLOBAL = '__lanyardEngine';

/**
 * How long the background keeps the engine without a verification before releasing it
 * (src/platform/engine-loader.ts): Chromium's own idle time for an extension's worker.
 */
export const ENGINE_IDLE_MS = 30_000;

/** Resolves to the engine, loading it on the first call. */
export type LoadEngine = () => Promise<Engine>;
