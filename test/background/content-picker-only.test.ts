/**
 * What a content script can name a badge by. Keys are `accountId|sourceId` (platform/badge-key.ts):
 * the account, and for a badge added by a pasted link the link itself, with any secret its query
 * carries. A picker row names its badge by a handle (services/picker-handles.ts), and a card or a
 * LinkedIn link is built only for a badge the picker lists (not pending, not invalid): otherwise a
 * page's script could guess the keys of badges the picker hides, learn whether the user holds them
 * and read their names.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { pickerHandle } from '../../src/background/services/picker-handles.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const record = (key: string, verdict: BadgeRecord['verdict'], pending = false): BadgeRecord =>
  ({
    key, accountId: 'local', sourceId: key.slice(6), original: { kind: 'json', json: '{}' }, contentHash: key, format: 'ob2.0-hosted',
    meta: { name: `Name of ${key.slice(-6)}`, tags: [], issuerName: 'Issuer', publicUrl: `https://issuer.example/${key.slice(-6)}` },
    verdict, checks: [], recipient: null, recipientKey: '', pending, identitiesHash: '', addedAt: '2026-01-01T00:00:00Z',
  }) as unknown as BadgeRecord;

const SHARED = 'local|id:https://backpack.example/share/b1?token=SECRET-share-token';

describe('cards and LinkedIn links for content scripts', () => {
  it('only for a badge the picker lists; a hidden one answers as a missing one, naming nothing', async () => {
    const h = await harness();
    for (const r of [record('local|shown1', 'valid'), record('local|revok1', 'invalid'), record('local|pendi1', 'valid', true)]) await h.db.badges.put(r);
    const rows = await h.app.content.pickerList('');
    expect(rows.map((b) => b.name)).toEqual(['Name of shown1']);
    expect((await h.app.content.card(rows[0]!.key)).text).toContain('Name of shown1');
    expect((await h.app.content.linkedInUrl(rows[0]!.key)).url).toContain('linkedin.com');
    const missing = await failure(h.app.content.card(await pickerHandle('local|nothing')));
    expect(missing).toMatchObject({ code: 'ERR_NOT_FOUND' });
    for (const key of ['local|revok1', 'local|pendi1']) {
      for (const ask of [h.app.content.card, h.app.content.linkedInUrl]) {
        expect(await failure(ask(await pickerHandle(key))), key).toEqual(missing);
        expect(await failure(ask(key)), key).toEqual(missing);
      }
    }
  });

  it('a picker row names its badge by a handle, not by its key: not the account, not the link it was added by', async () => {
    const h = await harness();
    await h.db.badges.put(record(SHARED, 'valid'));
    const rows = await h.app.content.pickerList('');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('SECRET');
    expect(JSON.stringify(rows)).not.toContain('local|');
    expect(rows[0]!.key).toMatch(/^h:[0-9a-f]{64}$/);
    // The key itself names nothing a content script may ask for.
    expect(await failure(h.app.content.card(SHARED))).toMatchObject({ code: 'ERR_NOT_FOUND' });
    expect((await h.app.content.card(rows[0]!.key)).text).toContain('Name of -token');
    // A worker started afresh (MV3 stops idle ones) still finds the badge an open picker names.
    const again = await h.restart();
    expect((await again.app.content.linkedInUrl(rows[0]!.key)).url).toContain('linkedin.com');
  });

  it('a row carries the links LinkedIn’s form needs as they may be shared: never a token or signature a badge’s links carry', async () => {
    const h = await harness();
    const secret = 'https://backpack.example/assertions/b1.json?token=SECRET-share-token';
    const r = record('local|signed', 'valid');
    await h.db.badges.put({ ...r, meta: { ...r.meta, publicUrl: secret, credentialId: secret } });
    const plain = record('local|plain1', 'valid');
    await h.db.badges.put({ ...plain, meta: { ...plain.meta, publicUrl: 'https://issuer.example/assertions/p1', credentialId: 'urn:uuid:7b1c' } });
    const rows = await h.app.content.pickerList('');
    expect(JSON.stringify(rows)).not.toContain('SECRET');
    const signed = rows.find((b) => b.name === 'Name of signed')!;
    // What the LinkedIn form fills in (credentialIdFor: the id's last path segment), without the link it cannot share.
    expect(signed).toMatchObject({ credentialId: 'b1' });
    expect(signed.publicUrl).toBeUndefined();
    expect(rows.find((b) => b.name === 'Name of plain1')).toMatchObject({ publicUrl: 'https://issuer.example/assertions/p1', credentialId: 'urn:uuid:7b1c' });
  });
});
