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
 * kept moving (sync.ts decides). It marks each stored badge of the account it did not hold
 * (`unlisted`, the instant), and takes the mark off one it held (a badge listed again is verified
 * again by the run, sync-badge.ts, but a result kept whole, last-complete.ts, keeps the record's
 * mark); a badge whose owner the backpack's word had settled (no recipient of the user's, or pending)
 * is then checked again with what the backpack says now, written only over the record marked
 * (recheckStored). The account's keys are read, not its records: only those to mark are. An
 * incremental run knows nothing of what is gone and leaves the marks as they are.
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

/** The record with its mark as the listing says (`at`: not held), or undefined when it says so already (or is gone). */
function remarked(r: BadgeRecord | undefined, held: ReadonlySet<string>, at: string): BadgeRecord | undefined {
  if (!r || held.has(r.key) !== Boolean(r.unlisted)) return undefined;
  const { unlisted: _, ...rest } = r;
  return held.has(r.key) ? rest : { ...rest, unlisted: at };
}

/** One run's listing: the keys it held, and those of its stored records that carried a mark. */
export function createListing() {
  const held = new Set<string>();
  const wasMarked = new Set<string>();
  return {
    /** A page's stored records, as the run read them. */
    read(found: readonly (BadgeRecord | undefined)[]): void {
      for (const r of found) if (r?.unlisted) wasMarked.add(r.key);
    },
    /** A page's badges, all handled (written, left as they were, or removed by the user). */
    held(keys: readonly string[]): void {
      for (const k of keys) held.add(k);
    },
    /** How many badges the listing held: fewer than the backpack announced (X-Total-Count) is not the whole of it. */
    get size(): number {
      return held.size;
    },
    /** Once the listing was read whole: the account's badges marked as it says. */
    async mark(d: ListingDeps, accountId: string, signal: AbortSignal): Promise<void> {
      const at = d.now().toISOString();
      const keys = [...(await d.db.badges.keysByAccount(accountId)).filter((k) => !held.has(k)), ...wasMarked];
      // Every mark first, none cut short: a sign-out stops the run (sync.ts cancel) and then keeps the
      // badges marked (unlisted-keep.ts), so one found gone but not marked yet was forgotten with the
      // account. The checks again, which wait on the network, are what a stop cuts short.
      const recheck: BadgeRecord[] = [];
      for (const key of keys) {
        const now = await d.db.badges.update(key, (current) => remarked(current, held, at));
        if (now && (now.recipient === null || now.pending)) recheck.push(now);
      }
      let ids: IdentitySet | undefined;
      for (const now of recheck) {
        signal.throwIfAborted();
        await recheckStored(d.db, d.verifier, (ids ??= await d.identities.forAccount(accountId)), now, d.now);
      }
    },
  };
}
