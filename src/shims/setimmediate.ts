/**
 * Stands in for the `setimmediate` polyfill that rdf-canonize's browser build requires. That polyfill
 * keeps a `new Function(code)` path (for string handlers) which MV3's CSP forbids and `web-ext lint`
 * flags as eval; rdf-canonize only ever passes a function, to yield between work chunks.
 */
type Handler = (...args: unknown[]) => void;
const g = globalThis as { setImmediate?: (fn: Handler, ...args: unknown[]) => unknown };

if (typeof g.setImmediate !== 'function') {
  g.setImmediate = (fn: Handler, ...args: unknown[]) => setTimeout(() => fn(...args), 0);
}

export {};
