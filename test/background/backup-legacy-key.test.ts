/**
 * A backup made before DB v5 names a backpack's credential without an id by the key older syncs
 * gave it, its text's length and first 64 characters (src/platform/db-schema.ts v5). Restored under
 * that key, the next sync (which keys it by its text's SHA-256, oauth-provider.ts) stored a second
 * entry beside it. It is restored under the key a sync gives it now.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();

describe('restoring a backup made before synced credentials without an id were keyed by their SHA-256', () => {
  it('restores such a badge under the key a sync gives it now', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const text = JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://issuer.test/profile', type: ['Profile'], name: 'Issuer' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://issuer.test/a/1', type: ['Achievement'], name: 'Teamwork' } },
    });
    const legacy = `${id}|json:${text.length}:${text.slice(0, 64)}`;
    const entry = { key: legacy, accountId: id, kind: 'json', base64: Buffer.from(text).toString('base64'), name: 'Teamwork', verdict: 'invalid', recipient: null, addedAt: '2026-01-02T00:00:00Z' };
    const backup = JSON.stringify({ format: 'lanyard-backup', version: 1, exportedAt: '2026-01-03T00:00:00Z', badges: [entry] });
    expect(await h.app.backup.import(backup)).toEqual({ imported: 1, skipped: 0 });
    const now = badgeKey(id, `json:sha256:${createHash('sha256').update(text).digest('hex')}`);
    expect(await h.db.badges.get(now)).toMatchObject({ accountId: id });
    expect(await h.db.badges.get(legacy)).toBeUndefined();
    // Restored again: held already, under its new key.
    expect(await h.app.backup.import(backup)).toEqual({ imported: 0, skipped: 1 });
  });
});
