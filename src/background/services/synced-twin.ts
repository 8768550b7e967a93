/**
 * One badge, one entry, and nothing the user added is lost: a local badge (a file or link the user
 * added) of which a signed-in backpack synced a copy (the same id: the synced record's
 * `meta.credentialId`) is that copy's hidden twin. The list shows the backpack's copy
 * (synced-copy.ts says why that one); the user's record and original bytes (a baked image the
 * backpack may not have) are kept whole inside its original (src/platform/db-hidden.ts), not
 * listed, counted or checked again. When the backpack's copy goes because its account signs out,
 * the local badge is put back as it was verified from the user's input; when the user removes the
 * backpack's copy, the twin goes with it (the user asked for the badge gone; removedCopy says when
 * not). A backpack's copy
 * stands for the local one only when a check of each agrees on whether the badge fails, the copy is
 * valid where the local one is, both name one issuer as the engine bound them, and one achievement
 * (standsFor): a forgery put into the backpack under a genuine badge's id (failing, or not
 * confirmed), another issuer's valid badge given that id, or the same issuer's award for another
 * achievement under that id (real issuers reuse one id: real-issuers-12), never hides it.
 *
 * Shape: the hidden record lives in the original, not in `badges` with a flag, so that every reader
 * of the badges (the list, its first screen, the count, the pickers, the counts per address, Check
 * all) needs no filter and the database version stays; a twin is found by its key alone (the local
 * backpack's key for that id: badgeKey(LOCAL, `id:<credentialId>`), which an import of such a badge
 * uses, library.ts).
 */
import type { Db } from '../../platform/db.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import type { Check } from '../../core/result.ts';
import { idForm } from '../../core/formats/id-form.ts';
import type { BadgeMeta, BadgeRecord } from '../../platform/records.ts';
import { recheckStored } from './badge-verify.ts';
import { LOCAL, type Identities } from './identities.ts';
import type { Verifier } from './verifier.ts';

/** The local backpack's key of the badge a synced record stands for, if it names its id. */
export const twinKey = (synced: BadgeRecord): string | undefined =>
  synced.accountId !== LOCAL && synced.meta.credentialId ? badgeKey(LOCAL, `id:${synced.meta.credentialId}`) : undefined;

/** A copy as judged: a stored record (its meta) or the engine's result (its badge). */
export interface Judged {
  verdict: BadgeRecord['verdict'];
  checks: readonly Check[];
  meta?: Pick<BadgeMeta, 'issuerId' | 'achievementId'>;
  badge?: { issuer: { id?: string | undefined }; achievementId?: string | undefined } | null;
}

/**
 * The issuer the engine bound the copy to: its issuer id when the issuer-key check (a signature by a
 * key of that issuer: OB 2.0 §SignedBadge, VC Data Integrity / VC-JOSE) or the hosted check (the
 * assertion served from that issuer's domain: OB 2.0 §HostedBadge) passed. Only then is the stored
 * `meta.issuerId` the engine's: otherwise it may be what a provider said (providers/badgr.ts).
 */
export const verifiedIssuer = (c: Judged): string | undefined =>
  c.checks.some((k) => (k.id === 'issuer-key' || k.id === 'hosted') && k.outcome === 'pass') ? (c.meta?.issuerId ?? c.badge?.issuer.id) : undefined;

/**
 * Whether the backpack's copy stands for this local one, both as checked: only when they agree on
 * whether the badge fails, and on who issued it when the engine bound both to an issuer. A local copy
 * that fails where the backpack's does not (a tampered copy claiming its id) is kept apart and shown
 * (library.ts); a backpack copy that fails where a check of the local copy does not (a forgery
 * claiming its id: a bad signature) never hides the genuine badge; nor does a copy another issuer
 * signed with the genuine badge's id (an id is unique only as its issuer's claim: VC DM 2.0 §4.4,
 * OB 2.0 §Assertion id), however valid; nor does a copy not confirmed where the local one is valid
 * (neverStands). A badge the issuer revoked, or that expired, fails in both copies alike. A copy the
 * engine bound to no issuer is judged by its verdict alone.
 */
export const standsFor = (synced: Judged, local: Judged): boolean => (synced.verdict === 'invalid') === (local.verdict === 'invalid') && !neverStands(synced, local);

/**
 * A copy that does not stand for this local one whatever a fresh check of the local one says: another
 * issuer's badge, or a copy not confirmed (`indeterminate`, or not checked yet) where the local one
 * is valid. An unconfirmed copy is no evidence of being the same badge (a forgery claiming its id,
 * signed with a key nobody can fetch, is as unconfirmed as a genuine copy checked offline), and
 * hiding the valid badge behind it would show the user less than they had: both stay listed.
 */
