/**
 * Hostile badges, round 4 (outputs): the backup Lanyard writes and reads back
 * (src/background/services/backup.ts). A badge whose words are written to break the file's JSON, and
 * whose file name and id are written to reach other records, is exported as one entry and restored as
 * itself; no other record is changed by its restore.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

const file = (name: string, t: string) => ({ kind: 'file' as const, name, base64: Buffer.from(t).toString('base64') });

/** A JSON breaking out of its string into the entry list, as a naive writer would let it. */
const BREAK = '","key":"local|id:urn:genuine","accountId":"local","kind":"json"},{"x":"\u2028\u2029\u0000\\';

function credential(id: string, name: string, issuer: string): string {
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://issuer.test/profile', type: ['Profile'], name: issuer },
    validFrom: '2026-01-01T00:00:00Z',
    name,
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://issuer.test/a/1', type: ['Achievement'], name, description: BREAK, criteria: { narrative: BREAK } } },
  });
}

describe('a hostile badge in a backup', () => {
  it('is one entry of the file, restored as itself, and changes no other record', async () => {
    const h = await harness();
    await h.app.library.import(file('genuine.json', credential('urn:genuine', 'Genuine', 'Issuer')));
    const hostileName = `${BREAK}__proto__`;
    await h.app.library.import(file(`../../${BREAK}/CON.json`, credential(`urn:hostile${BREAK}`, hostileName, BREAK)));
    const before = (await h.db.badges.all()).sort((a, b) => a.key.localeCompare(b.key));
    expect(before).toHaveLength(2);
    const genuine = before.find((r) => r.meta.name === 'Genuine')!;

    const { json } = await h.app.backup.export();
    const parsed = JSON.parse(json) as { badges: { key: string; name: string; accountId: string }[] };
    expect(parsed.badges.map((e) => e.key).sort()).toEqual(before.map((r) => r.key));
    expect(parsed.badges.find((e) => e.key !== genuine.key)!.name).toBe(hostileName);

    // Restored into an install that holds the genuine badge, as it is now (checked again since).
    const other = await harness();
    await other.app.library.import(file('genuine.json', credential('urn:genuine', 'Genuine', 'Issuer')));
    const [held] = await other.db.badges.all();
    expect(held!.key).toBe(genuine.key);
    expect(await other.app.backup.import(json)).toEqual({ imported: 1, skipped: 1 });
    expect(await other.db.badges.get(genuine.key)).toEqual(held);
    const restored = (await other.db.badges.all()).find((r) => r.key !== genuine.key)!;
    expect(restored.meta.name).toBe(hostileName);
    expect(restored.key).toBe(before.find((r) => r.key !== genuine.key)!.key);
    expect(await other.db.badges.count()).toBe(2);
    expect(Object.getPrototypeOf(restored.meta)).toBe(Object.prototype);
  });

  it('an entry written to stand for another record (its key) is skipped, and the record it names is untouched', async () => {
    const h = await harness();
    await h.app.library.import(file('genuine.json', credential('urn:genuine', 'Genuine', 'Issuer')));
    const [genuine] = await h.db.badges.all();
    const forged = credential('urn:forged', 'Forged', 'Issuer');
    const entry = { key: genuine!.key, accountId: 'local', kind: 'json', base64: Buffer.from(forged).toString('base64'), name: 'Forged', verdict: 'valid', recipient: null, addedAt: '2026-01-02T00:00:00Z' };
    const backup = JSON.stringify({ format: 'lanyard-backup', version: 1, exportedAt: '2026-01-03T00:00:00Z', badges: [entry, { ...entry, key: `${genuine!.key}` }] });
    expect(await h.app.backup.import(backup)).toEqual({ imported: 0, skipped: 2 });
    expect(await h.db.badges.all()).toEqual([genuine]);
    expect((await h.db.originals.get(genuine!.key))!.bytes).toEqual(new TextEncoder().encode(credential('urn:genuine', 'Genuine', 'Issuer')));
  });
});
