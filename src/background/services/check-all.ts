/**
 * Checking stored badges again: one (Check again) or every badge, account by account, with the
 * progress in each account's sync state (`verifying`, done of total) and the worker kept up while
 * it runs. Moved as written from library.ts, which spreads it into the library.
 */
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord, SyncRecord } from '../../platform/records.ts';
import { recheckStored } from './badge-verify.ts';
import { LOCAL, type Identities } from './identities.ts';
import type { Verifier } from './verifier.ts';

export interface CheckAllDeps {
  db: Db;
  verifier: Verifier;
  identities: Identities;
  now: () => Date;
  keepAlive?: (signal: AbortSignal) => void;
  mustGet: (key: string) => Promise<BadgeRecord>;
}

export function createCheckAll({ db, verifier, identities, now, keepAlive, mustGet }: CheckAllDeps) {
  /** Re-verifications of every badge running in this worker, per account: a `verifying` record without one is left from a stopped worker (views.ts syncView). */
  const verifying = new Map<string, number>();

  /**
   * Merges the progress of a re-verification into the account's sync state as it is now, in one
   * transaction (db.ts update): a sync reports its own progress (syncing), and an account signed out
   * meanwhile (its state gone; the local backpack has no account) gets none back.
   */
  async function setProgress(accountId: string, patch: (s: SyncRecord) => Partial<SyncRecord>): Promise<void> {
    await db.syncState.update(accountId, (s) => {
      if (s?.status === 'syncing' || (!s && accountId !== LOCAL)) return undefined;
      const base: SyncRecord = s ?? { accountId, status: 'idle', done: 0, total: 0, failures: 0 };
      return { ...base, ...patch(base) };
    });
  }

  return {
    /** `onlyOf`: every badge of that account (or LOCAL) alone, when `key` names none. */
    async verify(key?: string, onlyOf?: string): Promise<{ verified: number }> {
      const records = key ? [await mustGet(key)] : (await db.badges.all()).filter((r) => onlyOf === undefined || r.accountId === onlyOf);
      const byAccount = new Map<string, BadgeRecord[]>();
      for (const r of records) {
        const list = byAccount.get(r.accountId) ?? [];
        list.push(r);
        byAccount.set(r.accountId, list);
      }
      let verified = 0;
      // A check of every badge outlives the popup that asked for it (its message ends when the popup closes).
      const alive = new AbortController();
      if (!key) keepAlive?.(alive.signal);
      try {
        for (const [accountId, list] of byAccount) {
          if (!key) verifying.set(accountId, (verifying.get(accountId) ?? 0) + 1);
          try {
            const ids = await identities.forAccount(accountId);
            if (!key) await setProgress(accountId, () => ({ status: 'verifying', done: 0, total: list.length }));
            for (const [i, r] of list.entries()) {
              await recheckStored(db, verifier, ids, r, now);
              verified++;
              if (!key) await setProgress(accountId, () => ({ status: 'verifying', done: i + 1, total: list.length }));
            }
          } finally {
            // A failed sync waiting for its retry stays failed (its error and retry time are kept
            // meanwhile); one that a sync has settled since stays settled. The same when a badge's
            // check threw: the account does not stay `verifying`.
            if (!key) {
              const left = verifying.get(accountId)! - 1;
              if (left > 0) verifying.set(accountId, left);
              else verifying.delete(accountId);
              if (!left) await setProgress(accountId, (s) => ({ status: s.error ? 'error' : 'idle' }));
            }
          }
        }
      } finally {
        alive.abort();
      }
      return { verified };
    },

    /** Whether a re-verification of every badge runs for the account in this worker. */
    isVerifying: (accountId: string): boolean => verifying.has(accountId),
  };
}
