/**
 * A saved page cursor the backpack no longer takes. A run keeps the address of the page it is on
 * (Badgr's next link, an OB 3.0 or Badge Connect `offset` link: sync.ts) so that a run cut short
 * resumes there; a backpack whose cursors expire (Badgr's cursor pagination, an OB 3.0 server with
 * opaque or short-lived cursors) answers such a page 400 (RFC 9110 §15.5.1), 404 (§15.5.5) or 410
 * (§15.5.11), and the account failed at that page on every run, never starting over. Such an
 * answer to a resumed page (never the first page of a listing, nor a 401/403, a 429, a 5xx or no
 * answer: those are not the cursor's fault) drops the cursor, and the run lists again from the
 * first page, once; refused again, the run fails with its cursor dropped, so the next run (after
 * its backoff, retry.ts) begins at the first page too. Badges are upserted by key: nothing is lost.
 */
import { BackpackErrorCodes as C, isBackpackError } from '../../backpack/errors.ts';
import type { SyncRun } from '../../platform/records.ts';

const REFUSED_PAGE = new Set([400, 404, 410]);

/** Whether the error is a backpack's answer that the page asked is not one it serves. */
export const cursorRefused = (e: unknown): boolean => isBackpackError(e, C.REJECTED) && e.status !== undefined && REFUSED_PAGE.has(e.status);

/** The listing from its first page again (the count begins a new pass: sync-count.ts). */
export function startOver(run: SyncRun): void {
  delete run.cursor;
  delete run.anchors;
  delete run.anchor;
}

/**
 * The page the run is on (`read`); where the backpack refuses the resumed cursor, the listing starts
 * over (startOver, then `saved`: the count's new pass, saved) and the answer is undefined: the
 * caller reads the first page. A second refusal in the run (`once`) is thrown, after that.
 */
export async function readOrStartOver<P>(run: SyncRun, once: { restarted: boolean }, read: () => Promise<P>, saved: () => Promise<void>): Promise<P | undefined> {
  const resumed = run.cursor !== undefined;
  try {
    return await read();
  } catch (e) {
    if (!resumed || !cursorRefused(e)) throw e;
    startOver(run);
    await saved();
    if (once.restarted) throw e;
    once.restarted = true;
    return undefined;
  }
}
