/**
 * Sync is incremental and never loses what was cached: a badge the backpack stops listing stays
 * cached, marked `unlisted` (sync-listed.ts). It may be the user's only copy now (the issuer's
 * account closed, the badge deleted at the backpack by mistake), and signing in again does not bring
 * it back. So a sign-out (accounts.ts) does not forget it with the account's other badges: each is
 * moved to the local backpack ("Just this browser"), as if the user had added it, with what Lanyard
 * holds of it (its original bytes: the baked image; when it was added; its last verification; its
 * mark and `movedFrom`, the backpack's host, which the popup says), then checked again as a local
 * badge: the backpack's word that it lists it is gone (badge-verify.ts claimOf: what it was issued to
 * is "no longer listed", not someone else's).
 *
 * Where it goes, as an import of the same badge would key it (library.ts): under its id (the key a
 * hidden twin has: synced-twin.ts twinKey), else its link or bytes. It never writes over anything
 * kept there: the user's own copy, put back by revealTwins just before, or still hidden behind
 * another signed-in backpack's copy, is that badge held already (nothing moved, counted kept); a
 * different or weaker copy under that id (another issuer's, another achievement's or one whose
 * achievement is not known, a worse verdict) sends it under its bytes' hash instead, as an import does. A moved badge another signed-in
 * backpack's copy stands for is then that copy's hidden twin (one entry, synced-twin.ts hideTwins).
 */
import type { Db } from '../../platform/db.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { sha256Hex, VERDICT_RANK as RANK } from './badge-record.ts';
import { recheckStored } from './badge-verify.ts';
import { heldUnder } from './held-under.ts';
import { LOCAL, type Identities } from './identities.ts';
import { achievementForm, hideTwins, recheckLocal } from './synced-twin.ts';
import type { Verifier } from './verifier.ts';

export interface KeepDeps {
  db: Db;
  verifier: Verifier;
  identities: Identities;
  now: () => Date;
}


/**
 * Whether `held` is this badge (the same issuer when both name one: library.ts), as these very bytes
 * (`hash`: a local record's content hash is its input's), or another copy of the same award (the same
 * achievement, in one form: synced-twin.ts achievementForm) saying as much of it. An achievement not
 * known on either side (a record stored before Lanyard kept it) is no evidence of the same award:
 * another award under the same id (real-issuers-12) taken for it was forgotten with the account.
 */
function sameBadge(held: BadgeRecord, r: BadgeRecord, hash: string): boolean {
  const differ = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;
  const [a, b] = [achievementForm(held.meta.achievementId), achievementForm(r.meta.achievementId)];
  if (differ(held.meta.issuerId, r.meta.issuerId) || differ(a, b)) return false;
  return held.contentHash === hash || (a !== undefined && a === b && RANK[held.verdict] >= RANK[r.verdict]);
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The badge moved here by a sign-out and not checked again since (a worker stopped in between): its
 * verification is still the backpack account's, which the check again as a local badge replaces.
 */
const unchecked = (held: BadgeRecord | undefined, r: BadgeRecord): BadgeRecord | undefined =>
  held?.accountId === LOCAL && held.verifiedAt === r.verifiedAt && held.contentHash === r.contentHash ? held : undefined;

/**
 * The local key to move `r` to and its source id, or `held` when this badge is held here already
 * (with the record to check again, when it is `r` moved and not checked again: unchecked).
 */
async function placeFor(db: Db, r: BadgeRecord, bytes: Uint8Array): Promise<{ key: string; sourceId: string } | { held: BadgeRecord | undefined }> {
  const hash = await sha256Hex(bytes);
  const byHash = `sha256:${hash}`;
  // As an import of it would (held-under.ts): under its id before the link it was synced as.
  const sourceId = await heldUnder(db, LOCAL, { id: r.meta.credentialId, url: r.original.kind === 'url' ? new TextDecoder().decode(bytes) : undefined, sha256: hash });
  const key = badgeKey(LOCAL, sourceId);
  const [record, original] = await Promise.all([db.badges.get(key), db.originals.get(key)]);
  const held = record ?? original?.hidden;
  if (!held && !original) return { key, sourceId };
  // These very bytes are held here (moved by a sign-out a stopped worker left, then checked again as a local badge): held already.
  if (original && sameBytes(original.bytes, bytes)) return { held: unchecked(record, r) };
  if (held && sameBadge(held, r, hash)) return { held: undefined };
  const other = badgeKey(LOCAL, byHash);
  const atHash = await db.badges.get(other);
  if (atHash || (await db.originals.get(other))) return { held: unchecked(atHash, r) };
  return { key: other, sourceId: byHash };
}

/**
 * Before the account's badges are forgotten (its account record is gone already): moves those its
 * backpack no longer lists to the local backpack. Returns how many stay in this browser (moved, or
 * held here already).
 */
export async function keepUnlisted(d: KeepDeps, accountId: string, from: string | undefined): Promise<number> {
  const marked = (await d.db.badges.byAccount(accountId)).filter((r) => r.unlisted);
  let kept = 0;
  const moved: BadgeRecord[] = [];
  for (const r of marked) {
    const o = await d.db.originals.get(r.key);
    if (!o) continue; // nothing to keep it from
    const place = await placeFor(d.db, r, o.bytes);
    if ('held' in place) {
      kept++;
      // Moved by a sign-out a stopped worker left, before it was checked again: checked now.
      if (place.held) moved.push(place.held);
      continue;
    }
    const { runId: _run, rev: _rev, ...rest } = r;
    const { hidden: _hidden, ...original } = o;
    const record: BadgeRecord = { ...rest, key: place.key, accountId: LOCAL, sourceId: place.sourceId, pending: false, ...(from !== undefined ? { movedFrom: from } : {}) };
    // Only where nothing is stored (a write meanwhile is the newer record): never over what is held.
    if (await d.db.saveBadgeIf({ record, original: { ...original, key: place.key } }, undefined)) {
      kept++;
      moved.push(record);
    }
  }
  if (!moved.length) return kept;
  const ids = await d.identities.forAccount(LOCAL);
  for (const m of moved) {
    const stored = await d.db.badges.get(m.key);
    try {
      if (stored) await recheckStored(d.db, d.verifier, ids, stored, d.now);
    } catch (e) {
      // Kept as it was verified: the next check (Check all, a change of addresses) checks it again.
      console.warn('[lanyard] a badge kept at sign-out could not be checked again', m.key, e);
    }
  }
  // One badge, one entry: another signed-in backpack's copy that stands for a moved badge hides it (synced-twin.ts).
  const wanted = new Set(moved.map((m) => m.meta.credentialId).filter((id): id is string => id !== undefined));
  const others = (await d.db.accounts.all()).filter((a) => a.id !== LOCAL && a.id !== accountId);
  const copies = wanted.size ? (await Promise.all(others.map((a) => d.db.badges.byAccount(a.id)))).flat().filter((c) => c.meta.credentialId !== undefined && wanted.has(c.meta.credentialId)) : [];
  if (copies.length) await hideTwins(d.db, copies, recheckLocal(d.db, d.verifier, d.identities, d.now));
  return kept;
}
