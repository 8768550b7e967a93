/**
 * Marks the moment the first badge row (or the empty state) is painted, for bench/popup.ts:
 * `performance.mark('lanyard-ready')`. The timeout inside the animation frame runs after the
 * frame is painted.
 */
let marked = false;

export function markReady(): void {
  if (marked || typeof performance === 'undefined' || typeof requestAnimationFrame !== 'function') return;
  marked = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark('lanyard-ready'), 0));
}
