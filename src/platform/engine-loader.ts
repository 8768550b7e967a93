/**
 * Loads engine.js (src/core/verify/engine.ts) into the background: imported while the service worker
 * installs (and not kept), then on the first verification of each start (./script-loader.ts says why a
 * classic worker must); added as a <script> in Firefox's event page.
 *
 * Released when no verification has run for ENGINE_IDLE_MS (./idle-release.ts): after a sync of 1,000
 * badges the engine's compiled code and tables were ~2.6 MB of the worker's heap (issue 14,
 * `sw_heap_mb_1000`, bench/support/heap-sync.ts), kept for as long as anything else kept the worker
 * running (an open popup, the pickers, hover checks). A worker the browser stopped after its own idle
 * time (30 s in Chromium) loads it again the same way, so the next verification after such a pause
 * costs what it already cost after every stop: evaluating engine.js once.
 */
import { ENGINE_GLOBAL, ENGINE_IDLE_MS, type Engine, type LoadEngine } from '../core/verify/engine.ts';
import browser from './browser.ts';
import { createIdleRelease, type Timers } from './idle-release.ts';
import { createScriptLoader, preloadScriptAtInstall } from './script-loader.ts';

export const ENGINE_SCRIPT = 'engine.js';

/** Service worker only: import engine.js while installing, so that later imports are allowed. Call at top level. */
export function preloadEngineAtInstall(url = browser.runtime.getURL(ENGINE_SCRIPT)): void {
  preloadScriptAtInstall(url, ENGINE_GLOBAL);
}

export interface EngineLoaderOptions {
  url?: string;
  idleMs?: number;
  timers?: Timers;
}

export function createEngineLoader({ url = browser.runtime.getURL(ENGINE_SCRIPT), idleMs = ENGINE_IDLE_MS, timers }: EngineLoaderOptions = {}): LoadEngine {
  const script = createScriptLoader<Engine>(url, ENGINE_GLOBAL, `the verification engine (${ENGINE_SCRIPT})`);
  let wrapped: { of: Engine; engine: Engine } | undefined;
  const idle = createIdleRelease(() => {
    wrapped = undefined;
    script.release();
  }, idleMs, timers);
  /** Held from the call until its promise settles, so that it is never released under a verification. */
  const held = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    const done = idle.hold();
    try {
      return await f(...a);
    } finally {
      done();
    }
  };
  return async () => {
    const engine = await script();
    idle.idle();
    if (wrapped?.of !== engine) wrapped = { of: engine, engine: Object.freeze({ verify: held(engine.verify), matchRecipient: held(engine.matchRecipient) }) };
    return wrapped.engine;
  };
}
