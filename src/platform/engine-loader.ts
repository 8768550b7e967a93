/**
 * Loads engine.js (src/core/verify/engine.ts) into the background, once.
 *
 * Chromium's service worker is a classic worker here, because a worker refuses `import()` (HTML
 * §8.1.5.x: "import() is disallowed on ServiceWorkerGlobalScope") and a module worker has no
 * `importScripts`. A classic worker may call importScripts() after its installation only for
 * scripts it imported while installing (Service Workers §4.x "importScripts" for an installed
 * worker: a script not in the script resource map is a NetworkError). So the worker imports
 * engine.js in its `install` event (`preloadEngineAtInstall`, evaluated once per install or
 * update), and every later start imports it again, from the worker's script cache, on the first
 * verification only.
 *
 * Firefox runs the background as an event page: there engine.js is added as a <script> element
 * (the extension's own file; the page's CSP allows 'self').
 */
import { ENGINE_GLOBAL, type Engine, type LoadEngine } from '../core/verify/engine.ts';
import browser from './browser.ts';

export const ENGINE_SCRIPT = 'engine.js';

type Scope = Record<string, unknown> & {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: string, listener: () => void) => void;
  document?: { createElement(tag: 'script'): HTMLScriptElement; head: { append(n: Node): void } };
};
const scope = globalThis as unknown as Scope;
const loaded = () => scope[ENGINE_GLOBAL] as Engine | undefined;

/** Service worker only: import engine.js while installing, so that later imports are allowed. Call at top level. */
export function preloadEngineAtInstall(url = browser.runtime.getURL(ENGINE_SCRIPT)): void {
  if (typeof scope.importScripts !== 'function' || typeof scope.addEventListener !== 'function') return;
  scope.addEventListener('install', () => {
    if (!loaded()) scope.importScripts!(url);
  });
}

function addScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = scope.document!.createElement('script');
    el.src = url;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`could not load ${url}`));
    scope.document!.head.append(el);
  });
}

export function createEngineLoader(url = browser.runtime.getURL(ENGINE_SCRIPT)): LoadEngine {
  let pending: Promise<Engine> | undefined;
  return () => {
    pending ??= (async () => {
      if (!loaded()) {
        if (typeof scope.importScripts === 'function') scope.importScripts(url);
        else if (scope.document) await addScript(url);
      }
      const engine = loaded();
      if (!engine) throw new Error(`the verification engine (${ENGINE_SCRIPT}) did not load`);
      return engine;
    })().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}
