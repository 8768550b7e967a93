/**
 * A sync verifies its badges with the account's addresses as they were when the run started
 * (identities.ts). When they change during the run (the user trusts a backpack or types an address,
 * another account's sync brings a newly verified address), every badge is checked again
 * (library.ts verify), and that may reach a badge before the run writes it with the old addresses;
 * an incremental run (Badge Connect `since`) would then not list the badge again to set it right.
 * So once the run's writes are done, and only when the addresses changed since it started, each badge
 * of the account verified with other addresses than the current ones is checked again, written only
 * over the record it was made from (badge-verify.ts recheckStored).
 */
import type { Db } from '../../platform/db.ts';
import { identitiesHash } from './badge-record.ts';
import { recheckStored } from './badge-verify.ts';
import type { Identities } from './identities.ts';
import type { Verifier } from './verifier.ts';

export interface SettleDeps {
  db: Pick<Db, 'badges' | 'originals' | 'saveBadgeIf'>;
  identities: Identities;
  verifier: Verifier;
  now: () => Date;
}

/** `runHash`: the identities hash the run verified with (undefined: it verified nothing). */
export async function settleIdentities(d: SettleDeps, accountId: string, runHash: string | undefined, signal: AbortSignal): Promise<void> {
  if (runHash === undefined) return;
  const ids = await d.identities.forAccount(accountId);
  const hash = await identitiesHash(ids.verified);
  if (hash === runHash) return;
  for (const r of await d.db.badges.byAccount(accountId)) {
    signal.throwIfAborted();
    if (r.identitiesHash !== hash) await recheckStored(d.db, d.verifier, ids, r, d.now);
  }
}
