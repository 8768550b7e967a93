/** The keys the JSON-LD fast path (to-rdf.ts) never handles itself, wherever they appear. */
import { FastPathUnsupported } from './errors.ts';

/**
 * Keys the walk leaves to jsonld.js wherever they appear, contexts included: `__proto__` (an own
 * key after JSON.parse, but one that object spreads and jsonld.js's plain-object bookkeeping treat
 * as the prototype), and `@import` (jsonld.js merges the imported context into the importing one
 * in place and memoises it under the active context).
 */
export function hasForeignKey(v: unknown, depth = 0): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (depth > 512) throw new FastPathUnsupported('nested too deep');
  if (Array.isArray(v)) {
    for (const x of v) if (typeof x === 'object' && x !== null && hasForeignKey(x, depth + 1)) return true;
    return false;
  }
  for (const k of Object.keys(v)) {
    if (k === '__proto__' || k === '@import') return true;
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'object' && x !== null && hasForeignKey(x, depth + 1)) return true;
  }
  return false;
}
