/** A sync run's limits: how many badges of a page are verified at once, how long one may take, and how far back `since` reaches. */

/** Chromium's connections per host (HTTP/1.1): more would only queue in the browser. */
export const CONCURRENT = 6;

/**
 * Runs `fn` over `items`, `width` at a time. After the first failure no new item starts; it waits
 * for the ones running to end (so that none writes after the caller has recorded the failure),
 * then throws that first failure.
 */
export async function eachConcurrently<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  if (failure) throw failure.error;
}

/** Past the verifier's own deadline (VERIFY_DEADLINE_MS) plus the baked image's download. */
export const BADGE_TIMEOUT_MS = 30_000;

/** `since` is set this far before the last run started, for clocks that disagree. */
export const SINCE_MARGIN_MS = 10 * 60_000;
