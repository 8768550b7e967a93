/**
 * One badge of a sync run (src/background/services/sync.ts): verified with the account's verified
 * addresses unless it is unchanged and fresh, under its deadline (deadline.ts), or noted unchecked
 * (sync-unchecked.ts) when it cannot be: one badge that throws or hangs never stops the run.
 */
import type { Fetch } from '../../core/verify/context.ts';
import type { Db } from '../../platform/db.ts';
import type { AccountRecord, BadgeRecord, FullBadge } from '../../platform/records.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import { sha256Hex } from './badge-record.ts';
import { verifyBadge } from './badge-verify.ts';
import { withinDeadline } from './deadline.ts';
import type { IdentitySet } from './identities.ts';
import type { SyncItem } from './providers/index.ts';
import type { RunDocuments } from './run-documents.ts';
import { originalOf } from './sync-original.ts';
import { uncheckedRecord } from './sync-unchecked.ts';
import type { Verifier } from './verifier.ts';

/** What every badge of a run is verified with; `existing`: the stored records of the page's badges, read in one transaction. */
export interface RunContext {
  account: AccountRecord;
  ids: IdentitySet;
  idsHash: string;
  runId: string;
  documents: RunDocuments;
  existing: ReadonlyMap<string, BadgeRecord | undefined>;
}

export interface BadgeDeps {
  db: Db;
  verifier: Verifier;
  /** Fetches baked images (the host-permission fetch). */
  fetch: Fetch;
  now: () => Date;
  /** A badge unchanged at the provider is still verified again after this long (validity, revocation). */
  reverifyAfterMs?: number;
  /** One badge (its baked image and its verification) holds the run this long at most. */
  badgeTimeoutMs: number;
  timeout?: (ms: number) => AbortSignal;
}

/** Returns the badge's record to save, or null when there is nothing to write. */
export function createBadgeProcessor(d: BadgeDeps): (ctx: RunContext, item: SyncItem, signal: AbortSignal) => Promise<FullBadge | null> {
  const { now, badgeTimeoutMs } = d;

  async function process({ account, ids, idsHash, runId, documents, existing: page }: RunContext, item: SyncItem, signal: AbortSignal): Promise<FullBadge | null> {
    const key = badgeKey(account.id, item.sourceId);
    const contentHash = await sha256Hex(item.fingerprint);
    const existing = page.has(key) ? page.get(key) : await d.db.badges.get(key);
    const fresh = existing?.verifiedAt && now().getTime() - Date.parse(existing.verifiedAt) < (d.reverifyAfterMs ?? 24 * 3600_000);
    // A badge listed again after a listing that did not hold it is verified again with the backpack's word (sync-listed.ts).
    if (existing && !existing.unlisted && existing.contentHash === contentHash && existing.identitiesHash === idsHash && fresh) return null;
    // A baked image stored for this same content stays when it cannot be downloaded again (sync-original.ts).
    const kind = existing?.contentHash === contentHash ? existing.original.kind : undefined;
    const stored = kind === 'png' || kind === 'svg' ? async () => {
      const o = await d.db.originals.get(key);
      return o && { kind, bytes: o.bytes };
    } : undefined;
    const { original, input } = await originalOf(d.fetch, item, signal, stored);
    return verifyBadge(d.verifier, ids, {
      key, accountId: account.id, sourceId: item.sourceId, original, input, contentHash, runId,
      ...(item.fallback ? { fallback: item.fallback } : {}),
      ...(item.provider ? { provider: item.provider } : {}),
      ...(item.bakedUrl ? { bakedUrl: item.bakedUrl } : {}),
      ...(existing ? { addedAt: existing.addedAt, previous: existing } : {}),
    }, now(), { signal, documents });
  }

  /**
   * One badge under its deadline: a slow or huge issuer (or a verifier that ignores its signal)
   * cannot hold the run; past the deadline the badge is noted and the run goes on to the next.
   */
  function processInTime(ctx: RunContext, item: SyncItem, runSignal: AbortSignal): Promise<FullBadge | null> {
    const late = () => new Error(`it took longer than ${badgeTimeoutMs >= 1000 ? `${Math.round(badgeTimeoutMs / 1000)} s` : `${badgeTimeoutMs} ms`}: the issuer's server is too slow or sends too much`);
    // The timer is cleared when the badge is done: an uncancelled one would keep its signals alive for the whole deadline (deadline.ts).
    return withinDeadline(badgeTimeoutMs, runSignal, (signal) => process(ctx, item, signal), late, d.timeout);
  }

  /**
   * One item that throws must not stop the run, or every retry would resume at the same cursor and fail
   * there again: it is kept `indeterminate` (sync-unchecked.ts). A badge already settled for the same
   * content and addresses is left as it was: a server that never answers taught nothing (last-complete.ts).
   */
  async function processOrNote(ctx: RunContext, item: SyncItem, signal: AbortSignal): Promise<FullBadge | null> {
    const { account, idsHash, runId } = ctx;
    try {
      return await processInTime(ctx, item, signal);
    } catch (e) {
      if (signal.aborted) throw e;
      const message = `Lanyard could not check this badge (${e instanceof Error ? e.message : String(e)}): it will try again at the next sync`;
      console.warn('[lanyard] sync: a badge could not be verified', item.sourceId, e);
      const key = badgeKey(account.id, item.sourceId);
      const existing = await d.db.badges.get(key);
      const settled = existing?.verdict === 'valid' || existing?.verdict === 'invalid';
      const sameContent = existing?.contentHash === (await sha256Hex(item.fingerprint));
      if (settled && existing.identitiesHash === idsHash && sameContent) return null;
      const kind = sameContent ? existing.original.kind : undefined;
      const baked = kind === 'png' || kind === 'svg' ? await d.db.originals.get(key) : undefined;
      return uncheckedRecord({ key, accountId: account.id, item, runId, identitiesHash: idsHash, now: now(), message, existing, baked });
    }
  }

  return processOrNote;
}
