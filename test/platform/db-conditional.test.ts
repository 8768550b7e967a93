/**
 * The database's read-modify-writes in one readwrite transaction: Store.update (a service changes
 * its own fields of a record as it is now) and saveBadgeIf (a result made from a badge record is
 * written only while that record is still the one stored, told by the `rev` every write stamps).
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/platform/db.ts';
import type { BadgeRecord, FullBadge } from '../../src/platform/records.ts';

let n = 0;
const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
const open = async () => {
  const d = await openDb({ name: `lanyard-conditional-${Date.now()}-${n++}` });
  opened.push(d);
  return d;
};

const full = (key: string, verdict: BadgeRecord['verdict'], byte = 1): FullBadge => ({
  record: {
    key, accountId: 'a', sourceId: key.split('|')[1]!, original: { kind: 'json' }, contentHash: `h${byte}`,
    meta: { name: key, issuedOn: '2026-01-01T00:00:00Z', tags: [], evidence: [], alignments: [], claimedRecipients: [] },
    format: 'ob2.0-hosted', verdict, checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'x', addedAt: '2026-01-01T00:00:00Z',
  },
  original: { key, bytes: new Uint8Array([byte]) },
});

describe('Store.update', () => {
  it('writes what the change makes of the record as stored, nothing when it returns undefined, and nothing when it throws', async () => {
    const db = await open();
    await db.syncState.put({ accountId: 'a', status: 'idle', done: 1, total: 2, failures: 0 });
    expect(await db.syncState.update('a', (s) => s && { ...s, done: 2 })).toMatchObject({ done: 2, total: 2 });
    expect(await db.syncState.get('a')).toMatchObject({ done: 2, total: 2 });
    expect(await db.syncState.update('b', (s) => s && { ...s, done: 9 })).toBeUndefined();
    expect(await db.syncState.get('b')).toBeUndefined();
    await expect(db.syncState.update('a', () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(await db.syncState.get('a')).toMatchObject({ done: 2 });
  });

  it('two updates at once both land, each on the other’s result', async () => {
    const db = await open();
    await db.syncState.put({ accountId: 'a', status: 'idle', done: 0, total: 0, failures: 0 });
    await Promise.all([db.syncState.update('a', (s) => s && { ...s, done: s.done + 1 }), db.syncState.update('a', (s) => s && { ...s, total: s.done + 10 })]);
    expect(await db.syncState.get('a')).toMatchObject({ done: 1, total: 11 });
  });

  it('a badge written through update gets its sort key and a new rev', async () => {
    const db = await open();
    await db.saveBadge(full('a|1', 'valid'));
    const before = (await db.badges.get('a|1'))!;
    const after = (await db.badges.update('a|1', (r) => r && { ...r, verdict: 'invalid' }))!;
    expect(after).toMatchObject({ verdict: 'invalid', sortTime: Date.parse('2026-01-01T00:00:00Z') });
    expect(after.rev).not.toBe(before.rev);
    expect(await db.badges.get('a|1')).toEqual(after);
  });
});

describe('saveBadgeIf', () => {
  it('writes over the record read, never over one written since; with nothing read, only where there is none', async () => {
    const db = await open();
    expect(await db.saveBadgeIf(full('a|1', 'valid', 1), undefined)).toBe(true);
    const read = (await db.badges.get('a|1'))!;
    expect(read.rev).toEqual(expect.any(String));
    expect(await db.saveBadgeIf(full('a|1', 'invalid', 2), undefined)).toBe(false);
    // Another write comes between: the result made from `read` is stale.
    await db.saveBadge(full('a|1', 'valid', 3));
    expect(await db.saveBadgeIf(full('a|1', 'invalid', 2), read)).toBe(false);
    expect(await db.badges.get('a|1')).toMatchObject({ verdict: 'valid', contentHash: 'h3' });
    expect((await db.originals.get('a|1'))!.bytes).toEqual(new Uint8Array([3]));
    const now = (await db.badges.get('a|1'))!;
    expect(await db.saveBadgeIf(full('a|1', 'invalid', 2), now)).toBe(true);
    expect(await db.badges.get('a|1')).toMatchObject({ verdict: 'invalid', contentHash: 'h2' });
    // Gone meanwhile (removed, signed out): nothing comes back.
    const last = (await db.badges.get('a|1'))!;
    await db.badges.delete('a|1');
    expect(await db.saveBadgeIf(full('a|1', 'valid', 4), last)).toBe(false);
    expect(await db.badges.get('a|1')).toBeUndefined();
    expect(await db.originals.get('a|1')).toBeUndefined();
  });

  it('a record written before rev existed (it has none) is written over while it is still the one stored, once', async () => {
    const name = `lanyard-conditional-legacy-${Date.now()}-${n++}`;
    const db = await openDb({ name });
    opened.push(db);
    // As an older Lanyard stored it: no rev.
    const raw = await openDB(name);
    await raw.put('badges', full('a|1', 'valid').record);
    raw.close();
    const read = (await db.badges.get('a|1'))!;
    expect(read.rev).toBeUndefined();
    expect(await db.saveBadgeIf(full('a|1', 'invalid', 2), read)).toBe(true);
    expect(await db.saveBadgeIf(full('a|1', 'valid', 3), read)).toBe(false);
    expect(await db.badges.get('a|1')).toMatchObject({ verdict: 'invalid', contentHash: 'h2', rev: expect.any(String) });
  });
});