const neverStands = (synced: Judged, local: Judged): boolean => otherIssuers(synced, local) || otherAchievements(synced, local) || (local.verdict === 'valid' && unconfirmed(synced));

/**
 * Neither valid nor invalid. A copy found invalid after it hid a valid one (revoked or expired since,
 * by a check again) is no forgery: the hidden one, not checked again, would read the same; removing
 * it removes the badge, never brings back a "valid" the issuer took back.
 */
const unconfirmed = (c: Judged): boolean => c.verdict !== 'valid' && c.verdict !== 'invalid';

/** Whether the engine bound the two copies to two issuers (then they are two badges, whatever their ids). */
const otherIssuers = (x: Judged, y: Judged): boolean => {
  const [a, b] = [verifiedIssuer(x), verifiedIssuer(y)];
  return a !== undefined && b !== undefined && a !== b;
};

/**
 * The achievement as the engine read it (core Badge.achievementId: the OB 2.0 BadgeClass, the OB 3.0
 * Achievement), from the record or the result; undefined when not known (a record stored before
 * Lanyard kept it, or a badge that could not be read).
 */
export const achievementOf = (c: Judged): string | undefined => c.meta?.achievementId ?? c.badge?.achievementId ?? undefined;

/**
 * An achievement id in the form two copies are compared in (core/formats/id-form.ts idForm): an OB 2.0
 * `badge` is read as written, and two copies of one award may spell its address two ways (http and
 * https on the default port, host case, a UUID in capitals); two paths stay two achievements.
 */
export const achievementForm = (id: string | undefined): string | undefined => (id === undefined ? undefined : idForm(id));

/**
 * Whether the two copies are for two achievements: then they are two awards, whatever their ids and
 * issuers. Real issuers reuse one credential id for several awards (MIT Learn's course, module and
 * program certificates, from DCC's template, carry one urn:uuid id), and an id names one credential
 * only as its issuer's claim (VC DM 2.0 §4.4). An achievement read from an unchecked copy counts too:
 * keeping two entries apart never loses one. One not known is no evidence either way (a badge the
 * engine can no longer read, such as a hosted assertion revoked with a 410): see untold.
 */
const otherAchievements = (x: Judged, y: Judged): boolean => {
  const [a, b] = [achievementForm(achievementOf(x)), achievementForm(achievementOf(y))];
  return a !== undefined && b !== undefined && a !== b;
};

/**
 * `known` tells its achievement and `other` does not: a record stored before Lanyard kept it (or a
 * badge no longer readable). A local record is checked again to learn it (judged), a hidden one is
 * put back to be judged so (unhidden), and one is never dropped or hidden on that word alone
 * (removedCopy, library.ts import).
 */
export const untold = (known: Judged, other: Judged): boolean => achievementOf(other) === undefined && achievementOf(known) !== undefined;

/** Checks a stored local badge again and returns it as stored then (undefined: gone). */
export type Recheck = (local: BadgeRecord) => Promise<BadgeRecord | undefined>;

/** A Recheck with the local backpack's addresses, as Check again does (library.ts verify). */
export const recheckLocal = (db: Pick<Db, 'badges' | 'originals' | 'saveBadgeIf'>, verifier: Verifier, identities: Pick<Identities, 'forAccount'>, now: () => Date): Recheck => async (local) => {
  await recheckStored(db, verifier, await identities.forAccount(LOCAL), local, now);
  return db.badges.get(local.key);
};

/**
 * The local copy to judge against a backpack's copy that fails, or that tells its achievement where
 * the local record does not (untold): a local "valid" checked before the backpack's copy may be stale
 * (the issuer revoked the badge, or it expired, since), and a record stored before Lanyard kept the
 * achievement learns it, so it is checked again first (once: then it is newer than the copy); what a fresh check of the user's own copy shows decides, never the backpack copy's
 * word alone. A check that throws decides nothing: the local copy stays as it was, and shown.
 */
async function judged(synced: BadgeRecord, local: BadgeRecord, recheck: Recheck): Promise<BadgeRecord | undefined> {
  if (!untold(synced, local) && (standsFor(synced, local) || synced.verdict !== 'invalid')) return local;
  if (local.verifiedAt && synced.verifiedAt && local.verifiedAt >= synced.verifiedAt) return local;
  try {
    return await recheck(local);
  } catch (e) {
    console.warn('[lanyard] a local badge could not be checked again beside its backpack copy', local.key, e);
    return local;
  }
}

/**
 * A local copy hidden behind a backpack's copy that does not stand for it (one that fails while the
 * hidden one passed, one not confirmed while the hidden one is valid, or another issuer's: hidden by
 * an older Lanyard that let such a copy stand for it,
 * or behind a copy that failed only later), and that
 * no other backpack's copy of the badge stands for: put back in the list, to be judged again like a
 * listed one.
 */
