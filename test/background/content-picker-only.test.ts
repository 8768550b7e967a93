/**
 * A content script may build a card or a LinkedIn link only for a badge its picker would list
 * (services/content.ts pickerList: not pending, not invalid). Keys are `accountId|sourceId`
 * (platform/badge-key.ts): a listed row's key tells the account part and a source id is often the
 * issuer's or backpack's public id, so a page's script could otherwise guess the keys of badges
 * the picker hides, learn whether the user holds them and read their names.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const record = (key: string, verdict: BadgeRecord['verdict'], pending = false): BadgeRecord =>
  ({
    key, accountId: 'local', sourceId: key.slice(6), original: { kind: 'json', json: '{}' }, contentHash: key, format: 'ob2.0-hosted',
    meta: { name: `Name of ${key}`, tags: [], issuerName: 'Issuer', publicUrl: `https://issuer.example/${key.slice(6)}` },
    verdict, checks: [], recipient: null, recipientKey: '', pending, identitiesHash: '', addedAt: '2026-01-01T00:00:00Z',
  }) as unknown as BadgeRecord;

describe('cards and LinkedIn links for content scripts', () => {
  it('only for a badge the picker lists; a hidden one answers as a missing one, naming nothing', async () => {
    const h = await harness();
    for (const r of [record('local|shown', 'valid'), record('local|revoked', 'invalid'), record('local|pending', 'valid', true)]) await h.db.badges.put(r);
    expect((await h.app.content.pickerList('')).map((b) => b.key)).toEqual(['local|shown']);
    expect((await h.app.content.card('local|shown')).text).toContain('Name of local|shown');
    expect((await h.app.content.linkedInUrl('local|shown')).url).toContain('linkedin.com');
    const missing = await h.app.content.card('local|nothing').catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    expect(missing).toMatchObject({ code: 'ERR_NOT_FOUND' });
    for (const key of ['local|revoked', 'local|pending']) {
      for (const ask of [() => h.app.content.card(key), () => h.app.content.linkedInUrl(key)]) {
        const e = await ask().then(() => undefined, (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
        expect(e, key).toEqual(missing);
      }
    }
  });
});
