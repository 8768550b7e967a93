/**
 * The end of a sign-out (accounts.ts signOut), after its account record is gone: its tokens forgotten, the local badges
 * its copies stood for put back (synced-twin.ts revealTwins), the badges its backpack no longer lists
 * kept in this browser (unlisted-keep.ts), then the account's badges and its sync state forgotten,
 * the sync state last. Each step can be run again, so a worker stopped between two of them (the
 * browser closed, the worker killed while the server's revocation hung) is ended by the next one
 * (finishSignOuts): a sync state left without its account is such a sign-out. Before, the account's
 * badges stayed listed for good (no sign-out could find the account again), a twin stayed hidden
 * behind a copy nobody synced, and a badge moved here was listed beside its backpack copy. A sign-in
 * to the same account (the same id) waits for its sign-out, or ends the one left, first (clear); a
 * sign-out that begins while such a sign-in stores the account waits for it (begin).
 */
import type { Db } from '../../platform/db.ts';
import type { SessionRef, SyncRecord } from '../../platform/records.ts';
import { LOCAL } from './identities.ts';
import type { Revoked } from './session-end.ts';
import { revealTwins } from './synced-twin.ts';

export interface EndDeps {
  db: Db;
  /** Forgets the account's tokens (tokens.ts clear). */
  clearTokens: (accountId: string) => Promise<void>;
  /** Ends the session stored for the account at its backpack, best effort, never failing (session-end.ts revokeStored). */
  revoke?: (accountId: string, ref: SessionRef | undefined, from: string | undefined) => Promise<Revoked>;
  /** Keeps the badges its backpack no longer lists (unlisted-keep.ts); how many stay. `from`: the backpack's host, when known. */
  keepUnlisted?: (accountId: string, from: string | undefined) => Promise<number>;
}

/** How many badges stayed here; for a sign-out a stopped worker left, what became of its session at the backpack. */
type Ended = { kept: number; revoked?: Revoked };

