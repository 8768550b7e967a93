/** The IndexedDB schema over fake-indexeddb: a fresh database, and the upgrade of a version 1 database with data in it. */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { openDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION, migrate } from '../../src/platform/db-schema.ts';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { NEWEST_TIES, openDb, type Db } from '../../src/platform/db.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

let n = 0;
const fresh = () => `lanyard-test-${Date.now()}-${n++}`;
const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
const open = async (name: string) => {
  const d = await openDb({ name });
  opened.push(d);
  return d;
};

/** The database as an older version made it (its migrations up to `version`). */
const openAt = (name: string, version: number) =>
  openDB(name, version, {
    upgrade(db, old, _new, tx) {
      void migrate(db as never, tx as never, old, version);
    },
  });

const badge = (key: string, accountId: string, recipient: string | null, issuedOn?: string): BadgeRecord => ({
  key,
  accountId,
  sourceId: key.split('|')[1]!,
  original: { kind: 'json' },
  contentHash: 'h',
  meta: { name: key, ...(issuedOn ? { issuedOn } : {}), tags: [], evidence: [], alignments: [], claimedRecipients: [] },
  format: 'ob2.0-hosted',
  verdict: 'valid',
  checks: [],
  recipient,
  recipientKey: recipient?.toLowerCase() ?? '',
  pending: false,
  identitiesHash: 'x',
  addedAt: '2026-01-01T00:00:00Z',
});

