/**
 * The copy of a badge a connected backpack already synced, found for a badge the user imports into
 * the local backpack (library.ts import): the same badge id (the assertion's or credential's `id`,
 * kept as `meta.credentialId`; for a link, the link itself), held by another account that is still
 * signed in. Such an import made a second entry of the same badge beside the synced one.
 *
 * Which copy wins: the backpack's, when it stands for the user's (synced-twin.ts standsFor: the same
 * issuer and achievement, and valid where the user's copy is valid). A sync writes it again with each run (sync-badge.ts), so a local
 * copy kept instead would soon stand beside it again; the backpack's copy carries what the
 * provider says of the recipient, and is kept current. Nothing stored is lost: the synced record is
 * left as it is, and what the user added (now or before) is kept as its hidden twin, back in the
 * list when that backpack signs out (synced-twin.ts). The user is told where the badge is ("You
 * already have this badge from <backpack>").
 */
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { LOCAL } from './identities.ts';
import { standsFor } from './synced-twin.ts';

export interface SyncedCopy {
  record: BadgeRecord;
  /** The backpack's name as its account shows it (AccountRecord.providerName). */
  from: string;
}

/**
 * Every such copy, oldest account first, then by key: the same copy is named first each time. The
 * import takes the first that stands for the user's copy (synced-twin.ts standsFor): one backpack's
 * copy may be another award under the same id (another achievement) while another backpack holds
 * the user's.
 */
export async function syncedCopies(db: Pick<Db, 'badges' | 'accounts'>, ids: readonly (string | undefined)[]): Promise<SyncedCopy[]> {
  const wanted = new Set(ids.filter((id): id is string => !!id));
  if (!wanted.size) return [];
  // Only the accounts' own badges are read (the byAccount index), never the local backpack's.
  const accounts = (await db.accounts.all()).filter((a) => a.id !== LOCAL).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const copies: SyncedCopy[] = [];
  for (const account of accounts) {
    const records = await db.badges.byAccount(account.id);
    for (const record of records.filter((r) => r.meta.credentialId !== undefined && wanted.has(r.meta.credentialId)).sort((a, b) => a.key.localeCompare(b.key))) copies.push({ record, from: account.providerName });
  }
  return copies;
}

/** The local badge stored under `key` hidden again behind the first of `copies` that stands for it (synced-twin.ts), if one does. */
export async function hideAgain(db: Pick<Db, 'badges' | 'hidden'>, key: string, copies: readonly SyncedCopy[]): Promise<void> {
  const local = await db.badges.get(key);
  const copy = local && copies.find((c) => standsFor(c.record, local));
  if (copy) await db.hidden.hide(key, copy.record.key);
}
