/**
 * Stands in for the `setimmediate` polyfill that rdf-canonize's browser build requires. That polyfill
 * keeps a `new Function(code)` path (for string handlers) which MV3's CSP forbids and `web-ext lint`
 * flags as eval; rdf-canonize only ever passes a function, to yield between work chunks
 * (`setImmediate(resolve)`, lib/RDFC10.js), for which setTimeout(fn) does the same.
 *
 * A bound built-in, not a function written here: put on the global object, a closure made in this
 * bundle held the bundle's whole scope (engine.js's functions, their compiled code and tables), so the
 * engine released when idle (src/platform/engine-loader.ts) stayed in the worker's heap
 * (bench/support/heap-sync.ts: 4.28 MB after a sync with the engine released, 1.67 without the closure).
 */
type Handler = (...args: unknown[]) => void;
const g = globalThis as { setImmediate?: (fn: Handler) => unknown };

if (typeof g.setImmediate !== 'function') {
  g.setImmediate = setTimeout.bind(globalThis) as (fn: Handler) => unknown;
}

export {};
