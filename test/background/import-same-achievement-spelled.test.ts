/**
 * A stored badge whose record names its achievement in another spelling of one address (read from
 * the copy's own words, an OB 2.0 `badge` written http:// before its issuer moved to https, or a host
 * in capitals) than a new copy of the same award: compared as written, the re-signed copy was "another
 * achievement" and kept beside it, the same badge listed twice. Compared in one form (idForm), it
 * updates the stored badge in place, as the same award re-signed does (import-same-id-old-record).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

const mit = (file: string) => ({ kind: 'text' as const, text: readFileSync(`test/fixtures/real/mit-learn-obv3-template/${file}`, 'utf8') });

describe('the same achievement spelled another way', () => {
  it.each(['http://something.org/theProgram', 'https://SOMETHING.org:443/theProgram'])('a record naming %s is updated, not doubled', async (spelled) => {
    const h = await harness();
    const { key } = await h.app.library.import(mit('programCertificate.10f51e7.json'));
    const r = (await h.db.badges.get(key))!;
    expect(r.meta.achievementId).toBe('https://something.org/theProgram');
    await h.db.badges.put({ ...r, meta: { ...r.meta, achievementId: spelled } });
    expect(await h.app.library.import(mit('programCertificate.json'))).toMatchObject({ key, alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('another path is another achievement: kept beside', async () => {
    const h = await harness();
    const { key } = await h.app.library.import(mit('programCertificate.10f51e7.json'));
    const r = (await h.db.badges.get(key))!;
    await h.db.badges.put({ ...r, meta: { ...r.meta, achievementId: 'https://something.org/theCourse' } });
    const again = await h.app.library.import(mit('programCertificate.json'));
    expect(again.key).not.toBe(key);
    expect(await h.db.badges.count()).toBe(2);
  });
});
