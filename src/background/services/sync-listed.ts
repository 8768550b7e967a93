/**
 * What the backpack lists now, as its last complete listing saw it. A badge the provider stops
 * listing stays cached (ARCHITECTURE.md), and checking it again (Check again, Check all, the check
 * when addresses change: badge-verify.ts recheckStored) used to take the backpack's word that it
 * lists it, so a badge issued to an address Lanyard does not know as the user's kept saying "Your
 * backpack lists this badge" after the backpack had deleted it or detached it with a removed address.
 *
 * Only a listing that was read whole knows what is not in it: a run of a backpack that lists
 * everything (Badgr, OB 3.0, a Badge Connect run without `since`), complete, read from its first page
 * in this worker (a run resumed at a later page saw only the rest) and not ended for a listing that
 * kept moving. It marks each stored badge of the account it did not hold (`unlisted`, the instant)
 * and takes the mark off one it held; a badge whose owner the backpack's word had settled (no
 * recipient of the user's, or pending) is then checked again with what the backpack says now, written
 * only over the record marked (recheckStored). An incremental run knows nothing of what is gone and
 * leaves the marks as they are.
 */
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { recheckStored } from './badge-verify.ts';
import type { Identities, IdentitySet } from './identities.ts';
import type { Verifier } from './verifier.ts';

export interface ListingDeps {
  db: Pick<Db, 'badges' | 'originals' | 'saveBadgeIf'>;
  identities: Identities;
  verifier: Verifier;
  now: () => Date;
}

/** The stored record with the mark as the listing says (`at`: not held), or undefined when it already says so (or is gone). */
const marked = (r: BadgeRecord | undefined, listed: (sourceId: string) => boolean, at: string): BadgeRecord | undefined => {
  if (!r || listed(r.sourceId) !== Boolean(r.unlisted)) return undefined;
  const { unlisted: _, ...rest } = r;
  return listed(r.sourceId) ? rest : { ...rest, unlisted: at };
};

/** After a whole listing: `listed` tells the source ids it held. */
export async function markListing(d: ListingDeps, accountId: string, listed: (sourceId: string) => boolean, signal: AbortSignal): Promise<void> {
  const at = d.now().toISOString();
  let ids: IdentitySet | undefined;
  for (const r of await d.db.badges.byAccount(accountId)) {
    signal.throwIfAborted();
    if (!marked(r, listed, at)) continue;
    const now = await d.db.badges.update(r.key, (current) => marked(current, listed, at));
    if (now && (now.recipient === null || now.pending)) await recheckStored(d.db, d.verifier, (ids ??= await d.identities.forAccount(accountId)), now, d.now);
  }
}
