/**
 * Loads engine.js (src/core/verify/engine.ts) into the background, once: imported while the
 * service worker installs, then on the first verification of each start (./script-loader.ts says
 * why a classic worker must); added as a <script> in Firefox's event page.
 */
import { ENGINE_GLOBAL, type Engine, type LoadEngine } from '../core/verify/engine.ts';
import browser from './browser.ts';
import { createScriptLoader, preloadScriptAtInstall } from './script-loader.ts';

export const ENGINE_SCRIPT = 'engine.js';

/** Service worker only: import engine.js while installing, so that later imports are allowed. Call at top level. */
export function preloadEngineAtInstall(url = browser.runtime.getURL(ENGINE_SCRIPT)): void {
  preloadScriptAtInstall(url, ENGINE_GLOBAL);
}

export function createEngineLoader(url = browser.runtime.getURL(ENGINE_SCRIPT)): LoadEngine {
  return createScriptLoader<Engine>(url, ENGINE_GLOBAL, `the verification engine (${ENGINE_SCRIPT})`);
}
