/**
 * Badges whose id or link is longer than a message may name (src/messaging/validate.ts
 * MAX_KEY_LENGTH). Older versions keyed them `${accountId}|${sourceId}` whatever the length, so
 * the popup could never open, check again or remove them; the library now names such a source by
 * its SHA-256 (src/platform/badge-key.ts), sync does the same, and the database's version 4 moves
 * the records older versions wrote (src/platform/db-schema.ts).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/db-schema.ts';
import { badgeKey, MAX_BADGE_KEY_LENGTH } from '../../src/platform/badge-key.ts';
import { sha256Hex } from '../../src/background/services/badge-record.ts';
import { MAX_KEY_LENGTH, parseMessage } from '../../src/messaging/validate.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const text = (t: string) => ({ kind: 'text' as const, text: t });
let n = 0;

describe('badgeKey', () => {
  it('is the key a message may name, the SHA-256 the library gave long sources before (crypto.subtle)', async () => {
    expect(MAX_BADGE_KEY_LENGTH).toBe(MAX_KEY_LENGTH);
    expect(badgeKey('local', 'id:urn:x')).toBe('local|id:urn:x');
    const long = `id:urn:uuid:${'7'.repeat(600)}`;
    expect(badgeKey('local', long)).toBe(`local|sha256-id:${await sha256Hex(long)}`);
    expect(badgeKey('local', 'é'.repeat(600))).toBe(`local|sha256-id:${await sha256Hex('é'.repeat(600))}`);
  });
});

describe('a badge an older version stored under a key too long to name', () => {
  it('can be listed, opened, checked again and removed after the upgrade, its original with it', async () => {
    // The badge as this version stores it, then written back the old way into a version 3 database.
    const name = `lanyard-long-keys-${Date.now()}-${n++}`;
    const first = await harness();
    const json = JSON.parse(readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json', 'utf8')) as { id: string };
    json.id = `urn:uuid:${'7'.repeat(600)}`;
    const view = await first.app.library.import(text(JSON.stringify(json)));
    const record = (await first.db.badges.get(view.key))!;
    const original = (await first.db.originals.get(view.key))!;
    const oldKey = `${record.accountId}|${record.sourceId}`;
    expect(oldKey.length).toBeGreaterThan(MAX_KEY_LENGTH);
    const v3 = await openDB(name, 3, { upgrade: (db, old, _new, tx) => void migrate(db as never, tx as never, old, 3) });
    await v3.put('badges', { ...record, key: oldKey });
    await v3.put('originals', { ...original, key: oldKey });
    v3.close();

    const h = await harness({}, name);
    const listed = await h.app.library.list();
    expect(listed.map((b) => b.key)).toEqual([view.key]);
    expect(parseMessage('popup', { type: 'badges/remove', args: { key: listed[0]!.key } }).ok).toBe(true);
    expect(await h.db.badges.get(oldKey)).toBeUndefined();
    expect((await h.db.originals.get(view.key))?.bytes).toEqual(original.bytes);
    expect((await h.app.library.get(view.key)).key).toBe(view.key);
    expect(await h.app.library.verify(view.key)).toEqual({ verified: 1 });
    expect(await h.app.library.remove(view.key)).toEqual({ removed: true });
    expect(await h.db.badges.count()).toBe(0);
    expect(await h.db.originals.get(view.key)).toBeUndefined();
  });
});

describe('a synced badge whose id is too long to name', () => {
  it('is kept under a key the popup can name, and the same badge synced again is the same record', async () => {
    const h = await harness({ syncOptions: { sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${ctx.bp.baseUrl}/public/assertions/${'x'.repeat(600)}` };
    const answer = { status: { error: null, statusCode: 200, statusText: 'OK' }, assertions: [assertion] };
    for (let i = 0; i < 2; i++) {
      ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v2p1/assertions', body: answer });
      await h.app.sync.run(id);
    }
    const keys = (await h.db.badges.byAccount(id)).map((r) => r.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(parseMessage('popup', { type: 'badges/get', args: { key: keys[0] } }).ok).toBe(true);
    expect((await h.app.library.get(keys[0]!)).key).toBe(keys[0]);
  });
});
