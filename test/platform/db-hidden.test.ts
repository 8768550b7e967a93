/**
 * A badge record kept inside its original (src/platform/db-hidden.ts): always in exactly one of the
 * two stores, hidden only while the badge that stands for it is stored.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/platform/db.ts';
import type { FullBadge } from '../../src/platform/records.ts';

let n = 0;
const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
const open = async () => {
  const d = await openDb({ name: `lanyard-hidden-${Date.now()}-${n++}` });
  opened.push(d);
  return d;
};

const full = (key: string, byte = 1): FullBadge => ({
  record: {
    key, accountId: key.split('|')[0]!, sourceId: key.split('|')[1]!, original: { kind: 'png', fileName: 'b.png' }, contentHash: `h${byte}`,
    meta: { name: key, issuedOn: '2026-01-01T00:00:00Z', tags: [], evidence: [], alignments: [], claimedRecipients: [] },
    format: 'ob2.0-hosted', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'x', addedAt: '2026-01-01T00:00:00Z',
  },
  original: { key, bytes: new Uint8Array([byte, 2, 3]) },
});

describe('hidden badges', () => {
  it('hide moves the record into its original (not listed nor counted), reveal puts it back as it was', async () => {
    const db = await open();
    await db.saveBadges([full('local|id:x'), full('acct|x', 9)]);
    const before = (await db.badges.get('local|id:x'))!;
    expect(await db.badges.count()).toBe(2);
    expect(await db.hidden.hide('local|id:x', 'acct|x')).toBe(true);
    expect(await db.badges.get('local|id:x')).toBeUndefined();
    expect((await db.badges.all()).map((r) => r.key)).toEqual(['acct|x']);
    expect(await db.badges.count()).toBe(1);
    expect(await db.originals.get('local|id:x')).toMatchObject({ bytes: new Uint8Array([1, 2, 3]), hidden: before });
    expect(await db.hidden.reveal('local|id:x')).toBe(true);
    const back = (await db.badges.get('local|id:x'))!;
    expect({ ...back, rev: before.rev }).toEqual(before);
    expect(await db.originals.get('local|id:x')).toEqual({ key: 'local|id:x', bytes: new Uint8Array([1, 2, 3]) });
    expect(await db.hidden.reveal('local|id:x')).toBe(false);
  });

  it('hides nothing once the badge standing for it is gone (removed meanwhile)', async () => {
    const db = await open();
    await db.saveBadge(full('local|id:x'));
    expect(await db.hidden.hide('local|id:x', 'acct|x')).toBe(false);
    expect(await db.badges.get('local|id:x')).toBeDefined();
    expect((await db.originals.get('local|id:x'))!.hidden).toBeUndefined();
  });

  it('drop forgets only a hidden badge; a shown one under the key is left whole', async () => {
    const db = await open();
    await db.saveBadges([full('local|id:x'), full('acct|x', 9)]);
    expect(await db.hidden.drop('local|id:x')).toBe(false);
    expect(await db.originals.get('local|id:x')).toBeDefined();
    await db.hidden.hide('local|id:x', 'acct|x');
    expect(await db.hidden.drop('local|id:x')).toBe(true);
    expect(await db.originals.get('local|id:x')).toBeUndefined();
    expect(await db.hidden.reveal('local|id:x')).toBe(false);
  });

  it('a badge stored under the key meanwhile is the newer one: reveal keeps it and drops the hidden copy', async () => {
    const db = await open();
    await db.saveBadges([full('local|id:x'), full('acct|x', 9)]);
    await db.hidden.hide('local|id:x', 'acct|x');
    await db.saveBadge(full('local|id:x', 5));
    expect(await db.hidden.reveal('local|id:x')).toBe(false);
    expect((await db.badges.get('local|id:x'))!.contentHash).toBe('h5');
    expect((await db.originals.get('local|id:x'))!.hidden).toBeUndefined();
  });
});
