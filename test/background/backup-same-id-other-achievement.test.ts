/**
 * A backup keeps two awards of one issuer under one credential id (MIT Learn's course and program
 * certificates share one urn:uuid id: real-issuers-12) as two badges: both restored, each verified
 * again (which reads its achievement again, BadgeMeta.achievementId), neither written over the
 * other; and after the restore, another award added under that id is still kept beside them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.ts';

const mit = (file: string) => ({ kind: 'text' as const, text: readFileSync(`test/fixtures/real/mit-learn-obv3-template/${file}`, 'utf8') });
const held = async (h: Harness) => (await h.db.badges.all()).map((r) => [r.meta.name, r.verdict, r.meta.achievementId]).sort();

describe('a backup of two awards under one id', () => {
  it('restores both, each with its achievement', async () => {
    const h = await harness();
    await h.app.library.import(mit('courseCertificate.json'));
    await h.app.library.import(mit('programCertificate.json'));
    const before = await held(h);
    expect(before).toHaveLength(2);
    expect(new Set(before.map((b) => b[2])).size).toBe(2);
    const { json } = await h.app.backup.export();
    const there = await harness();
    expect(await there.app.backup.import(json)).toEqual({ imported: 2, skipped: 0 });
    expect(await held(there)).toEqual(before);
    // Restored again: both held already, nothing written over.
    expect(await there.app.backup.import(json)).toEqual({ imported: 0, skipped: 2 });
    expect(await held(there)).toEqual(before);
    // The module certificate, a third award under the same id, is kept beside them.
    await there.app.library.import(mit('moduleCertificate.json'));
    expect(await there.db.badges.count()).toBe(3);
  });
});
