/**
 * Two awards under one credential id in one backpack. A sync keys a credential by its id
 * (providers/oauth-provider.ts), and real issuers reuse one id for several awards: MIT Learn's
 * course, module and program certificates (DCC's template) carry one urn:uuid id (real-issuers-12).
 * Both were keyed `<account>|<id>`, and the run kept the later entry of the answer (sync-slice.ts
 * lastOfEach), or the later page's over the earlier: a genuine badge was silently dropped.
 *
 * Now an award of an id is keyed `<id>#achievement=<its award>` (SyncItem.award, the SHA-256 of its
 * achievement id) unless it is the one the plain key is for. No record moves (no database change):
 *
 * - an award already stored under `<id>#achievement=…` stays there;
 * - else the plain key is for the award stored under it, as its stored text says (the same text, or
 *   the same achievement read from it, providers/award.ts: a badge changed at the backpack is updated
 *   in place); an award of the id it is not for goes beside it;
 * - else (nothing stored under it) for the award with the least mark among those of the answer: not
 *   the first listed, so that a listing in another order gives the same keys.
 *
 * What a run gave an award it keeps for the rest of the run (the page repeated as the next one's
 * anchor, a page asked again, sync-anchor.ts and sync-slice.ts, name it alike); once it is stored the
 * rules above give it the same key in every later run, whatever the order. Items with no award (a
 * credential without an id, keyed by its text; Badgr's entries, keyed by their entityId) keep their key.
 */
import { badgeKey } from '../../platform/badge-key.ts';
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { sha256Hex } from './badge-record.ts';
import { awardOf } from './providers/award.ts';
import type { SyncItem, SyncPage } from './providers/index.ts';

/** The source id of an award beside the one under the plain id. */
export const awardSourceId = (id: string, award: string): string => `${id}#achievement=${award}`;

/** The award a stored record is, read from its original (undefined: it cannot be read). */
export async function storedAward(db: Pick<Db, 'originals'>, r: BadgeRecord): Promise<string | undefined> {
  if (r.original.kind !== 'json' && r.original.kind !== 'jws') return undefined;
  const o = await db.originals.get(r.key);
  return o ? awardOf(new TextDecoder().decode(o.bytes)) : undefined;
}

/**
 * Per run: keys the items of each page as above. `removed`: the award the user removed under a key
 * during this run (sync-removed.ts), which keeps the plain key, so the run leaves it out; given to
 * another award, the one removed went beside and was written back, and the other left out.
 */
export function createAwardKeys(db: Pick<Db, 'badges' | 'originals'>, accountId: string, removed?: (key: string) => string | undefined) {
  /** `<id>\n<award>` → the source id given this run; `<id>` → the award the plain id went to. */
  const given = new Map<string, string>();
  const plainFor = new Map<string, string>();

  /** The award the plain id is for, among `awards` (undefined: none of them). */
  async function plainOwner(id: string, awards: ReadonlySet<string>, items: readonly SyncItem[]): Promise<string | undefined> {
    const taken = plainFor.get(id);
    if (taken !== undefined) return taken;
    const plain = badgeKey(accountId, id);
    const stored = await db.badges.get(plain);
    const gone = stored ? undefined : removed?.(plain);
    if (gone !== undefined) return gone;
    if (stored) {
      for (const i of items) if (i.sourceId === id && i.award !== undefined && stored.contentHash === (await sha256Hex(i.fingerprint))) return i.award;
      const award = await storedAward(db, stored);
      if (award !== undefined) return award;
    }
    return [...awards].sort()[0];
  }

  return async function keyed(page: SyncPage): Promise<SyncPage> {
    const byId = new Map<string, Set<string>>();
    for (const i of page.items) if (i.award !== undefined) byId.set(i.sourceId, (byId.get(i.sourceId) ?? new Set()).add(i.award));
    if (byId.size === 0) return page;
    // Awards stored beside already (one read for the page).
    const pairs = [...byId].flatMap(([id, awards]) => [...awards].filter((a) => !given.has(`${id}\n${a}`)).map((a) => [id, a] as const));
    const beside = await db.badges.getMany(pairs.map(([id, a]) => badgeKey(accountId, awardSourceId(id, a))));
    pairs.forEach(([id, a], n) => beside[n] && given.set(`${id}\n${a}`, awardSourceId(id, a)));
    for (const [id, awards] of byId) {
      const open = new Set([...awards].filter((a) => !given.has(`${id}\n${a}`)));
      if (open.size === 0) continue;
      const owner = await plainOwner(id, open, page.items);
      if (owner !== undefined && open.has(owner)) plainFor.set(id, owner);
      for (const a of open) given.set(`${id}\n${a}`, a === plainFor.get(id) ? id : awardSourceId(id, a));
    }
    const items = page.items.map((i) => (i.award === undefined ? i : { ...i, sourceId: given.get(`${i.sourceId}\n${i.award}`)! }));
    return { ...page, items, ...(page.endsAt ? { ends: page.endsAt.map((n) => items[n]!.sourceId) } : {}) };
  };
}
