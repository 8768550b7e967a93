/**
 * The IndexedDB schema and its migrations. Each migration takes the database from the version
 * before it to its own; opening runs every migration newer than what is on disk, inside the one
 * upgrade transaction, so a half-upgraded database never exists.
 *
 *   v1 (the first cut): badges {key; byAccount}, accounts {id}. Badge records had
 *      `issuedTo` (the address) and no pending flag; accounts no addresses.
 *   v2: badges gain a byRecipient index over `recipientKey`, `pending` and `identitiesHash`; their
 *      original bytes and credential text move to a store of their own, `originals` (listing
 *      a thousand badges must not read a thousand images); accounts gain `addresses` and
 *      `needsSignIn`; new stores secrets, documents, results, syncState.
 *   v3: badges gain `sortTime` and a bySortTime index over it, so the popup's first screen (the
 *      newest badges) is read without reading a thousand records.
 *   v4: a badge whose key is longer than a message may name (older versions keyed every badge by
 *      its whole id or link) moves, with its original, to the key ./badge-key.ts gives it now (its
 *      source's SHA-256), so that it can be opened, checked again and removed; where that key is
 *      already taken (the same badge, added or synced again since), the old copy is dropped. A
 *      registered client keeps only the fields of its registration answer that Lanyard reads
 *      (src/backpack/registration-answer.ts, whose next sign-in also narrows them to what was
 *      asked): older versions kept the whole answer, a registration_access_token with it.
 *   v5: a synced credential without an id, keyed by its text's length and first 64 characters
 *      (`json:<length>:<text>`, one key for two badges of one template), moves, with its original,
 *      to the key a sync gives it now, its text's SHA-256 (`json:sha256:<hex>`,
 *      src/background/services/providers/oauth-provider.ts): its content hash, or the SHA-256 of
 *      the JSON kept when the sync could not check it (its content hash then empty). Found by its
 *      source id or by its key (a backup restored before v5 kept the old key, an import's source id).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { sortTimeOf } from '../core/share/dates.ts';
import { badgeKey, MAX_BADGE_KEY_LENGTH } from './badge-key.ts';
import { hex } from '../core/proofs/sha256-digest.ts';
import { sha256Small } from '../core/proofs/sha256-small.ts';
import type { AccountRecord, BadgeRecord, DocumentRecord, OriginalRecord, ResultRecord, SecretRecord, SyncRecord } from './records.ts';

export const DB_NAME = 'lanyard';
export const DB_VERSION = 5;

export interface LanyardSchema extends DBSchema {
  badges: { key: string; value: BadgeRecord; indexes: { byAccount: string; byRecipient: string; bySortTime: number } };
  originals: { key: string; value: OriginalRecord };
  accounts: { key: string; value: AccountRecord };
  secrets: { key: string; value: SecretRecord };
  documents: { key: string; value: DocumentRecord };
  results: { key: string; value: ResultRecord };
  syncState: { key: string; value: SyncRecord };
}

/** Migrations see the database untyped: its shape is whatever the older version left. */
type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  version: number;
  up(db: AnyDb, tx: AnyTx): Promise<void>;
}

type Rec = Record<string, unknown>;

/**
 * Moves a badge record (`old`, as it is to be written) and its original to `key`; where that key is
 * taken already (the same badge, added or synced again since), the stored one stays. The caller
 * deletes the old record (its cursor's).
 */
