/**
 * Loads backpack.js (./services/backpack-kit.ts) into the background: imported while the service
 * worker installs (and not kept), then on first use in each start and after an idle release
 * (platform/script-loader.ts says why a classic worker must); added as a <script> in Firefox's event page. Before it runs, the modules it
 * shares with the worker are put where it reads them (./backpack-shared.ts).
 */
import * as backpackErrors from '../backpack/errors.ts';
import * as coreErrors from '../core/errors.ts';
import * as httpDate from '../core/http-date.ts';
import browser from '../platform/browser.ts';
import { releasedWhenIdle, type Timers } from '../platform/idle-release.ts';
import { createScriptLoader, preloadScriptAtInstall } from '../platform/script-loader.ts';
import { SHARED_GLOBAL, type SHARED_WITH_BACKPACK } from './backpack-shared.ts';
import { BACKPACK_GLOBAL, BACKPACK_SCRIPT, type BackpackKit, type LoadBackpack } from './services/backpack-kit.ts';
import * as serviceErrors from './services/errors.ts';

/** The worker's own instances of the modules backpack.js takes from it. */
export const sharedModules: Record<keyof typeof SHARED_WITH_BACKPACK, object> = { backpackErrors, serviceErrors, coreErrors, httpDate };

function share(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope[SHARED_GLOBAL] ??= Object.freeze({ ...sharedModules });
}

/** Service worker only: import backpack.js while installing, so that later imports are allowed. Call at top level. */
export function preloadBackpackAtInstall(url = browser.runtime.getURL(BACKPACK_SCRIPT)): void {
  share();
  preloadScriptAtInstall(url, BACKPACK_GLOBAL);
}

/**
 * Released BACKPACK_IDLE_MS after it was last asked for (platform/idle-release.ts): after a sync its compiled code
 * stayed in the heap of a worker something else kept running (~0.25 MB, issue 14 `sw_heap_mb_1000`). It keeps no
 * state of its own (the registrations under way are the worker's: services/accounts.ts), so a provider made before
 * a release goes on working, and the next call evaluates it again.
 */
export const BACKPACK_IDLE_MS = 30_000;

export interface BackpackLoaderOptions {
  url?: string;
  idleMs?: number;
  timers?: Timers;
}

export function createBackpackLoader({ url = browser.runtime.getURL(BACKPACK_SCRIPT), idleMs = BACKPACK_IDLE_MS, timers }: BackpackLoaderOptions = {}): LoadBackpack {
  share();
  return releasedWhenIdle(createScriptLoader<BackpackKit>(url, BACKPACK_GLOBAL, `the backpack clients (${BACKPACK_SCRIPT})`), idleMs, timers);
}
