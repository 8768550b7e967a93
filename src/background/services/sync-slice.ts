/**
 * What a run handles of one answer.
 *
 * The same badge twice in one answer: OB 3.0 getCredentials (ob_v3p0.lines, "Paging") and Badge
 * Connect GET /assertions (OB 2.1 §"Pagination") answer a list of a backpack's credentials, and
 * Badgr v2 GET /backpack/assertions one entry per assertion (its `entityId`); none of them lists one
 * twice, and none says which of two entries with one id counts. Both were handled at once and
 * written to the same key, whichever save came last. Now the later entry in the answer is the one
 * kept, the others dropped before anything is verified: as a badge met again on a later page (or
 * in a later answer) replaces the one met before, and as an upsert listing reads.
 *
 * More entries than the page's `limit`: the APIs' `limit` is "the maximum number of ... to return"
 * (OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"), and an answer with far more (a hostile backpack,
 * or one that ignores `limit`) was handled whole: as many badges as 32 MB holds verified before the
 * page's progress was saved. At most `limit` new entries of an answer are handled; then the run
 * saves its progress and asks for the same page again, which brings the rest (the entries done are
 * skipped by the run's record of them, `seen`, or after a restart by their stored content hash),
 * and goes on to the next page once an answer brings nothing new. Entries are not cut by position
 * and read at a later offset: an OB 3.0 or Badge Connect answer holds two lists (JSON and compact
 * JWS) whose order in the listing is not given, so an offset past a cut could skip some. A page
 * asked again more often than its first answer's size needs (an answer with new entries each
 * time) stops the run, which says why: what was read is kept.
 */
import { BackpackError, BackpackErrorCodes as C } from '../../backpack/errors.ts';
import type { SyncItem } from './providers/index.ts';

/** The later entry for each source id, in the order of those kept. */
export function lastOfEach(items: readonly SyncItem[]): SyncItem[] {
  const last = new Map<string, number>();
  items.forEach((item, i) => last.set(item.sourceId, i));
  return items.filter((item, i) => last.get(item.sourceId) === i);
}

export interface Slice {
  items: SyncItem[];
  /** The answer held more new entries than were handled: ask for the same page again. */
  again: boolean;
  /** The page was asked again too often: the run stops after saving `items`. */
  stop?: BackpackError;
}

/** Per run: how often the current page was asked again, and how often its first answer allows. */
export function createSlicer() {
  let page: { cursor: string | undefined; answers: number; allowed: number } | undefined;
  return {
    /** `fresh`: the answer's new entries; `limit`: what the page was asked for (none: the provider does not page by limit, Badgr). */
    take(cursor: string | undefined, fresh: readonly SyncItem[], limit: number | undefined): Slice {
      if (limit === undefined || limit < 1) return { items: [...fresh], again: false };
      if (!page || page.cursor !== cursor) page = { cursor, answers: 0, allowed: Math.ceil(fresh.length / limit) };
      page.answers += 1;
      if (fresh.length <= limit) {
        page = undefined;
        return { items: [...fresh], again: false };
      }
      const items = fresh.slice(0, limit);
      if (page.answers <= page.allowed) return { items, again: true };
      page = undefined;
      return { items, again: false, stop: new BackpackError(C.PROTOCOL, `The backpack answers more badges than Lanyard asks for (${fresh.length} new for a limit of ${limit}), other ones each time it is asked: Lanyard kept the badges read up to there and stopped`) };
    },
  };
}
