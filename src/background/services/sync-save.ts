/**
 * How the sync writes its account's record (syncState): whole, as it has it, but never over a sign-out's
 * mark (records.ts SyncRecord.signingOutOf, signingOutSession). A sign-out writes the mark before it deletes
 * the account, then stops the sync and waits for it (accounts.ts signOut): a run that had read the record
 * before the mark (or made its finished record afresh) wrote it back without the mark, and a worker stopped
 * in that wait left the account gone with nothing saying where its backpack was (the next worker's
 * finishSignOuts: revoked 'failed', the session live there). Read and written in one transaction (db.ts update).
 */
import type { Db } from '../../platform/db.ts';
import type { SyncRecord } from '../../platform/records.ts';

export function syncRecordSaver(db: Pick<Db, 'syncState'>): (r: SyncRecord) => Promise<void> {
  return async (r) => {
    await db.syncState.update(r.accountId, (stored) => {
      if (stored?.signingOutOf === undefined) return r;
      const { signingOutOf, signingOutSession } = stored;
      return { ...r, signingOutOf, ...(signingOutSession ? { signingOutSession } : {}) };
    });
  };
}