describe('a fresh database', () => {
  it('has every store and index of the current version', async () => {
    const name = fresh();
    const db = await open(name);
    await db.badges.put(badge('a|1', 'a', 'Ada@Example.org'));
    await db.badges.put(badge('a|2', 'a', null));
    await db.badges.put(badge('b|1', 'b', 'ada@example.org'));
    expect(await db.badges.countByRecipient('ADA@example.org')).toBe(2);
    expect((await db.badges.byAccount('a')).map((b) => b.key)).toEqual(['a|1', 'a|2']);
    expect(await db.badges.countByAccount('b')).toBe(1);
    expect(await db.badges.deleteByAccount('a')).toBe(2);
    expect(await db.badges.count()).toBe(1);
    await db.secrets.put({ id: 'refresh:a', kind: 'refresh', refreshToken: 'r' });
    await db.documents.put({ url: 'https://x.example/', status: 200, contentType: 'application/json', bytes: new Uint8Array([1]), freshUntil: 1, storedAt: 0 });
    await db.results.put({ key: 'fact:x', value: true });
    await db.syncState.put({ accountId: 'b', status: 'idle', done: 0, total: 0, failures: 0 });
    expect(await db.secrets.get('refresh:a')).toMatchObject({ refreshToken: 'r' });
    expect((await db.documents.get('https://x.example/'))?.bytes).toEqual(new Uint8Array([1]));
    const raw = await openDB(name);
    expect([...raw.objectStoreNames].sort()).toEqual(['accounts', 'badges', 'documents', 'originals', 'results', 'secrets', 'syncState']);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
  });

  it('writes a badge, its original and its sync progress together, and removes the original with the badge', async () => {
    const db = await open(fresh());
    const bytes = new Uint8Array([1, 2, 3]);
    await db.saveBadge({ record: badge('a|1', 'a', null), original: { key: 'a|1', bytes, credentialText: '{}' } }, { accountId: 'a', status: 'syncing', done: 1, total: 3, failures: 0 });
    await db.saveBadge({ record: badge('a|2', 'a', null), original: { key: 'a|2', bytes } });
    expect(await db.badges.count()).toBe(2);
    expect(await db.originals.get('a|1')).toEqual({ key: 'a|1', bytes, credentialText: '{}' });
    expect(await db.syncState.get('a')).toMatchObject({ done: 1, total: 3 });
    await db.badges.delete('a|1');
    expect(await db.originals.get('a|1')).toBeUndefined();
    await db.badges.deleteByAccount('a');
    expect(await db.originals.all()).toEqual([]);
    await expect(db.saveBadge({ record: badge('a|3', 'a', null), original: { key: 'other', bytes } })).rejects.toThrow();
  });

  it('writes several badges with the progress in one transaction, none if one is wrong, and reads several by key', async () => {
    const db = await open(fresh());
    const bytes = new Uint8Array([4]);
    await db.saveBadges([1, 2, 3].map((n) => ({ record: badge(`a|${n}`, 'a', null), original: { key: `a|${n}`, bytes } })), { accountId: 'a', status: 'syncing', done: 3, total: 9, failures: 0 });
    expect((await db.badges.getMany(['a|3', 'a|x', 'a|1'])).map((r) => r?.key)).toEqual(['a|3', undefined, 'a|1']);
    expect(await db.syncState.get('a')).toMatchObject({ done: 3, total: 9 });
    await expect(db.saveBadges([{ record: badge('a|4', 'a', null), original: { key: 'a|4', bytes } }, { record: badge('a|5', 'a', null), original: { key: 'other', bytes } }], { accountId: 'a', status: 'syncing', done: 5, total: 9, failures: 0 })).rejects.toThrow();
    expect(await db.badges.get('a|4')).toBeUndefined();
    expect(await db.syncState.get('a')).toMatchObject({ done: 3 });
    expect(await db.badges.getMany([])).toEqual([]);
  });

  it('writes nothing of a batch or a put that the database refuses, and says why', async () => {
    const db = await open(fresh());
    const bytes = new Uint8Array([4]);
    const good = { record: badge('b|1', 'b', null), original: { key: 'b|1', bytes } };
    // A function cannot be stored (DataCloneError): refused at the second badge's put, after the first's.
    const bad = { record: { ...badge('b|2', 'b', null), meta: { ...badge('b|2', 'b', null).meta, name: (() => 0) as unknown as string } }, original: { key: 'b|2', bytes } };
    await expect(db.saveBadges([good, bad])).rejects.toThrow(/clone/i);
    expect(await db.badges.get('b|1')).toBeUndefined();
    expect(await db.originals.get('b|1')).toBeUndefined();
    await expect(db.results.put({ key: 'r', value: () => 0 } as never)).rejects.toThrow(/clone/i);
    expect(await db.results.get('r')).toBeUndefined();
    await db.results.put({ key: 'r', value: 1 });
    expect(await db.results.all()).toEqual([{ key: 'r', value: 1 }]);
    await db.results.delete('r');
    expect(await db.results.get('r')).toBeUndefined();
  });

  // Chromium reads the newest with IDBIndex.getAllRecords (fake-indexeddb has it too); Firefox 140 with a cursor.
  for (const mode of ['getAllRecords', 'a cursor'] as const) {
    describe(mode, () => {
      const proto = IDBIndex.prototype as unknown as { getAllRecords?: unknown };
      const saved = proto.getAllRecords;
      beforeAll(() => {
        expect(typeof saved).toBe('function');
        if (mode === 'a cursor') delete proto.getAllRecords;
      });
      afterAll(() => {
        proto.getAllRecords = saved;
      });

      it(`reads the newest badges first (${mode}), by issue time whatever the time zone, with those tied with the last, and no more`, async () => {
        const db = await open(fresh());
        await db.badges.put(badge('a|old', 'a', null, '2020-05-01'));
        await db.badges.put(badge('a|undated', 'a', null));
        await db.badges.put(badge('a|garbage', 'a', null, 'not a date'));
        // 2026-03-01T01:00+05:00 is 2026-02-28T20:00Z: earlier than the plain 2026-02-28T23:00Z.
        await db.saveBadge({ record: badge('a|offset', 'a', null, '2026-03-01T01:00:00+05:00'), original: { key: 'a|offset', bytes: new Uint8Array() } });
        await db.badges.put(badge('a|utc', 'a', null, '2026-02-28T23:00:00Z'));
        await db.badges.put(badge('a|tie1', 'a', null, '2024-01-01T00:00:00Z'));
        await db.badges.put(badge('a|tie2', 'a', null, '2024-01-01'));
        expect((await db.badges.newest(2)).map((b) => b.key)).toEqual(['a|utc', 'a|offset']);
        expect((await db.badges.newest(3)).map((b) => b.key).sort()).toEqual(['a|offset', 'a|tie1', 'a|tie2', 'a|utc']);
        expect((await db.badges.newest(100)).map((b) => b.key).slice(-2).sort()).toEqual(['a|garbage', 'a|undated']);
        expect(await db.badges.newest(100)).toHaveLength(7);
        // The sort key follows the badge when its date changes.
        await db.badges.put(badge('a|old', 'a', null, '2027-01-01'));
        expect((await db.badges.newest(1)).map((b) => [b.key, b.sortTime])).toEqual([['a|old', Date.parse('2027-01-01')]]);
      });

      it(`reads at most NEWEST_TIES of a large group tied with the last, still newest first (${mode})`, async () => {
        const db = await open(fresh());
        await db.badges.put(badge('a|newer', 'a', null, '2026-01-02'));
        await db.badges.put(badge('a|older', 'a', null, '2025-01-01'));
        for (let i = 0; i < NEWEST_TIES + 50; i++) await db.badges.put(badge(`a|batch${i}`, 'a', null, '2026-01-01'));
        const first = await db.badges.newest(20);
        expect(first).toHaveLength(20 + NEWEST_TIES);
        expect(first[0]!.key).toBe('a|newer');
        expect(first.slice(1).every((b) => b.sortTime === Date.parse('2026-01-01'))).toBe(true);
        // A group that fits is still read whole.
        expect(await db.badges.newest(NEWEST_TIES)).toHaveLength(NEWEST_TIES + 51);
      });
    });
  }
});

