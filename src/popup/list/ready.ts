/**
 * Marks the moment the first badge row (or the empty state) is painted, for bench/popup.ts:
 * `performance.mark('lanyard-ready')`. The timeout inside the animation frame runs after the
 * frame is painted. What waits for that first frame (the rows' pictures, the overscan rows) asks
 * `afterFirstScreen`.
 */
let marked = false;
let painted = false;
const waiting: (() => void)[] = [];

export function markReady(): void {
  if (marked) return;
  marked = true;
  if (typeof performance === 'undefined' || typeof requestAnimationFrame !== 'function') return done();
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('lanyard-ready');
      done();
    }, 0),
  );
}

function done(): void {
  painted = true;
  for (const run of waiting.splice(0)) run();
}

/** True once the first screen is painted (or where nothing paints). */
export const firstScreenPainted = (): boolean => painted;

/** Runs `run` once the first screen is painted (at once if it is); returns a cancel function. */
export function afterFirstScreen(run: () => void): () => void {
  if (painted) {
    run();
    return () => {};
  }
  waiting.push(run);
  return () => {
    const i = waiting.indexOf(run);
    if (i >= 0) waiting.splice(i, 1);
  };
}
