/**
 * Sync: an account's badges into the cache, on an alarm or on demand. Each run pages through the
 * provider (Link rel="next", `since` the last good run when the API has it), verifies every new or
 * changed badge with the account's verified addresses, and writes the badge and its progress
 * (n of m) in one transaction. Nothing is ever deleted by a sync, and badges are upserted by key,
 * so a run cut short (worker killed, 500, timeout, 401, 429) loses and duplicates nothing: the
 * interrupted run stays in syncState with its page cursor, and the next run resumes it.
 */
import type { Fetch } from '../../core/verify/context.ts';
import type { Alarms } from '../../platform/alarms.ts';
import type { Db } from '../../platform/db.ts';
import type { HostPermissions } from '../../platform/permissions.ts';
import type { AccountRecord, SyncRecord, SyncRun } from '../../platform/records.ts';
import { identitiesHash } from './badge-record.ts';
import { createRunDocuments } from './run-documents.ts';
import { createBadgeProcessor, type RunContext } from './sync-badge.ts';
import { createSyncWriter } from './sync-writes.ts';
import { removalsUnderway, removedDuringRun, type RemovedDuringRun } from './sync-removed.ts';
import { anchorHolds, isAnchor, nextSince, noteServerClock, relist, setAnchors } from './sync-anchor.ts';
import { createSlicer, lastOfEach } from './sync-slice.ts';
import { announce, followNext } from './sync-bound.ts';
import { tooManyAddresses } from './address-bound.ts';
import { readAddresses } from './sync-addresses.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import type { Identities } from './identities.ts';
import type { Provider, Providers } from './providers/index.ts';
import { DEFAULT_RETRY, retryDue, sleep as realSleep, type RetryPolicy, type Sleep } from './retry.ts';
import { providerCall } from './sync-call.ts';
import { failureBeforeRetry, failureOf, retryTime, type FailureBeforeRetry } from './sync-failure.ts';
import { settleIdentities } from './sync-identities.ts';
import { hideTwins, recheckLocal } from './synced-twin.ts';
import { createListing } from './sync-listed.ts';
import { createAwardKeys } from './sync-award-key.ts';
import type { Tokens } from './tokens.ts';
import type { Verifier } from './verifier.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { runPageItems } from './sync-page.ts';
import { readOrStartOver } from './sync-cursor.ts';
import { createCount } from './sync-count.ts';
import { syncRecordSaver } from './sync-save.ts';
import { BADGE_TIMEOUT_MS, CONCURRENT, runSince, SINCE_MARGIN_MS, wholeAtAfter } from './sync-limits.ts';

export interface SyncDeps {
  db: Db;
  verifier: Verifier;
  identities: Identities;
  tokens: Tokens;
  providers: Providers;
  /** Fetches baked images (the host-permission fetch). */
  fetch: Fetch;
  alarms?: Pick<Alarms, 'at' | 'clear'>;
  /** The backpack's host must still be allowed (the user may take it back in the browser's settings). */
  permissions?: Pick<HostPermissions, 'contains'>;
  keepAlive?: (signal: AbortSignal) => void;
  sleep?: Sleep;
  now?: () => Date;
  pageSize?: number;
  retry?: RetryPolicy;
  /** A badge unchanged at the provider is still verified again after this long (validity, revocation). */
  reverifyAfterMs?: number;
  /** One badge (its baked image and its verification) holds the run this long at most; then the run moves on. */
  badgeTimeoutMs?: number;
  /** The per-badge deadline's timer (tests pass their own); default a timer cleared when the badge is done (deadline.ts). */
  timeout?: (ms: number) => AbortSignal;
  /** Items of a page verified at once (default CONCURRENT). */
  concurrency?: number;
  /** The run's listing changed the addresses confirmed everywhere (a typed address now verified: identities.ts confirmedOf). */
  onConfirmedChanged?: () => void;
}

export const retryAlarm = (accountId: string): string => `sync-retry:${accountId}`;

/** A run's watchdog: if its worker dies, this alarm wakes the next one to resume it. */
const WATCHDOG_MS = 60_000;

const idle = (accountId: string): SyncRecord => ({ accountId, status: 'idle', done: 0, total: 0, failures: 0 });

