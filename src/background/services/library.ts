/**
 * The local backpack and the cache as a whole: import (pasted URL, JSON or JWS; a PNG, SVG, JSON
 * or JWS file), each verified and stored with its original bytes; list, detail, remove, verify
 * again (one or all: check-all.ts), and downloads.
 */
import type { Fetch } from '../../core/verify/context.ts';
import type { ImportedView, ImportSource } from '../../messaging/protocol.ts';
import type { BadgeDetail, BadgeView } from '../../messaging/views.ts';
import type { Db } from '../../platform/db.ts';
import { newestFirst } from './newest-first.ts';
import type { BadgeMeta, BadgeRecord } from '../../platform/records.ts';
import { assess, buildRecord, identitiesHash, VERDICT_RANK as RANK } from './badge-record.ts';
import { badgeKey } from '../../platform/badge-key.ts';
import { recheckStored, STALE_TRIES } from './badge-verify.ts';
import { createCheckAll } from './check-all.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { keepLastComplete } from './last-complete.ts';
import { createNetworkLog } from './network-log.ts';
import { hashedIdentities, LOCAL, type Identities } from './identities.ts';
import type { Verifier } from './verifier.ts';
import { badgeDetail, badgeView } from './views.ts';
import { ownOrigins } from './image-hosts.ts';
import { refuseUnaddable } from './import-refusals.ts';
import { extensionMessage } from '../../platform/i18n.ts';
import { markRemoved } from './sync-removed.ts';
import { storedAward } from './sync-award-key.ts';
import { hideAgain, syncedCopies, type SyncedCopy } from './synced-copy.ts';
import { achievementForm, removedCopy, standsFor, twinKey, untold } from './synced-twin.ts';
import { decodeText, stripBom, trimText } from '../../core/input/text.ts';
import { batchOf, settleInOrder } from './import-batch.ts';
import { createAttempts } from './attempts.ts';

export interface LibraryDeps {
  db: Db;
  verifier: Verifier;
  identities: Identities;
  /** For downloads of hosted credentials and baked images (the host-permission fetch). */
  fetch: Fetch;
  now?: () => Date;
  /** Keeps the worker up while every badge is verified again (platform/keepalive.ts): closing the popup does not cut the check short. */
  keepAlive?: (signal: AbortSignal) => void;
  /** Before a badge is removed: the sync of its account going on in this worker, or starting before the returned end is called, does not write it back (sync.ts removing). */
  onRemoving?: (accountId: string, key: string, award?: string) => (() => void) | void;
}

import { downloadBadge, holds, type Download } from './library-download.ts';
import { heldUnder } from './held-under.ts';
import { linkWithCredentials, sourceBytes } from './import-source.ts';

export type { Download };

/** The name of a link whose badge could not be read yet, in the browser's language (English outside an extension). */
const linkName = (url: string): string => {
  const host = new URL(url).host;
  return extensionMessage('badgeAtHost', host) ?? `Badge at ${host}`;
};

export interface ImportOptions {
  fileName?: string;
  /** Default: the local backpack. */
  accountId?: string;
  /** Keep this key (a backup's), instead of deriving one from the badge. */
  key?: string;
  bakedUrl?: string;
  addedAt?: string;
  /** What was last known of the badge (a backup's): shown when the badge itself can no longer be read (a revoked or removed hosted copy). */
  fallback?: Partial<BadgeMeta>;
  /** Only if no badge is stored under the key when it is written (a backup's entry: one a sync stored meanwhile is the newer record); else E.EXISTS. */
  ifAbsent?: boolean;
  /** The user's import into the local backpack: a badge a connected backpack synced already is not added a second time (synced-copy.ts). */
  oneEntry?: boolean;
  /** The user's Cancel (attempts.ts): the verification is ended and nothing is written once it aborts. */
  signal?: AbortSignal;
  /** Called as the badge starts being written: from then on a Cancel finds nothing to cancel (attempts.ts). */
  made?: () => void;
}

/** What an import stored, or the badge it found held already (`heldFrom`: the backpack whose synced copy it is, synced-copy.ts). */
interface Imported {
  record: BadgeRecord;
  alreadyHeld: boolean;
  heldFrom?: string;
}