describe('upgrading a version 2 database', () => {
  it('gives every badge its sort time, so the newest are read first', async () => {
    const name = fresh();
    const v2 = await openAt(name, 2);
    const v2badge = (key: string, issuedOn?: string) => {
      const { sortTime: _none, ...rest } = badge(key, 'a', null, issuedOn);
      return rest;
    };
    await v2.put('badges' as never, v2badge('a|1', '2021-01-01') as never);
    await v2.put('badges' as never, v2badge('a|2', '2025-06-01T12:00:00Z') as never);
    await v2.put('badges' as never, v2badge('a|3') as never);
    v2.close();

    const db = await open(name);
    expect((await db.badges.get('a|2'))?.sortTime).toBe(Date.parse('2025-06-01T12:00:00Z'));
    expect((await db.badges.get('a|3'))?.sortTime).toBe(0);
    expect((await db.badges.newest(1)).map((b) => b.key)).toEqual(['a|2']);
    expect((await db.badges.newest(3)).map((b) => b.key)).toEqual(['a|2', 'a|1', 'a|3']);
  });
});

describe('upgrading a version 3 database', () => {
  it('moves a badge under a key too long to name to its SHA-256 key, with its original; one already there stays, the old copy goes', async () => {
    const name = fresh();
    const v3 = await openAt(name, 3);
    const moved = `id:urn:uuid:${'7'.repeat(600)}`;
    const taken = `id:urn:uuid:${'8'.repeat(600)}`;
    const old = (sourceId: string, contentHash: string) => ({ ...badge(`a|${sourceId}`, 'a', null), sourceId, contentHash });
    await v3.put('badges' as never, old(moved, 'old-moved') as never);
    await v3.put('originals' as never, { key: `a|${moved}`, bytes: new Uint8Array([1, 2]) } as never);
    await v3.put('badges' as never, old(taken, 'old-taken') as never);
    await v3.put('originals' as never, { key: `a|${taken}`, bytes: new Uint8Array([3]) } as never);
    // The same badge, added again since the library hashed long keys: the newer copy.
    await v3.put('badges' as never, { ...old(taken, 'newer'), key: badgeKey('a', taken) } as never);
    await v3.put('originals' as never, { key: badgeKey('a', taken), bytes: new Uint8Array([4]) } as never);
    await v3.put('badges' as never, badge('a|short', 'a', null) as never);
    v3.close();

    const db = await open(name);
    expect((await db.badges.byAccount('a')).map((b) => [b.key, b.contentHash]).sort()).toEqual([[badgeKey('a', moved), 'old-moved'], [badgeKey('a', taken), 'newer'], ['a|short', 'h']].sort());
    expect((await db.originals.get(badgeKey('a', moved)))?.bytes).toEqual(new Uint8Array([1, 2]));
    expect((await db.originals.get(badgeKey('a', taken)))?.bytes).toEqual(new Uint8Array([4]));
    expect(await db.originals.get(`a|${moved}`)).toBeUndefined();
    expect(await db.originals.get(`a|${taken}`)).toBeUndefined();
    expect(await db.badges.count()).toBe(3);
  });
});