async function rekey(tx: AnyTx, old: Rec, key: string): Promise<void> {
  const badges = tx.objectStore('badges');
  const originals = tx.objectStore('originals');
  const from = old.key as string;
  if ((await badges.count(key)) === 0) {
    const original = (await originals.get(from)) as Rec | undefined;
    await badges.put({ ...old, key });
    if (original) await originals.put({ ...original, key });
  }
  await originals.delete(from);
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    async up(db) {
      const badges = db.createObjectStore('badges', { keyPath: 'key' });
      badges.createIndex('byAccount', 'accountId');
      db.createObjectStore('accounts', { keyPath: 'id' });
    },
  },
  {
    version: 2,
    async up(db, tx) {
      db.createObjectStore('originals', { keyPath: 'key' });
      db.createObjectStore('secrets', { keyPath: 'id' });
      db.createObjectStore('documents', { keyPath: 'url' });
      db.createObjectStore('results', { keyPath: 'key' });
      db.createObjectStore('syncState', { keyPath: 'accountId' });
      const badges = tx.objectStore('badges');
      const originals = tx.objectStore('originals');
      badges.createIndex('byRecipient', 'recipientKey');
      for (let c = await badges.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        const recipient = typeof old.recipient === 'string' ? old.recipient : typeof old.issuedTo === 'string' ? old.issuedTo : null;
        const { issuedTo: _dropped, credentialText, original, ...rest } = old;
        const { bytes, ...kind } = (original ?? {}) as Rec;
        await originals.put({ key: old.key, bytes: bytes instanceof Uint8Array ? bytes : new Uint8Array(), ...(typeof credentialText === 'string' ? { credentialText } : {}) });
        await c.update({
          ...rest,
          original: kind,
          recipient,
          recipientKey: recipient?.toLowerCase() ?? '',
          pending: old.pending === true,
          // Unknown identities: the next sync or re-verification checks it again.
          identitiesHash: '',
          checks: Array.isArray(old.checks) ? old.checks : [],
          verdict: typeof old.verdict === 'string' ? old.verdict : 'unverified',
        });
      }
      const accounts = tx.objectStore('accounts');
      for (let c = await accounts.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        await c.update({ ...old, addresses: Array.isArray(old.addresses) ? old.addresses : [], needsSignIn: old.needsSignIn === true });
      }
    },
  },
  {
    version: 3,
    async up(_db, tx) {
      const badges = tx.objectStore('badges');
      badges.createIndex('bySortTime', 'sortTime');
      for (let c = await badges.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        const meta = (old.meta ?? {}) as Rec;
        await c.update({ ...old, sortTime: sortTimeOf(typeof meta.issuedOn === 'string' ? meta.issuedOn : undefined) });
      }
    },
  },
  {
    version: 4,
    async up(_db, tx) {
      const badges = tx.objectStore('badges');
      for (let c = await badges.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        if (typeof old.key !== 'string' || old.key.length <= MAX_BADGE_KEY_LENGTH || typeof old.accountId !== 'string' || typeof old.sourceId !== 'string') continue;
        const key = badgeKey(old.accountId, old.sourceId);
        if (key.length > MAX_BADGE_KEY_LENGTH) continue;
        await rekey(tx, old, key);
        await c.delete();
      }
      const secrets = tx.objectStore('secrets');
      for (let c = await secrets.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        if (old.kind !== 'client' || typeof old.registration !== 'object' || old.registration === null) continue;
        const r = old.registration as Rec;
        // Without what was asked, the scope and redirect URIs are bounded (a hundred scopes, ten URIs, 2048 characters each) rather than narrowed.
        const few = (list: unknown[], most: number): unknown[] => list.filter((u) => typeof u === 'string' && u.length <= 2048).slice(0, most);
        const kept = Object.fromEntries(Object.entries({
          client_secret_expires_at: typeof r.client_secret_expires_at === 'number' ? r.client_secret_expires_at : undefined,
          scope: typeof r.scope === 'string' ? few(r.scope.split(/\s+/), 100).join(' ') : undefined,
          token_endpoint_auth_method: typeof r.token_endpoint_auth_method === 'string' ? r.token_endpoint_auth_method.slice(0, 64) : undefined,
          redirect_uris: Array.isArray(r.redirect_uris) ? few(r.redirect_uris, 10) : undefined,
        }).filter(([, v]) => v !== undefined));
        await c.update({ ...old, registration: kept });
      }
    },
  },
  {
    version: 5,
    async up(_db, tx) {
      const badges = tx.objectStore('badges');
      const originals = tx.objectStore('originals');
      for (let c = await badges.openCursor(); c; c = await c.continue()) {
        const old = c.value as Rec;
        if (typeof old.key !== 'string' || typeof old.accountId !== 'string') continue;
        // By its source id, or by its key: a backup restored before v5 put the badge back under its old
        // key with the source id an import gives (`sha256:<hex>`, library.ts) until a sync rewrote it.
        const byKey = old.key.startsWith(`${old.accountId}|`) && /^json:\d+:/.test(old.key.slice(old.accountId.length + 1));
        if (!byKey && !(typeof old.sourceId === 'string' && /^json:\d+:/.test(old.sourceId))) continue;
        const original = (await originals.get(old.key)) as Rec | undefined;
        const kind = (old.original as Rec | undefined)?.kind;
        // Synchronous hashing: the upgrade transaction ends at the first wait that is not a database request.
        const hash = typeof old.contentHash === 'string' && /^[0-9a-f]{64}$/.test(old.contentHash) ? old.contentHash
          : kind === 'json' && original?.bytes instanceof Uint8Array ? hex(sha256Small(original.bytes)) : undefined;
        if (!hash) continue;
        const sourceId = `json:sha256:${hash}`;
        await rekey(tx, { ...old, sourceId }, badgeKey(old.accountId, sourceId));
        await c.delete();
      }
    },
  },
];

/** Runs the migrations after `oldVersion`, up to `target` (DB_VERSION by default). */
export async function migrate(db: AnyDb, tx: AnyTx, oldVersion: number, target = DB_VERSION): Promise<void> {
  for (const m of MIGRATIONS) if (m.version > oldVersion && m.version <= target) await m.up(db, tx);
}
