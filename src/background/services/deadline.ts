/**
 * A deadline that is let go of when the work it limits ends.
 *
 * `AbortSignal.timeout(ms)` cannot be cancelled: its timer runs to the end, and Chromium keeps the
 * signal alive until then (a persistent handle while the timer is pending), with every
 * `AbortSignal.any()` signal built on it. A heap snapshot of the worker after a 1,000-badge sync
 * held 2,834 such timeout signals and their composites (~1.3 MB of the renderer's heap), each
 * waiting up to 30 s for a badge or a fetch that had long ended.
 *
 * Here the timer is cleared by `clear()`, and the signal aborts like AbortSignal.timeout's (DOM
 * §3.1.3.1 "timeout": with a "TimeoutError" DOMException as its reason).
 */

export interface Deadline {
  signal: AbortSignal;
  /** The work ended: the timer is cancelled (the signal then never aborts by itself). */
  clear(): void;
}

/** A deadline `ms` from now; `make` (tests) supplies its own signal, which clear() leaves alone. */
export function startDeadline(ms: number, make?: (ms: number) => AbortSignal): Deadline {
  if (make) return { signal: make(ms), clear: () => undefined };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('signal timed out', 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * `work` under a deadline of `ms` joined with `outer`: it settles as the work does, or rejects as
 * soon as either aborts (with outer's reason, else `late()`), even when the work ignores its
 * signal; the timer is cleared once the work settles.
 */
export function withinDeadline<T>(ms: number, outer: AbortSignal, work: (signal: AbortSignal) => Promise<T>, late: () => Error, make?: (ms: number) => AbortSignal): Promise<T> {
  const deadline = startDeadline(ms, make);
  const signal = AbortSignal.any([outer, deadline.signal]);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(outer.aborted ? outer.reason : late());
    if (signal.aborted) return deadline.clear(), onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work(signal)
      .then(resolve, reject)
      .finally(() => {
        deadline.clear();
        signal.removeEventListener('abort', onAbort);
      });
  });
}
