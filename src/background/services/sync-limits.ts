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

/**
 * How often an incremental backpack (Badge Connect, `since`) is listed whole all the same: an
 * incremental listing holds only what was "created or updated after" (OB 2.1 GET /assertions), so it
 * cannot say what the backpack no longer holds, and only a whole listing marks a stored badge
 * `unlisted` (sync-listed.ts). A week: one full listing, then incremental runs.
 */
export const WHOLE_LISTING_EVERY_MS = 7 * 24 * 3600_000;

/** Whether a run lists everything: no whole listing yet (or none recorded), or the last one is WHOLE_LISTING_EVERY_MS old. */
export const wholeListingDue = (wholeAt: string | undefined, now: number): boolean => {
  const at = wholeAt === undefined ? NaN : Date.parse(wholeAt);
  return !Number.isFinite(at) || now - at >= WHOLE_LISTING_EVERY_MS || at > now + WHOLE_LISTING_EVERY_MS;
};

/** A new run's `since`: the last good run's, while the last whole listing is recent; else none (everything, so what is gone is seen). */
export const runSince = (prev: { since?: string; wholeAt?: string }, now: number): { since?: string } =>
  prev.since && !wholeListingDue(prev.wholeAt, now) ? { since: prev.since } : {};

/** What a complete run records of the last whole listing: its start when it read the listing whole, else the one before. */
export const wholeAtAfter = (whole: boolean, run: { startedAt: string }, prev: { wholeAt?: string }): { wholeAt?: string } => {
  const wholeAt = whole ? run.startedAt : prev.wholeAt;
  return wholeAt ? { wholeAt } : {};
};
