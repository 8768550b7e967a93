/**
 * One badge, one entry, and nothing the user added is lost: a local badge (a file or link the user
 * added) of which a signed-in backpack synced a copy (the same id: the synced record's
 * `meta.credentialId`) is that copy's hidden twin. The list shows the backpack's copy
 * (synced-copy.ts says why that one); the user's record and original bytes (a baked image the
 * backpack may not have) are kept whole inside its original (src/platform/db-hidden.ts), not
 * listed, counted or checked again. When the backpack's copy goes because its account signs out,
 * the local badge is put back as it was verified from the user's input; when the user removes the
 * backpack's copy, the twin goes with it (the user asked for the badge gone).
 *
 * Shape: the hidden record lives in the original, not in `badges` with a flag, so that every reader
 * of the badges (the list, its first screen, the count, the pickers, the counts per address, Check
 * all) needs no filter and the database version stays; a twin is found by its key alone (the local
 * backpack's key for that id: badgeKey(LOCAL, `id:<credentialId>`), which an import of such a badge
 * uses, library.ts).
 */
import type { Db } from '../../platform/db.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { LOCAL } from './identities.ts';

/** The local backpack's key of the badge a synced record stands for, if it names its id. */
export const twinKey = (synced: BadgeRecord): string | undefined =>
  synced.accountId !== LOCAL && synced.meta.credentialId ? badgeKey(LOCAL, `id:${synced.meta.credentialId}`) : undefined;

/**
 * Whether the backpack's copy stands for this local one: not when the local copy fails where the
 * backpack's does not (a tampered copy claiming its id is kept apart and shown, library.ts).
 */
export const standsFor = (synced: BadgeRecord, local: Pick<BadgeRecord, 'verdict'>): boolean => !(local.verdict === 'invalid' && synced.verdict !== 'invalid');

/** After a sync stored these records (a page's): the local badges they stand for are hidden. */
export async function hideTwins(db: Pick<Db, 'badges' | 'hidden'>, synced: readonly (BadgeRecord | undefined)[]): Promise<void> {
  const pairs = synced.flatMap((r) => {
    const key = r && twinKey(r);
    return key ? [{ key, synced: r }] : [];
  });
  if (!pairs.length) return;
  const locals = await db.badges.getMany(pairs.map((p) => p.key));
  for (const [i, local] of locals.entries()) if (local && standsFor(pairs[i]!.synced, local)) await db.hidden.hide(pairs[i]!.key, pairs[i]!.synced.key);
}

/**
 * Before an account's badges are forgotten (sign-out): each local badge one of them stood for is put
 * back, unless another signed-in backpack still holds the same badge.
 */
export async function revealTwins(db: Pick<Db, 'badges' | 'accounts' | 'hidden'>, accountId: string): Promise<void> {
  const others = (await db.accounts.all()).filter((a) => a.id !== LOCAL && a.id !== accountId);
  const stillHeld = new Set((await Promise.all(others.map((a) => db.badges.byAccount(a.id)))).flat().map((r) => r.meta.credentialId));
  for (const r of await db.badges.byAccount(accountId)) {
    const key = twinKey(r);
    if (key && !stillHeld.has(r.meta.credentialId)) await db.hidden.reveal(key);
  }
}