export function createLibrary({ db, verifier, identities, fetch, now = () => new Date(), onRemoving, keepAlive }: LibraryDeps) {
  async function mustGet(key: string): Promise<BadgeRecord> {
    const r = await db.badges.get(key);
    if (!r) throw new ServiceError(E.NOT_FOUND, 'This badge is no longer in Lanyard');
    return r;
  }
  const checkAll = createCheckAll({ db, verifier, identities, now, keepAlive, mustGet });
  const imports = createAttempts((beforeStart) => (beforeStart ? 'The import was cancelled: nothing was read' : 'The import was cancelled: nothing was added'));

  /** Verifies and stores one input in an account (the local backpack by default); the same badge (by id) is updated, not duplicated. */
  async function importInput(bytes: Uint8Array, opts: ImportOptions = {}): Promise<BadgeRecord> {
    return (await importOne(bytes, opts)).record;
  }

  /** importInput, and whether the badge was held already under the key it was written to (the same id, link or content). */
  async function importOne(bytes: Uint8Array, opts: ImportOptions = {}): Promise<Imported> {
    const { fileName, accountId = LOCAL, key: keyHint } = opts;
    // Fetch §5.4 Request constructor: a URL that includes credentials throws a TypeError, so such a
    // link is never fetched: it could only be stored unchecked, with the password in it. (A backup
    // restores what it holds, keyHint: a badge kept before this check is not dropped.)
    if (!keyHint && linkWithCredentials(bytes)) {
      throw new ServiceError(E.LINK_CREDENTIALS, 'This link has a user name or password in it, which Lanyard never sends: add the badge\'s link without them');
    }
    const ids = await identities.forAccount(accountId);
    const log = createNetworkLog();
    const result = await verifier.verify(bytes, ids.verified, { log, ...(opts.signal ? { signal: opts.signal } : {}) });
    // Cancelled: the verification ended early (its fetches aborted) and its verdict is not the badge's; nothing is added.
    opts.signal?.throwIfAborted();
    const kind = refuseUnaddable(result, bytes, keyHint !== undefined, log);
    const url = kind === 'url' ? trimText(stripBom(decodeText(bytes) ?? '')) : undefined; // as the engine read it (src/core/input/index.ts)
    // Under its id however it came, else its link, else its hash (held-under.ts, as a badge a sign-out keeps here).
    let sourceId = await heldUnder(db, accountId, { id: result.badge?.id, url, sha256: result.input.sha256 }, !keyHint);
    const assessment = await assess(verifier.matchRecipient, result, ids.unverified, undefined, ids.claimed, ids.unconfirmed, ids.typedHere);
    const idsHash = await identitiesHash(hashedIdentities(ids));
    let byId = keyHint ?? badgeKey(accountId, sourceId);
    // The same badge a connected backpack synced (its id, or the link added) is that backpack's entry, not a second one
    // (synced-copy.ts); a copy that fails where the synced one does not (a tampered copy claiming its id) is kept
    // apart, as below, and so is one that passes where the synced one fails or is not confirmed (the synced one a
    // forgery claiming its id: synced-twin.ts standsFor). What the user added is kept all the same, as the synced
    // copy's hidden twin (synced-twin.ts), under the key that copy's id gives it: put back in the list first, so that a
    // copy added before is updated by the rules below (holds), then hidden again.
    let twin: SyncedCopy | undefined;
    let copies: SyncedCopy[] = [];
    let revealed = false;
    if (opts.oneEntry && accountId === LOCAL && !keyHint) {
      // The first copy that stands for this one: another backpack's copy under the same id may be
      // another award (another achievement: synced-twin.ts standsFor), and one whose record does not
      // tell its achievement (stored before Lanyard kept it) is not taken for it until a sync checks it.
      copies = await syncedCopies(db, [result.badge?.id, url]);
      const synced = copies.find((c) => twinKey(c.record) !== undefined && standsFor(c.record, result) && !untold(result, c.record));
      if (synced) {
        twin = synced;
        sourceId = `id:${synced.record.meta.credentialId!}`;
        byId = twinKey(synced.record)!;
      }
      // Also when no copy stands for this one (not confirmed, another award): a twin one hid before
      // lives under the key this copy is stored at, and would be written over (a baked image lost).
      if (copies.some((c) => twinKey(c.record) === byId)) revealed = await db.hidden.reveal(byId);
    }
    // What is stored decides where the copy goes and what it keeps: it is written only over the
    // record it was decided from, and decided again when another write came between (the same badge
    // added twice at once, a re-verification): a copy never replaces one it was not compared with.
    let learned = false;
    for (let attempt = 1; ; attempt++) {
      let key = byId;
      let existing = await db.badges.get(key);
      // A record stored before Lanyard kept the achievement (BadgeMeta.achievementId) is checked again
      // first, as Check again does, which tells it: else another award under its id would replace it.
      if (!keyHint && !learned && existing && existing.contentHash !== result.input.sha256 && existing.meta.achievementId === undefined && result.badge?.achievementId !== undefined) {
        learned = true;
        await recheckStored(db, verifier, ids, existing, now);
        continue;
      }
      if (opts.ifAbsent && existing) throw new ServiceError(E.EXISTS, 'Lanyard holds this badge already: the badge it holds is kept');
      // A different copy claiming the id of a stored badge, with a worse verdict (a tampered or forged copy: invalid
      // beside a valid one, or beside one that could not be fully checked yet), must not replace it: it is kept beside
      // it, by its content hash, so the stored original is never lost. So is a copy naming another issuer: an id is
      // unique only as its issuer's claim (VC DM 2.0 §4.4; OB 2.0 §Assertion id), and any issuer can write the id of a
      // badge it saw, so a credential of another issuer with that id (one of a presentation, or added alone) replaced
      // the user's badge and was counted as held already. So is one of the same issuer for another achievement: MIT
      // Learn's course, module and program certificates share one id, and each replaced the last. So is a better copy
      // holding less (holds): kept below, a forged copy held showed under its verdict.
      const otherIssuer = existing?.meta.issuerId !== undefined && result.badge?.issuer.id !== undefined && existing.meta.issuerId !== result.badge.issuer.id;
      // Unknown on one side only (a record that could not be read again) is no evidence of the same award.
      const otherAchievement = existing !== undefined && achievementForm(existing.meta.achievementId) !== achievementForm(result.badge?.achievementId);
      const overWorseHeld = existing !== undefined && holds(existing.original.kind) > holds(kind) && RANK[result.verdict] > RANK[existing.verdict];
      if (!keyHint && existing && existing.contentHash !== result.input.sha256 && (RANK[result.verdict] < RANK[existing.verdict] || otherIssuer || otherAchievement || overWorseHeld)) {
        key = `${accountId}|sha256:${result.input.sha256}`;
        existing = await db.badges.get(key);
      }
      // Never trade a baked image for a bare credential, nor a credential for its link, no better than it (holds).
      const kept = existing && holds(existing.original.kind) > holds(kind) ? await db.originals.get(key) : undefined;
      const original = existing && kept ? { ...existing.original, bytes: kept.bytes } : { kind, bytes, ...(fileName ? { fileName } : {}) };
      const fresh = buildRecord({
        key,
        accountId,
        sourceId,
        original,
        contentHash: result.input.sha256,
        result,
        assessment,
        identitiesHash: idsHash,
        // Only a reading of the same content stands in for what this one lacks: another copy's (a forged one
        // this genuine copy replaces) is not the issuer's word, and OB 3.0 leaves much optional (§Profile url,
        // §Achievement image, a credential id that is no link): its issuer link and picture stayed under `valid`.
        fallback: (existing?.contentHash === result.input.sha256 ? existing.meta : undefined) ?? opts.fallback ?? (url ? { name: linkName(url), publicUrl: url } : {}),
        ...(existing?.bakedUrl ?? opts.bakedUrl ? { bakedUrl: (existing?.bakedUrl ?? opts.bakedUrl)! } : {}),
        ...(existing ? { addedAt: existing.addedAt } : opts.addedAt ? { addedAt: opts.addedAt } : {}),
        now: now(),
        refused: log.refused,
      });
      // The same badge added again while its issuer cannot be reached keeps its last complete result (last-complete.ts).
      const badge = keepLastComplete(existing, fresh, log, now());
      // The last moment a Cancel ends the import: from the write on, the badge is added (attempts.ts).
      opts.signal?.throwIfAborted();
      opts.made?.();
      if (await db.saveBadgeIf(badge, existing)) {
        if (twin && key === byId && (await db.hidden.hide(key, twin.record.key))) return { record: twin.record, alreadyHeld: true, heldFrom: twin.from };
        // The twin put back above, when this copy went beside it (another award under its id), is hidden again behind the copy that stands for it.
        if (revealed && key !== byId) await hideAgain(db, byId, copies);
        return { record: badge.record, alreadyHeld: existing !== undefined };
      }
      if (attempt >= STALE_TRIES) throw new ServiceError(E.BUSY, 'This badge changed in Lanyard while it was being added: add it again');
    }
  }

  /** Each badge of a presentation or list, added as if on its own; the first added is the view, with the counts. A badge refused is counted; all refused is the first refusal. */
  async function importBatch(texts: string[], cancel: Pick<ImportOptions, 'signal' | 'made'>): Promise<ImportedView> {
    let first: Imported | undefined;
    let refusal: unknown;
    let added = 0;
    let held = 0;
    // A few at a time (import-batch.ts BATCH_PARALLEL), counted and reported in the list's order.
    const outcomes = await settleInOrder(texts, (text) => importOne(new TextEncoder().encode(text), { oneEntry: true, ...cancel }));
    for (const o of outcomes) {
      if (o.ok) {
        first ??= o.value;
        if (o.value.alreadyHeld) held++;
        else added++;
      } else {
        if (!(o.error instanceof ServiceError)) throw o.error;
        refusal ??= o.error;
      }
    }
    if (!first) throw refusal;
    const batch = { total: texts.length, added, held, refused: texts.length - added - held };
    return { ...badgeView(first.record, await ownOrigins(db)), ...(first.alreadyHeld ? { alreadyHeld: true } : {}), ...(first.heldFrom !== undefined ? { heldFrom: first.heldFrom } : {}), batch };
  }

  return {
    importInput,

    /**
     * One badge the user adds; the reply says when it was held already, which the popup says instead of "Added".
     * `attempt`: the popup's id for it, which cancelImport names (attempts.ts): a slow link or issuer held
     * "Adding…" with nothing to press. A batch is cancelled until its first badge is written.
     */
    import(source: ImportSource, attempt?: string): Promise<ImportedView> {
      return imports.run(attempt, async (signal, made) => {
        const cancel = signal ? { signal, made } : {};
        const bytes = await sourceBytes(source);
        // Several badges in one presentation or list: each added on its own (import-batch.ts).
        const many = batchOf(bytes);
        if (many && many.length > 1) return importBatch(many, cancel);
        const { record, alreadyHeld, heldFrom } = await importOne(many ? new TextEncoder().encode(many[0]) : bytes, { ...(source.kind === 'file' ? { fileName: source.name } : {}), oneEntry: true, ...cancel });
        return { ...badgeView(record, await ownOrigins(db)), ...(alreadyHeld ? { alreadyHeld } : {}), ...(heldFrom !== undefined ? { heldFrom } : {}) };
      });
    },

    /** Cancels the import `attempt` names (the popup's Cancel), even before it starts; `cancelled` false once it is being written. */
    cancelImport: (attempt: string): { cancelled: boolean } => imports.cancel(attempt),

    /** Every badge, or with a limit only the newest (and any that tie with the last): the popup's first screen. Newest first. */
    async list(limit?: number): Promise<BadgeView[]> {
      // The backpacks' origins are read alongside (their pictures may be on a private host: image-hosts.ts).
      const [records, own] = await Promise.all([limit === undefined ? db.badges.all() : db.badges.newest(limit), ownOrigins(db)]);
      return newestFirst(records).map((r) => badgeView(r, own));
    },

    async get(key: string): Promise<BadgeDetail> {
      const [r, o, own] = await Promise.all([mustGet(key), db.originals.get(key), ownOrigins(db)]);
      return badgeDetail(r, o, own);
    },

    /** A sync running meanwhile does not write the badge back (sync-removed.ts: marked in the run, then deleted). */
    async remove(key: string): Promise<{ removed: boolean }> {
      const r = await db.badges.get(key);
      if (!r) return { removed: false };
      // Which award a backpack's badge was (sync-award-key.ts), read while it is stored: a run keys the others by it.
      const award = r.accountId === LOCAL ? undefined : await storedAward(db, r);
      const removed = onRemoving?.(r.accountId, key, award);
      try {
        await markRemoved(db, r.accountId, key, award);
        await db.badges.delete(key);
        // The local copy it stood for goes with it (synced-twin.ts removedCopy): the user asked for the badge gone.
        await removedCopy(db, r);
      } finally {
        removed?.();
      }
      return { removed: true };
    },

    /** Verifies one badge again, or every badge (progress per account in its sync state). */
    ...checkAll,

    /** The badge as a file (library-download.ts). */
    download: async (key: string, what: 'baked' | 'json'): Promise<Download> => downloadBadge(db, fetch, await mustGet(key), what),
  };
}

export type Library = ReturnType<typeof createLibrary>;