async function unhidden(db: Pick<Db, 'badges' | 'originals' | 'hidden' | 'accounts'>, key: string, synced: BadgeRecord): Promise<BadgeRecord | undefined> {
  if (synced.verdict === 'valid' && verifiedIssuer(synced) === undefined) return undefined;
  const hidden = (await db.originals.get(key))?.hidden;
  if (!hidden || (standsFor(synced, hidden) && !untold(synced, hidden))) return undefined;
  const copies = (await backpackCopies(db)).get(synced.meta.credentialId) ?? [];
  if (copies.some((c) => standsFor(c, hidden) && !untold(c, hidden)) || !(await db.hidden.reveal(key))) return undefined;
  return db.badges.get(key);
}

/** After a sync stored these records (a page's): the local badges they stand for are hidden. */
export async function hideTwins(db: Pick<Db, 'badges' | 'originals' | 'hidden' | 'accounts'>, synced: readonly (BadgeRecord | undefined)[], recheck: Recheck): Promise<void> {
  const pairs = synced.flatMap((r) => {
    const key = r && twinKey(r);
    return key ? [{ key, synced: r }] : [];
  });
  if (!pairs.length) return;
  const keys = pairs.map((p) => p.key);
  // The local copies as they stand, kept current through the page (two copies may claim one badge).
  const locals = new Map((await db.badges.getMany(keys)).map((r, i) => [keys[i]!, r] as const));
  for (const { key, synced: s } of pairs) {
    const found = locals.get(key) ?? (await unhidden(db, key, s));
    const local = found && (await judged(s, found, recheck));
    locals.set(key, local && standsFor(s, local) && (await db.hidden.hide(key, s.key)) ? undefined : local);
  }
}

/** The signed-in backpacks' badges (but `except`'s) by the id they claim (`meta.credentialId`). */
async function backpackCopies(db: Pick<Db, 'badges' | 'accounts'>, except?: string): Promise<Map<string | undefined, BadgeRecord[]>> {
  const accounts = (await db.accounts.all()).filter((a) => a.id !== LOCAL && a.id !== except);
  const byId = new Map<string | undefined, BadgeRecord[]>();
  for (const r of (await Promise.all(accounts.map((a) => db.badges.byAccount(a.id)))).flat()) byId.set(r.meta.credentialId, [...(byId.get(r.meta.credentialId) ?? []), r]);
  return byId;
}

/**
 * Before an account's badges are forgotten (sign-out): each local badge one of them stood for is put
 * back, unless another signed-in backpack's copy of the same badge stands for it (a forgery there
 * claiming its id does not).
 */
export async function revealTwins(db: Pick<Db, 'badges' | 'accounts' | 'hidden' | 'originals'>, accountId: string): Promise<void> {
  const others = await backpackCopies(db, accountId);
  for (const r of await db.badges.byAccount(accountId)) {
    const key = twinKey(r);
    if (!key) continue;
    const copies = others.get(r.meta.credentialId);
    const hidden = copies && (await db.originals.get(key))?.hidden;
    if (copies && (!hidden || copies.some((c) => standsFor(c, hidden)))) continue;
    await db.hidden.reveal(key);
  }
}

/**
 * After the user removed a backpack's copy (`removed`, no longer stored): the local badge hidden under
 * its twin key goes with it (the user asked for the badge gone), unless it was hidden behind another
 * backpack's copy that stands for it (it stays hidden there), or the removed copy never stood for it
 * (another issuer's badge, or a copy not confirmed hiding a valid one: it is put back in the list).
 */
export async function removedCopy(db: Pick<Db, 'badges' | 'originals' | 'hidden' | 'accounts'>, removed: BadgeRecord): Promise<void> {
  const key = twinKey(removed);
  const hidden = key && (await db.originals.get(key))?.hidden;
  if (!key || !hidden) return;
  const copies = ((await backpackCopies(db)).get(removed.meta.credentialId) ?? []).filter((c) => c.key !== removed.key);
  if (!standsFor(removed, hidden) && copies.some((c) => standsFor(c, hidden))) return;
  // A hidden record that does not tell its achievement (one an older Lanyard stored and hid, its copy not
  // checked since either) may be another award under the copy's id: put back, never dropped on that
  // word. Not behind a copy found invalid (revoked since): that badge goes, as the user asked.
  const unknown = achievementOf(hidden) === undefined && removed.verdict !== 'invalid';
  if (neverStands(removed, hidden) || untold(removed, hidden) || unknown) await db.hidden.reveal(key);
  else await db.hidden.drop(key);
}
