/**
 * Offset listings that move under the reader. The OB 3.0 API and Badge Connect page by
 * `limit`/`offset` (OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"; badgr-server lists Badge
 * Connect newest first, `order_by('-updated_at')`, with DRF's LimitOffsetPagination). A badge
 * deleted at the provider between two page requests moves every later badge up a place, so the
 * first badge of the next page would be skipped. Each next page is asked from one item early
 * (providers/oauth-provider.ts), and its first items must include the last badge of the page
 * before, the run's anchor:
 *
 * - the anchor is there (first, or further down when badges were added or updated at the top):
 *   nothing between the two pages was skipped, the run goes on;
 * - it is not: the listing moved up (or the anchor itself went), the run lists again from the first
 *   page (the badges it already did in this run are not done twice), at most MAX_RELISTS times;
 *   past that it goes on, and its end does not move `since` on, so that the next run lists again
 *   everything this one may have missed.
 *
 * A badge added or updated meanwhile goes to the top of the newest-first listing, before the
 * pages already read: the next incremental run finds it (`since` is this run's start).
 */
import { hex } from '../../core/proofs/sha256-digest.ts';
import { sha256Small } from '../../core/proofs/sha256-small.ts';
import type { SyncRun } from '../../platform/records.ts';
import type { SyncItem, SyncPage } from './providers/index.ts';

export const MAX_RELISTS = 3;

/**
 * Which badge was the page before's last is not always known: an OB 3.0 or Badge Connect answer
 * holds its JSON and its compact JWS entries in two lists, and does not say how they interleave in
 * the listing. The anchor was the last item of the two lists joined, the last JWS entry, while the
 * listing's last could be a JSON one: the next page (or a resumed run's first, asked at the saved
 * cursor) did not hold it, and the run listed again from the first page, three times, then ended
 * without moving `since` on. So the anchors are the last entry of each list (SyncPage.ends), and
 * one of them must be on the next page. That is as safe: any badge of the page before found again
 * on this one means the listing did not move up past it, so the badges after it, which this page
 * and the next ones list, were not skipped (a badge updated goes to the top, not onto a later page).
 */
const anchorsOf = (run: SyncRun): readonly string[] | undefined => run.anchors ?? (run.anchor !== undefined ? [run.anchor] : undefined);

/**
 * An anchor as the run keeps it: a source id is the backpack's or the issuer's text, of any length,
 * and the run is written with every progress save; a long one is kept as its SHA-256 (as badge keys are,
 * src/platform/badge-key.ts).
 */
const MAX_ANCHOR_LENGTH = 256;
const anchorOf = (sourceId: string): string => (sourceId.length <= MAX_ANCHOR_LENGTH ? sourceId : `sha256-id:${hex(sha256Small(sourceId))}`);

/** Whether the item is one of the page before's anchors (done with that page: the overlap). */
export function isAnchor(run: SyncRun, item: SyncItem): boolean {
  const anchors = anchorsOf(run);
  // A run saved by an older version may hold a long id as it was.
  return anchors !== undefined && (anchors.includes(anchorOf(item.sourceId)) || anchors.includes(item.sourceId));
}

/** Whether to go on with this page or list again from the first page; marks the run unsettled when relists are spent. */
export function anchorHolds(run: SyncRun, page: SyncPage): boolean {
  if (!page.overlapsPrevious || anchorsOf(run) === undefined) return true;
  if (page.items.some((i) => isAnchor(run, i))) return true;
  if ((run.relists ?? 0) < MAX_RELISTS) return false;
  run.unsettled = true;
  return true;
}

/** The page just done is the one before the next: its anchors (the last of each of its lists); none after a page with no item (SyncPage.nothingKept). */
export function setAnchors(run: SyncRun, page: SyncPage): void {
  const ends = page.ends?.length ? page.ends : page.items.slice(-1).map((i) => i.sourceId);
  if (ends.length) run.anchors = ends.map(anchorOf);
  else delete run.anchors;
  delete run.anchor;
}

/** Starts the listing again from its first page. */
export function relist(run: SyncRun): void {
  run.relists = (run.relists ?? 0) + 1;
  delete run.cursor;
  delete run.anchors;
  delete run.anchor;
}

/** What a run has done (source id → fingerprint, in memory): a page read again (the overlap, a relist) does nothing twice. */
export function createSeen() {
  const seen = new Map<string, string>();
  return {
    fresh: (items: readonly SyncItem[]): SyncItem[] => items.filter((i) => seen.get(i.sourceId) !== i.fingerprint),
    add: (item: SyncItem): void => void seen.set(item.sourceId, item.fingerprint),
    /** The badges this run counted in this worker. */
    get size(): number {
      return seen.size;
    },
  };
}

/**
 * The run's start on the backpack's clock, from the first answer that says the time (RFC 9110 §6.6.1:
 * an origin server with a clock MUST send `Date`): the backpack compares `since` with its own clock
 * (OB 2.1 GET /assertions "created or updated after"), and Lanyard's may run ahead of it. The offset
 * is measured when the answer is read, so a run resumed in a later worker keeps its true start.
 */
export function noteServerClock(run: SyncRun, serverDate: number | undefined, clientNow: number): void {
  if (run.serverTime !== undefined || serverDate === undefined) return;
  const start = Date.parse(run.startedAt) + (serverDate - clientNow);
  if (Number.isFinite(start) && Math.abs(start) <= 8.64e15) run.serverTime = new Date(start).toISOString();
}

/**
 * The next run's `since`: this run's start (less a margin) on the earlier of the two clocks (a clock
 * ahead asked for what changed after a time the backpack had not reached: a badge issued meanwhile was
 * listed by no incremental run), unless the listing kept moving under it, or the run left out badges it
 * did not hold (sync-removed.ts): then this run's `since` again.
 */
export function nextSince(run: SyncRun, marginMs: number): { since?: string } {
  // Left out badges it did not hold (sync-removed.ts removedMore): the next run lists them again.
  if (run.unsettled || run.removedMore) return run.since ? { since: run.since } : {};
  const server = run.serverTime === undefined ? NaN : Date.parse(run.serverTime);
  const start = Number.isFinite(server) ? Math.min(server, Date.parse(run.startedAt)) : Date.parse(run.startedAt);
  // Not before 1970: a `Date` before the year 0 made an extended ISO year ("-000501-…", ECMA-262
  // §21.4.1.32), not an RFC 3339 date-time (§5.6: four digits), which a backpack refuses: every run
  // failed until the weekly whole listing. Any earlier `since` lists the same, everything.
  return { since: new Date(Math.max(0, start - marginMs)).toISOString() };
}