describe('upgrading a version 4 database: synced credentials without an id', () => {
  it('moves a badge keyed by its text\'s length and opening to its text\'s SHA-256 key, with its original; other badges stay', async () => {
    const name = fresh();
    const v4 = await openAt(name, 4);
    const text = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Ann"}';
    const sha = createHash('sha256').update(text).digest('hex');
    const checked = `json:${text.length}:${text.slice(0, 64)}`;
    const uncheckedText = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Bob"}';
    // A badge the sync could not check: no content hash, its JSON kept as its original.
    await v4.put('badges' as never, { ...badge(`b|${checked}`, 'b', null), sourceId: checked, contentHash: sha } as never);
    await v4.put('originals' as never, { key: `b|${checked}`, bytes: new TextEncoder().encode(text) } as never);
    const unchecked = `json:${uncheckedText.length}:${uncheckedText.slice(0, 64)}`;
    await v4.put('badges' as never, { ...badge(`c|${unchecked}`, 'c', null), sourceId: unchecked, contentHash: '' } as never);
    await v4.put('originals' as never, { key: `c|${unchecked}`, bytes: new TextEncoder().encode(uncheckedText) } as never);
    await v4.put('badges' as never, badge('b|urn:uuid:1', 'b', null) as never);
    v4.close();

    const db = await open(name);
    const moved = badgeKey('b', `json:sha256:${sha}`);
    expect((await db.badges.get(moved))?.sourceId).toBe(`json:sha256:${sha}`);
    expect(new TextDecoder().decode((await db.originals.get(moved))?.bytes)).toBe(text);
    const movedUnchecked = badgeKey('c', `json:sha256:${createHash('sha256').update(uncheckedText).digest('hex')}`);
    expect((await db.badges.get(movedUnchecked))?.contentHash).toBe('');
    expect(await db.originals.get(movedUnchecked)).toBeDefined();
    expect(await db.badges.get(`b|${checked}`)).toBeUndefined();
    expect(await db.originals.get(`b|${checked}`)).toBeUndefined();
    expect(await db.badges.get('b|urn:uuid:1')).toBeDefined();
    expect(await db.badges.count()).toBe(3);
  });
});

/**
 * A backup restored before v5 put a synced badge back under the key its backup gave it (the old
 * `json:<length>:<opening>` one) while the record's sourceId is the one an import gives,
 * `sha256:<hex>` (library.ts): the next sync rewrote it with the backpack's source id, but one the
 * upgrade met first (restored that day, or an account whose sync was failing) was left under the old
 * key, and the next sync stored the same badge a second time beside it.
 */
describe('upgrading a version 4 database: a synced credential without an id restored from a backup', () => {
  it('moves it by its key, whatever its sourceId says', async () => {
    const name = fresh();
    const v4 = await openAt(name, 4);
    const text = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Restored"}';
    const sha = createHash('sha256').update(text).digest('hex');
    const old = `b|json:${text.length}:${text.slice(0, 64)}`;
    await v4.put('badges' as never, { ...badge(old, 'b', null), sourceId: `sha256:${sha}`, contentHash: sha } as never);
    await v4.put('originals' as never, { key: old, bytes: new TextEncoder().encode(text) } as never);
    // A local badge keyed by its content hash is not a synced one: it stays.
    await v4.put('badges' as never, { ...badge(`local|sha256:${sha}`, 'local', null), sourceId: `sha256:${sha}`, contentHash: sha } as never);
    v4.close();

    const db = await open(name);
    const moved = badgeKey('b', `json:sha256:${sha}`);
    expect((await db.badges.get(moved))?.sourceId).toBe(`json:sha256:${sha}`);
    expect(new TextDecoder().decode((await db.originals.get(moved))?.bytes)).toBe(text);
    expect(await db.badges.get(old)).toBeUndefined();
    expect(await db.originals.get(old)).toBeUndefined();
    expect(await db.badges.get(`local|sha256:${sha}`)).toBeDefined();
    expect(await db.badges.count()).toBe(2);
  });
});