export function createSignOutEnd(d: EndDeps) {
  /** One end at a time per account: a sign-out and a restarted worker's pass never move a badge twice. */
  const ending = new Map<string, Promise<Ended>>();
  /**
   * Sign-outs under way in this worker, from before their account is deleted (not a stopped worker's):
   * settled once over. `n`: how many share it (two clicks), each ended or abandoned: settled by the
   * first to end, a sign-in went on while the other still waited, whose end then forgot its tokens.
   */
  const started = new Map<string, { over: Promise<void>; settle: () => void; n: number }>();
  /**
   * Sign-ins storing an account here, from the end of their wait (clear) until its record and tokens
   * are written: a sign-out of it begins only after (begin). Each side checks the other and marks
   * itself with no await between, so neither runs beside the other: a sign-out that began while a
   * sign-in wrote the same account back deleted it first, then forgot the new tokens the sign-in stored.
   */
  const storing = new Map<string, Set<Promise<void>>>();
  const markStoring = (accountId: string): (() => void) => {
    let done!: () => void;
    const p = new Promise<void>((r) => (done = r));
    const set = storing.get(accountId) ?? new Set<Promise<void>>();
    storing.set(accountId, set.add(p));
    return () => {
      done();
      set.delete(p);
      if (!set.size && storing.get(accountId) === set) storing.delete(accountId);
    };
  };
  const stop = (accountId: string): void => {
    const s = started.get(accountId);
    if (!s || --s.n) return;
    s.settle();
    started.delete(accountId);
  };

  async function end(accountId: string, from: string | undefined, left?: SyncRecord): Promise<Ended> {
    // Left by a stopped worker, perhaps before or while it revoked the session: ended at the backpack
    // first with what the mark kept, since the account record is gone (a mark without it: 'failed').
    const revoked = left ? await d.revoke?.(accountId, left.signingOutSession, from) : undefined;
    await d.clearTokens(accountId);
    // The local badges its copies stood for come back to the list first: nothing the user added is lost (synced-twin.ts).
    await revealTwins(d.db, accountId);
    // Nor is a badge the backpack no longer lists, which may be the only copy left: kept in this browser.
    const kept = (await d.keepUnlisted?.(accountId, from)) ?? 0;
    await d.db.badges.deleteByAccount(accountId);
    // Last: while it stays, the sign-out is not over (finishSignOuts).
    await d.db.syncState.delete(accountId);
    return { kept, ...(revoked ? { revoked } : {}) };
  }

  /** Ends the sign-out of `accountId` (its account record deleted already); how many badges stayed here. `began`: by a sign-out that began (begin), its share of the mark then ends. */
  function endSignOut(accountId: string, from: string | undefined, began = false): Promise<number> {
    const p = ended(accountId, from).then((e) => e.kept);
    return began ? p.finally(() => stop(accountId)) : p;
  }

  /** One end at a time (`ending`); `left`: the mark of a sign-out a stopped worker left. */
  function ended(accountId: string, from: string | undefined, left?: SyncRecord): Promise<Ended> {
    let p = ending.get(accountId);
    if (!p) {
      p = end(accountId, from, left).finally(() => ending.delete(accountId));
      ending.set(accountId, p);
    }
    return p;
  }

  /** Ends a sign-out left unfinished (a sync state without its account), unless one is under way here. */
  async function endLeft(accountId: string, onWait?: () => void): Promise<Ended | undefined> {
    const [account, state] = await Promise.all([d.db.accounts.get(accountId), d.db.syncState.get(accountId)]);
    // Read again now, not from a list read before: a sign-in may have stored the account since.
    if (account || !state || started.has(accountId)) return undefined;
    onWait?.();
    // One ending already (another pass, a sign-in's) is waited for, not run twice.
    return ended(accountId, state.signingOutOf, state);
  }

  return {
    /**
     * A sign-out starts here (before it reads its account): finishSignOuts leaves it to its own end. A
     * sign-in storing the same account (clear) is waited for first, then the sign-out begins at once.
     */
    async begin(accountId: string): Promise<void> {
      for (let s = storing.get(accountId); s; s = storing.get(accountId)) await Promise.all(s);
      // Two clicks that both read the account before either deleted it share one, until both have ended.
      const s = started.get(accountId);
      if (s) return void s.n++;
      let settle!: () => void;
      const over = new Promise<void>((r) => (settle = r));
      started.set(accountId, { over, settle, n: 1 });
    },
    /** Whether a sign-out of the account began in this worker and has not ended. */
    underway: (accountId: string): boolean => started.has(accountId),
    /** The sign-out that began failed before its end: a later pass may end it. */
    abandon: stop,
    endSignOut,
    /** Ends the sign-out a stopped worker left of the account, if any (a sync state without its account): its session revoked first. */
    endLeft: (accountId: string): Promise<Ended | undefined> => endLeft(accountId),
    /**
     * Before a sign-in stores the account (accounts.ts): the same account (its id is its backpack
     * and user) signed out here is waited for, and a sign-out left unfinished is ended, so that no end
     * forgets the new sign-in's tokens, badges or sync state afterwards, and no state of the account
     * signed out (its `since`, its run) is taken for the new one's (a Badge Connect run incremental
     * from it never listed again the badges the sign-out deleted). `onWait`: called only when there is
     * such a sign-out to wait for or to end (the popup says so: accounts.ts commit). Resolves with what
     * the sign-in calls once it has stored the account (or given up): until then a sign-out of it waits (begin).
     */
    async clear(accountId: string, onWait?: () => void): Promise<() => void> {
      for (;;) {
        for (let p = started.get(accountId)?.over ?? ending.get(accountId); p; p = started.get(accountId)?.over ?? ending.get(accountId)) {
          onWait?.();
          await p.then(() => undefined, () => undefined);
        }
        await endLeft(accountId, onWait);
        // Looked at again and marked with no await between: a sign-out may have begun during endLeft's reads.
        if (!started.has(accountId) && !ending.has(accountId)) return markStoring(accountId);
      }
    },
    /** Ends every sign-out a stopped worker left: a sync state whose account is gone. */
    async finishSignOuts(): Promise<void> {
      const [accounts, states] = await Promise.all([d.db.accounts.all(), d.db.syncState.all()]);
      const ids = new Set(accounts.map((a) => a.id));
      for (const s of states) if (s.accountId !== LOCAL && !ids.has(s.accountId)) await endLeft(s.accountId);
    },
  };
}