export function createSync(d: SyncDeps) {
  const now = d.now ?? (() => new Date());
  const recheckTwin = recheckLocal(d.db, d.verifier, d.identities, now);
  /** Never over a sign-out's mark (sync-save.ts). */
  const save = syncRecordSaver(d.db);
  const wait = d.sleep ?? realSleep;
  const retry = d.retry ?? DEFAULT_RETRY;
  const running = new Map<string, { promise: Promise<SyncRecord>; controller: AbortController; removed: RemovedDuringRun; recorded: Promise<unknown> }>();
  const underway = removalsUnderway();

  /** The provider's requests (sync-call.ts). */
  const call = providerCall(d.tokens, retry, wait);
  /** One badge: verified, or noted unchecked (sync-badge.ts). */
  const processOrNote = createBadgeProcessor({ ...d, now, badgeTimeoutMs: d.badgeTimeoutMs ?? BADGE_TIMEOUT_MS });

  /**
   * Returns the addresses left out (address-bound.ts) and whether the listing was read whole
   * (sync-listed.ts); `verified.hash`: the identities the run verifies with (sync-identities.ts).
   */
  async function runPages(account: AccountRecord, provider: Provider, s: SyncRecord, run: SyncRun, signal: AbortSignal, failure: FailureBeforeRetry, verified: { hash?: string }, removed: RemovedDuringRun): Promise<{ dropped: number; whole: boolean }> {
    // Addresses first, merged into the account as it is now (sync-addresses.ts).
    const read = await readAddresses(d, call, account, provider, signal, failure);
    account = read.account;
    const ids = await d.identities.forAccount(account.id);
    const idsHash = await identitiesHash(ids.verified);
    verified.hash = idsHash;
    const documents = createRunDocuments(() => now().getTime());
    const writer = createSyncWriter(d.db, s, (key) => removed.has(key));
    // What the run handled in this worker, and `done`: the distinct badges it handled, whatever worker it resumed in (sync-count.ts).
    const count = createCount(s, run);
    const slicer = createSlicer();
    // The listing is read whole here when it starts (or starts again) at its first page in this worker (sync-listed.ts).
    let whole = run.cursor === undefined;
    const listing = createListing();
    // Two awards under one credential id are two badges (sync-award-key.ts).
    const awards = createAwardKeys(d.db, account.id, (key) => removed.award(key));
    const once = { restarted: false };
    for (;;) {
      // A saved cursor the backpack no longer takes: from the first page again, once a run (sync-cursor.ts).
      const ask = () => call(account.id, (t) => provider.page(t, run.cursor, provider.incremental ? run.since : undefined, d.pageSize ?? 50), signal, failure);
      const answer = await readOrStartOver(run, once, ask, () => (count.restart(), save(s)));
      if (!answer) {
        whole = true;
        continue;
      }
      const page = await awards(answer);
      noteServerClock(run, page.serverDate, now().getTime());
      // A badge deleted at the provider moved the offset listing under this run: from the first page again (sync-anchor.ts).
      if (!anchorHolds(run, page)) {
        relist(run);
        count.restart();
        whole = true;
        await save(s);
        continue;
      }
      // The anchor was done with the page before (this run, or the one a killed worker left). One
      // entry per badge, the later one, and no more than the page's limit at a time (sync-slice.ts).
      const slice = slicer.take(run.cursor, count.fresh(lastOfEach(page.items.filter((i) => !page.overlapsPrevious || !isAnchor(run, i)))), page.limit);
      const { items } = slice;
      announce(run, s.done, page.total);
      s.total = Math.max(page.total ?? 0, s.done + items.length, s.total);
      const keys = items.map((item) => badgeKey(account.id, item.sourceId));
      const found = await d.db.badges.getMany(keys);
      const existing = new Map(keys.map((k, i) => [k, found[i]]));
      listing.read(found);
      const ctx: RunContext = { account, ids, idsHash, runId: run.id, documents, existing };
      // Verified a few at a time, each saved as it is done; the cursor moves only once every item of the page is saved (sync-page.ts).
      await runPageItems(items, { ctx, count, removed, writer, processOrNote, concurrency: d.concurrency ?? CONCURRENT, signal });
      listing.held(keys);
      // The local badges this page's copies stand for leave the list, kept whole (synced-twin.ts):
      // read again as stored, so a badge the user removed meanwhile hides nothing.
      await hideTwins(d.db, await d.db.badges.getMany(keys), recheckTwin);
      // What was read is stored; the listing cannot go on (the account says why, and the run is resumed at this page).
      if (slice.stop) throw slice.stop;
      // The rest of this answer comes with the same page asked again (the cursor stays: a restart reads it again).
      if (slice.again) {
        await save(s);
        continue;
      }
      if (page.stop) throw page.stop;
      if (!page.next || (page.items.length === 0 && !page.nothingKept)) {
        // A whole listing of everything the backpack holds: the stored badges it did not hold are marked (sync-listed.ts).
        // Not when it held fewer than the backpack announced: its next link went missing, not its badges.
        const readWhole = whole && !run.unsettled && !(provider.incremental && run.since) && !(page.total !== undefined && listing.size < page.total);
        if (readWhole) await listing.mark({ ...d, now }, account.id, signal);
        return { dropped: read.dropped, whole: readWhole };
      }
      run.cursor = page.next;
      setAnchors(run, page);
      count.pageDone();
      // A listing that goes on past what the backpack announced stops here, its pages read kept, resumed at this link (sync-bound.ts).
      const endless = followNext(run, s.done, account);
      await save(s);
      if (endless) throw endless;
      await d.alarms?.at(retryAlarm(account.id), now().getTime() + WATCHDOG_MS).catch(() => undefined);
    }
  }

  async function runOnce(accountId: string, signal: AbortSignal, removed: RemovedDuringRun, recorded: () => void): Promise<SyncRecord> {
    const account = await d.db.accounts.get(accountId);
    const prev = (await d.db.syncState.get(accountId)) ?? idle(accountId);
    if (!account) return prev;
    const startedAt = now();
    // Resume an interrupted run at the page it was on; else start one, incremental from the last good run.
    const run: SyncRun = prev.run ?? { id: crypto.randomUUID(), startedAt: startedAt.toISOString(), doneBeforePage: 0, ...runSince(prev, startedAt.getTime()) };
    removed.attach(run);
    const s: SyncRecord = { ...prev, status: 'syncing', run, done: run.doneBeforePage, total: Math.max(prev.run ? prev.total : 0, run.doneBeforePage) };
    delete s.error;
    await save(s).then(recorded);
    // A watchdog: if this worker dies mid-run, the alarm wakes the next one to resume.
    const alarm = async (at: number) => void (await d.alarms?.at(retryAlarm(accountId), at).catch(() => undefined));
    await alarm(startedAt.getTime() + WATCHDOG_MS);
    const failure = failureBeforeRetry(s, account.baseUrl, { save, alarm, now: () => now().getTime(), watchdogMs: WATCHDOG_MS });
    // Once the run's writes are done: its badges checked again if the addresses changed meanwhile.
    const verified: { hash?: string } = {};
    const settle = () => settleIdentities({ db: d.db, identities: d.identities, verifier: d.verifier, now }, accountId, verified.hash, signal);
    try {
      const host = new URL(account.baseUrl).host;
      if (account.needsSignIn) throw new ServiceError('UNAUTHORIZED', `Sign in to ${host} again to sync`);
      if (d.permissions && !(await d.permissions.contains(account.baseUrl))) {
        throw new ServiceError(E.HOST_PERMISSION, `Lanyard may no longer read ${host}: allow access to it again (in Lanyard, or the browser's extension settings under Site access) to sync`);
      }
      const { dropped, whole } = await runPages(account, await d.providers.for(account, signal), s, run, signal, failure, verified, removed);
      await settle();
      // A complete run; addresses left out are said as the account's error (no retry: the next sync is as usual).
      const said = dropped ? { status: 'error' as const, error: tooManyAddresses(host, dropped) } : { status: 'idle' as const };
      const done: SyncRecord = { accountId, done: s.done, total: s.done, failures: 0, lastSyncedAt: now().toISOString(), ...nextSince(run, SINCE_MARGIN_MS), ...wholeAtAfter(whole, run, prev), ...said };
      await save(done);
      await d.alarms?.clear(retryAlarm(accountId)).catch(() => undefined);
      return done;
    } catch (e) {
      // Signed out meanwhile: nothing of the account is written back.
      if (!(await d.db.accounts.get(accountId))) return { ...s, status: 'idle' };
      if (!signal.aborted) await settle().catch((x: unknown) => console.warn('[lanyard] sync: badges could not be checked again with the new addresses', x));
      // Counted already when it was recorded before an in-place retry (sync-failure.ts).
      const failures = failure.counted ? s.failures : s.failures + 1;
      const f = failureOf(e, account.baseUrl);
      const failed: SyncRecord = { ...s, status: 'error', failures, error: { code: f.code, message: f.message } };
      const needsUser = f.code === 'UNAUTHORIZED' || f.code === E.HOST_PERMISSION;
      // "Sign in again" however it came (a refused refresh marks it itself, tokens.ts; a client the provider
      // forgot, providers/index.ts; a token refused just after its refresh): the popup offers the sign-in
      // only to an account so marked, and a marked account's runs ask the provider nothing until then.
      if (f.code === 'UNAUTHORIZED') await d.db.accounts.update(accountId, (a) => (a && !a.needsSignIn ? { ...a, needsSignIn: true } : undefined));
      if (!needsUser && !signal.aborted) failed.retryAt = retryTime(f, failures, now().getTime());
      else delete failed.retryAt;
      await save(failed);
      if (failed.retryAt) await d.alarms?.at(retryAlarm(accountId), failed.retryAt).catch(() => undefined);
      else await d.alarms?.clear(retryAlarm(accountId)).catch(() => undefined);
      return failed;
    }
  }

  function run(accountId: string): Promise<SyncRecord> {
    const current = running.get(accountId);
    if (current) return current.promise;
    const controller = new AbortController();
    d.keepAlive?.(controller.signal);
    const removed = removedDuringRun();
    // A Remove under way as the run starts is one made during it (sync-removed.ts).
    for (const [key, award] of underway.of(accountId)) removed.add(key, award);
    let recorded!: () => void;
    const syncing = new Promise<void>((r) => (recorded = r));
    const promise = runOnce(accountId, controller.signal, removed, recorded).finally(() => {
      controller.abort();
      running.delete(accountId);
    });
    running.set(accountId, { promise, controller, removed, recorded: Promise.race([syncing, promise.catch(() => undefined)]) });
    return promise;
  }

  return {
    run,
    isRunning: (accountId: string): boolean => running.has(accountId),
    /**
     * The user removes a badge (library.ts remove, before it deletes it): the account's run going on
     * here, or one that starts before the returned end is called (once the badge is deleted), does
     * not write it back (sync-removed.ts).
     */
    removing(accountId: string, key: string, award?: string): () => void {
      running.get(accountId)?.removed.add(key, award);
      return underway.begin(accountId, key, award);
    },
    /** Starts syncs, answering once each is recorded as syncing (a poll must not read the last run's end); false when none was started. */
    async start(accountId?: string): Promise<{ started: boolean }> {
      const ids = accountId ? [accountId] : (await d.db.accounts.all()).map((a) => a.id);
      const fresh = ids.filter((id) => !running.has(id));
      await Promise.all(fresh.map((id) => (void run(id), running.get(id)?.recorded)));
      return { started: fresh.length > 0 };
    },
    /**
     * The account's retry alarm (retryAlarm: a failed run's retry, or a run's watchdog): a run only
     * once its retry time has come (retry.ts retryDue), as the periodic sync. An alarm that fires
     * early (one set before a failure moved the retry on, a stale one) must not bypass the backoff;
     * it was spent firing, so it is set again for the retry time.
     */
    async runDue(accountId: string): Promise<SyncRecord> {
      const s = await d.db.syncState.get(accountId);
      if (!s || retryDue(s, now().getTime()) || running.has(accountId)) return run(accountId);
      await d.alarms?.at(retryAlarm(accountId), s.retryAt!).catch(() => undefined);
      return s;
    },
    /** The periodic sync: every account whose retry time has come (retry.ts retryDue; the backoff is kept in syncState). */
    async runAll(): Promise<SyncRecord[]> {
      return Promise.all((await d.db.accounts.all()).map(async (a) => {
        const s = await d.db.syncState.get(a.id);
        return s && !retryDue(s, now().getTime()) ? s : run(a.id);
      }));
    },
    /** Stops every sync (the worker is going away, or a test is over). */
    destroy(): void {
      for (const r of running.values()) r.controller.abort(new Error('The sync was stopped'));
    },
    /** Stops an account's sync and waits for it to end (before the account is signed out). */
    async cancel(accountId: string): Promise<void> {
      const r = running.get(accountId);
      if (!r) return;
      r.controller.abort(new Error('The sync was stopped'));
      await r.promise.catch(() => undefined);
    },
  };
}

export type Sync = ReturnType<typeof createSync>;