describe('upgrading a version 3 database: registered clients', () => {
  it('keeps only the fields of a registration answer Lanyard reads, the registration access token dropped', async () => {
    const name = fresh();
    const v3 = await openAt(name, 3);
    const registration = {
      client_id: 'c', client_secret: 's', registration_access_token: 'rat-secret', registration_client_uri: 'https://wallet.example/register/c',
      client_name: 'x'.repeat(100_000), client_secret_expires_at: 0, scope: 'read profile', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://lanyard.example/cb', 7],
    };
    await v3.put('secrets' as never, { id: 'client:ob3:h', kind: 'client', clientId: 'c', clientSecret: 's', registration } as never);
    await v3.put('secrets' as never, { id: 'refresh:a', kind: 'refresh', refreshToken: 'r', scope: ['read'] } as never);
    v3.close();

    const db = await open(name);
    expect(await db.secrets.get('client:ob3:h')).toEqual({
      id: 'client:ob3:h', kind: 'client', clientId: 'c', clientSecret: 's',
      registration: { client_secret_expires_at: 0, scope: 'read profile', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://lanyard.example/cb'] },
    });
    expect(await db.secrets.get('refresh:a')).toEqual({ id: 'refresh:a', kind: 'refresh', refreshToken: 'r', scope: ['read'] });
  });
});

describe('upgrading a version 1 database', () => {
  it('keeps every badge and account, and adds what version 2 has', async () => {
    const name = fresh();
    // Version 1, as it was: badges keyed by `key` with a byAccount index, and accounts.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('badges', { keyPath: 'key' }).createIndex('byAccount', 'accountId');
        db.createObjectStore('accounts', { keyPath: 'id' });
      },
    });
    const bytes = new TextEncoder().encode('{"type":"Assertion"}');
    await v1.put('badges', { key: 'acct|b1', accountId: 'acct', sourceId: 'b1', original: { kind: 'json', bytes }, credentialText: '{"type":"Assertion"}', meta: { name: 'One', tags: [] }, format: 'ob2.0-hosted', verdict: 'valid', checks: [{ id: 'parse', outcome: 'pass', message: 'ok' }], issuedTo: 'Ada@Example.org', addedAt: '2025-01-01T00:00:00Z' });
    await v1.put('badges', { key: 'local|b2', accountId: 'local', sourceId: 'b2', original: { kind: 'url', bytes }, meta: { name: 'Two', tags: [] }, format: 'hosted-url', addedAt: '2025-01-02T00:00:00Z' });
    await v1.put('accounts', { id: 'acct', kind: 'badgr', providerName: 'Badgr', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', userId: 'u1', createdAt: '2025-01-01T00:00:00Z' });
    v1.close();

    const db = await open(name);
    const one = await db.badges.get('acct|b1');
    expect(one).toMatchObject({ recipient: 'Ada@Example.org', recipientKey: 'ada@example.org', pending: false, identitiesHash: '', verdict: 'valid' });
    expect(one).not.toHaveProperty('issuedTo');
    expect(one).not.toHaveProperty('credentialText');
    expect(one?.original).toEqual({ kind: 'json' });
    // The bytes moved to the originals store, with the credential text.
    expect(await db.originals.get('acct|b1')).toEqual({ key: 'acct|b1', bytes, credentialText: '{"type":"Assertion"}' });
    expect((await db.originals.get('local|b2'))?.bytes).toEqual(bytes);
    expect(await db.badges.get('local|b2')).toMatchObject({ recipient: null, recipientKey: '', verdict: 'unverified', checks: [] });
    expect(await db.badges.countByRecipient('ada@example.org')).toBe(1);
    expect(await db.badges.countByAccount('acct')).toBe(1);
    expect(await db.accounts.get('acct')).toMatchObject({ addresses: [], needsSignIn: false, user: 'ada@example.org' });
    await db.secrets.put({ id: 'client:x', kind: 'client', clientId: 'c', clientSecret: 's', registration: {} });
    expect(await db.secrets.all()).toHaveLength(1);
    expect(await db.syncState.all()).toEqual([]);
    // …and what version 3 adds: the sort time (neither has an issue date).
    expect(one?.sortTime).toBe(0);
    expect(await db.badges.newest(5)).toHaveLength(2);
  });
});

