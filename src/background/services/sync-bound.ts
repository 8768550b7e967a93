/**
 * How far one run may follow a backpack's next links. The OB 3.0 API and Badge Connect page by
 * `limit`/`offset` with Link rel="next" (OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"), and a
 * run followed every next link that moved the offset on: a hostile backpack (or one whose listing
 * grows as it is read) could keep a run paging, and writing badges, forever. Only Badgr's client had a
 * page cap (backpack/badgr-request.ts). Now every run is bounded, for every provider:
 *
 * - badges: what the backpack announced at the run's first answer (X-Total-Count, OB 3.0 / OB 2.1;
 *   a Badgr listing's length when it is one page) plus a margin for badges added while the run reads, and never more than
 *   MAX_BADGES a run;
 * - pages: never more than MAX_PAGES next links a run (each listing again from the first page,
 *   sync-anchor.ts, counted with them, and every page fetched: a Badgr page of rejected badges only,
 *   SyncPage.nothingKept, is one), nor more than one a badge announced plus the margin.
 *
 * A total the run has already read as many badges as, with a next link still to follow, was never the
 * listing's size (a server counting its answer, or one of its two lists): it is dropped, and the run is
 * bounded by the absolute caps, as for a backpack that announces nothing, which any backpack may be. A
 * count of 10 had every run stop past 60 badges with an error, each next one (after its backoff) 60 more.
 *
 * Past either, the run stops with a PROTOCOL error naming the account, once the page it was on is
 * stored: what was read is kept, the cursor is the next page, and the next run (after the backoff
 * a failed run waits, retry.ts) resumes there with a new allowance, against the total announced then. The window is kept in the run
 * (syncState), so a worker stopped or a request failed midway does not start it again.
 */
import { BackpackError, BackpackErrorCodes as C } from '../../backpack/errors.ts';
import type { SyncRun } from '../../platform/records.ts';

export const MAX_BADGES = 10_000;
export const MAX_PAGES = 500;

/** Badges added while a run reads: a tenth of what was announced, at least this many. */
const MIN_MARGIN = 50;

const margin = (announced: number): number => Math.max(MIN_MARGIN, Math.ceil(announced / 10));

/** The first answer's total, when the backpack gave one, is what the window is measured against. */
export function announce(run: SyncRun, done: number, total: number | undefined): void {
  run.window ??= { from: done, pages: 0 };
  if (run.window.announced === undefined && !run.window.outrun && total !== undefined && Number.isSafeInteger(total) && total >= 0) run.window.announced = total;
}

export function allowance(announced: number | undefined): { badges: number; pages: number } {
  if (announced === undefined) return { badges: MAX_BADGES, pages: MAX_PAGES };
  const most = announced + margin(announced);
  return { badges: Math.min(MAX_BADGES, most), pages: Math.min(MAX_PAGES, most + 1) };
}

/**
 * Counts a next link about to be followed (`done`: the run's badges so far); returns the error that
 * stops the run when the window is spent, and then opens the next window for the run that resumes
 * (measured against the total the backpack announces then).
 */
export function followNext(run: SyncRun, done: number, account: { user: string; baseUrl: string }): BackpackError | undefined {
  const w = (run.window ??= { from: done, pages: 0 });
  w.pages += 1;
  // Read as many as announced, and a next link still to follow: the count was not the listing's.
  if (w.announced !== undefined && done >= w.announced) {
    delete w.announced;
    w.outrun = true;
  }
  const { badges, pages } = allowance(w.announced);
  const read = done - w.from;
  if (w.pages <= pages && read <= badges) return undefined;
  run.window = { from: done, pages: 0 };
  const said = w.announced !== undefined ? `it announced ${w.announced}` : w.outrun ? 'it listed more than the count it gave' : 'it did not say how many it holds';
  const past = w.pages > pages ? `${w.pages} pages` : `${read} badges`;
  return new BackpackError(C.PROTOCOL, `${account.user} at ${new URL(account.baseUrl).host}: the backpack's listing goes on past ${past} (${said}): Lanyard kept the ${done} badges read and stopped; the next sync goes on from there`);
}
