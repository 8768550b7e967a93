/**
 * Verifies one badge for an account and builds its record: the engine with the account's verified
 * addresses, then the pending assessment with its unverified ones.
 */
import type { InputKind } from '../../core/model.ts';
import type { Db } from '../../platform/db.ts';
import type { BadgeMeta, BadgeRecord, FullBadge, OriginalRecord } from '../../platform/records.ts';
import { assess, buildRecord, identitiesHash, type ProviderClaim } from './badge-record.ts';
import { hashedIdentities, LOCAL, type IdentitySet } from './identities.ts';
import { keepLastComplete } from './last-complete.ts';
import { createNetworkLog } from './network-log.ts';
import type { VerifyCallOptions, Verifier } from './verifier.ts';

export interface BadgeSource {
  key: string;
  accountId: string;
  sourceId: string;
  original: { kind: InputKind; bytes: Uint8Array; fileName?: string };
  /** What the engine reads: the original bytes, or a URL. */
  input: Uint8Array | string;
  contentHash: string;
  fallback?: Partial<BadgeMeta>;
  /** What the provider says about the recipient. */
  provider?: ProviderClaim;
  bakedUrl?: string;
  addedAt?: string;
  runId?: string;
  /** What is stored now: kept when the new verification only could not reach the issuer (last-complete.ts). */
  previous?: BadgeRecord;
}

export async function verifyBadge(verifier: Verifier, ids: IdentitySet, src: BadgeSource, now: Date, options?: VerifyCallOptions): Promise<FullBadge> {
  const log = createNetworkLog();
  const result = await verifier.verify(src.input, ids.verified, { ...options, log });
  const assessment = await assess(verifier.matchRecipient, result, ids.unverified, src.provider, ids.claimed, ids.unconfirmed, ids.typedHere);
  const { previous, ...rest } = src;
  const fresh = buildRecord({ ...rest, result, assessment, identitiesHash: await identitiesHash(hashedIdentities(ids)), now, refused: log.refused });
  return keepLastComplete(previous, fresh, log, now);
}

/**
 * What the backpack said of a stored badge when its last sync saw it listed; nothing of its word
 * (its listing, a pending address) once its last complete listing did not hold it (sync-listed.ts).
 */
function claimOf(r: BadgeRecord): ProviderClaim | undefined {
  // A badge kept here at a sign-out (unlisted-keep.ts) was its backpack's once, as one still in it that no longer lists it.
  if (r.unlisted) return { unlisted: true };
  if (r.accountId === LOCAL) return undefined;
  return { listed: true, ...(r.pending && r.recipient ? { pending: true, address: r.recipient } : {}) };
}

/** Re-verifies a stored badge from its original; it keeps its last complete result when the issuer cannot be reached (last-complete.ts). */
export async function reverify(verifier: Verifier, ids: IdentitySet, r: BadgeRecord, o: OriginalRecord, now: Date): Promise<FullBadge> {
  const input = r.original.kind === 'url' ? new TextDecoder().decode(o.bytes) : o.bytes;
  const { key, accountId, sourceId, contentHash, meta, bakedUrl, addedAt, runId, unlisted, movedFrom } = r;
  const provider = claimOf(r);
  const full = await verifyBadge(verifier, ids, {
    key, accountId, sourceId, input, contentHash, addedAt, previous: r,
    original: { ...r.original, bytes: o.bytes },
    fallback: meta,
    ...(bakedUrl ? { bakedUrl } : {}),
    ...(runId ? { runId } : {}),
    ...(provider ? { provider } : {}),
  }, now);
  // Still not listed: only a listing that holds it again takes the mark off (sync-listed.ts); a badge kept at a sign-out keeps where it came from.
  return unlisted ? { ...full, record: { ...full.record, unlisted, ...(movedFrom ? { movedFrom } : {}) } } : full;
}

/** How often a result made from a stored record is made again when another write changed that record first (db.ts saveBadgeIf). */
export const STALE_TRIES = 3;

/**
 * Verifies a stored badge again and writes the result only over the record it was made from
 * (db.ts saveBadgeIf): a sync that stored a changed copy meanwhile, an import over it or a sign-out
 * that forgot it is never undone by a result for the record as it was. The badge is then verified
 * again from what is stored now (at most STALE_TRIES times in all), or left alone when it is gone.
 */
export async function recheckStored(db: Pick<Db, 'badges' | 'originals' | 'saveBadgeIf'>, verifier: Verifier, ids: IdentitySet, read: BadgeRecord, now: () => Date): Promise<void> {
  let r: BadgeRecord | undefined = read;
  for (let attempt = 1; r && attempt <= STALE_TRIES; attempt++) {
    const o = await db.originals.get(r.key);
    if (!o) return;
    if (await db.saveBadgeIf(await reverify(verifier, ids, r, o, now()), r)) return;
    r = await db.badges.get(r.key);
  }
}