describe('the documents store knows its keys', () => {
  const doc = (url: string, byte = 1) => ({ url, status: 200, contentType: 'application/json', bytes: new Uint8Array([byte]), freshUntil: 1, storedAt: 0 });
  /** Counts the transactions this connection opens (reads of absent keys must open none). */
  const countTransactions = () => {
    const orig = IDBDatabase.prototype.transaction;
    const seen = { n: 0, restore: () => (IDBDatabase.prototype.transaction = orig) };
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...a: Parameters<IDBDatabase['transaction']>) {
      seen.n++;
      return orig.apply(this, a);
    } as IDBDatabase['transaction'];
    return seen;
  };

  it('reads an absent key without a transaction, and every stored one across puts, deletes and a new connection', async () => {
    const name = fresh();
    const db = await open(name);
    await db.documents.put(doc('https://a.example/'));
    expect(await db.documents.get('https://b.example/')).toBeUndefined(); // loads the index
    const tx = countTransactions();
    try {
      for (let i = 0; i < 20; i++) expect(await db.documents.get(`https://absent.example/${i}`)).toBeUndefined();
      expect(tx.n).toBe(0);
      expect((await db.documents.get('https://a.example/'))?.bytes).toEqual(new Uint8Array([1]));
      expect(tx.n).toBe(1);
    } finally {
      tx.restore();
    }
    await db.documents.put(doc('https://b.example/', 2));
    expect((await db.documents.get('https://b.example/'))?.bytes).toEqual(new Uint8Array([2]));
    await db.documents.delete('https://a.example/');
    expect(await db.documents.get('https://a.example/')).toBeUndefined();
    // A put and a delete of one key at once: whatever the store holds after, a read finds it.
    const racing = [db.documents.delete('https://b.example/'), db.documents.put(doc('https://b.example/', 3))];
    await Promise.all(racing);
    expect((await db.documents.get('https://b.example/'))?.bytes).toEqual(new Uint8Array([3]));
    db.close();
    // Another connection (a restarted worker) reads the keys again.
    const again = await open(name);
    expect((await again.documents.get('https://b.example/'))?.bytes).toEqual(new Uint8Array([3]));
    expect(await again.documents.get('https://a.example/')).toBeUndefined();
  });

  it('keeps what is put while it loads its keys', async () => {
    const db = await open(fresh());
    const [first] = await Promise.all([db.documents.get('https://c.example/'), db.documents.put(doc('https://c.example/', 4))]);
    expect(first === undefined || first.bytes[0] === 4).toBe(true);
    expect((await db.documents.get('https://c.example/'))?.bytes).toEqual(new Uint8Array([4]));
  });
});

describe('the badge count', () => {
  const full = (key: string) => ({ record: badge(key, key.split('|')[0]!, null), original: { key, bytes: new Uint8Array([1]) } });
  /** What IndexedDB itself counts, through another connection. */
  const truth = async (name: string) => {
    const raw = await openDB(name);
    const n = await raw.count('badges');
    raw.close();
    return n;
  };

  it('stays what the store holds across every kind of write, once kept', async () => {
    const name = fresh();
    const db = await open(name);
    expect(await db.badges.count()).toBe(0);
    await db.badges.put(badge('a|1', 'a', null));
    expect(await db.badges.count()).toBe(1);
    await db.badges.put(badge('a|1', 'a', null)); // the same key again: no new badge
    expect(await db.badges.count()).toBe(1);
    await db.saveBadges([full('a|2'), full('b|1')]);
    expect(await db.badges.count()).toBe(3);
    await db.saveBadge(full('b|2'));
    expect(await db.badges.count()).toBe(4);
    await db.badges.delete('a|1');
    expect(await db.badges.count()).toBe(3);
    expect(await db.badges.deleteByAccount('b')).toBe(2);
    expect(await db.badges.count()).toBe(1);
    expect(await truth(name)).toBe(1);
  });

  it('is not kept from a read that a write overlapped', async () => {
    const name = fresh();
    const db = await open(name);
    await db.saveBadges([full('a|1'), full('a|2')]);
    // The count's read starts, then a write starts before it answers.
    const counting = db.badges.count();
    const writing = db.saveBadge(full('a|3'));
    expect(await counting).toBe(2);
    await writing;
    expect(await db.badges.count()).toBe(3);
    // A write started before the read: the read sees it.
    const written = db.badges.delete('a|3');
    expect(await db.badges.count()).toBe(2);
    await written;
    expect(await db.badges.count()).toBe(await truth(name));
  });
});
