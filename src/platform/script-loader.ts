/**
 * Loads one of the background's lazy classic scripts (engine.js, backpack.js) into the worker or
 * the event page, once. Evaluating the script leaves what it carries on the global scope under
 * `global`; the loader finds it there.
 *
 * Chromium's service worker is a classic worker here, because a worker refuses `import()` (HTML
 * §8.1.5.x: "import() is disallowed on ServiceWorkerGlobalScope") and a module worker has no
 * `importScripts`. A classic worker may call importScripts() after its installation only for
 * scripts it imported while installing (Service Workers §4.x "importScripts" for an installed
 * worker: a script not in the script resource map is a NetworkError). So the worker imports each
 * in its `install` event (`preloadScriptAtInstall`, evaluated once per install or update), and
 * every later start imports it again, from the worker's script cache, on first use only.
 *
 * Firefox runs the background as an event page: there the script is added as a <script> element
 * (the extension's own file; the page's CSP allows 'self').
 */
type Scope = Record<string, unknown> & {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: string, listener: () => void) => void;
  document?: { createElement(tag: 'script'): HTMLScriptElement; head: { append(n: Node): void } };
};
const scope = globalThis as unknown as Scope;

/** Service worker only: import the script while installing, so that later imports are allowed. Call at top level. */
export function preloadScriptAtInstall(url: string, global: string): void {
  if (typeof scope.importScripts !== 'function' || typeof scope.addEventListener !== 'function') return;
  scope.addEventListener('install', () => {
    if (!scope[global]) scope.importScripts!(url);
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

/** Resolves to what the script at `url` leaves under `global`, loading it on the first call; a failed load is tried again at the next. */
export function createScriptLoader<T>(url: string, global: string, what: string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= (async () => {
      if (!scope[global]) {
        if (typeof scope.importScripts === 'function') scope.importScripts(url);
        else if (scope.document) await addScript(url);
      }
      const loaded = scope[global] as T | undefined;
      if (!loaded) throw new Error(`${what} did not load`);
      return loaded;
    })().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}
