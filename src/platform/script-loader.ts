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

/**
 * Service worker only: import the script while installing, so that later imports are allowed. Call at top level.
 * What that import evaluated is not kept: the script runs again on its first use, from the worker's script cache.
 * Kept, it held ~1 MB of the worker's heap (engine.js's functions and tables) in every worker that had just been
 * installed or updated, until the browser stopped it (issue 14, `sw_heap_mb_0`).
 */
export function preloadScriptAtInstall(url: string, global: string): void {
  if (typeof scope.importScripts !== 'function' || typeof scope.addEventListener !== 'function') return;
  scope.addEventListener('install', () => {
    // Already loaded by its loader (a message came first): that one is in use, keep it.
    if (scope[global]) return;
    scope.importScripts!(url);
    delete scope[global];
  });
}

function addScript(url: string): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const el = scope.document!.createElement('script');
    el.src = url;
    el.onload = () => resolve(el);
    el.onerror = () => reject(new Error(`could not load ${url}`));
    scope.document!.head.append(el);
  });
}

export interface ScriptLoader<T> {
  /** Resolves to what the script at `url` leaves under `global`, loading it on the first call; a failed load is tried again at the next. */
  (): Promise<T>;
  /**
   * Forgets the loaded script (its global, its element), so that the garbage collector can take its functions, their
   * compiled code and its tables once no one holds what it left; the next call loads it again. Nothing while it loads.
   */
  release(): void;
}

export function createScriptLoader<T>(url: string, global: string, what: string): ScriptLoader<T> {
  let pending: Promise<T> | undefined;
  let loading = false;
  let element: HTMLScriptElement | undefined;
  const load = (() => {
    pending ??= (async () => {
      loading = true;
      try {
        if (!scope[global]) {
          if (typeof scope.importScripts === 'function') scope.importScripts(url);
          else if (scope.document) element = await addScript(url);
        }
        const loaded = scope[global] as T | undefined;
        if (!loaded) throw new Error(`${what} did not load`);
        return loaded;
      } finally {
        loading = false;
      }
    })().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  }) as ScriptLoader<T>;
  load.release = () => {
    if (loading || !pending) return;
    pending = undefined;
    delete scope[global];
    element?.remove();
    element = undefined;
  };
  return load;
}
