/**
 * Records stored before Lanyard kept the achievement id (BadgeMeta.achievementId) have none. A
 * credential of the same issuer and id for another achievement (MIT Learn's course and program
 * certificates share one urn:uuid id: real-issuers-12) added over such a record replaced it, as
 * before the achievement was kept: a genuine badge lost. The stored badge is now checked again
 * first (its own original, as Check again does), which tells its achievement; the same award
 * re-signed is still the same badge, updated in place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.ts';

const mit = (file: string) => ({ kind: 'text' as const, text: readFileSync(`test/fixtures/real/mit-learn-obv3-template/${file}`, 'utf8') });
const shown = async (h: Harness) => (await h.app.library.list()).map((b) => [b.name, b.verdict]).sort();

/** Adds the file and makes its record one stored before achievementId existed. */
async function storedBefore(h: Harness, file: string): Promise<string> {
  const { key } = await h.app.library.import(mit(file));
  const r = (await h.db.badges.get(key))!;
  const { achievementId, ...meta } = r.meta;
  expect(achievementId).toEqual(expect.any(String));
  await h.db.badges.put({ ...r, meta });
  return key;
}

describe('the same id for another achievement, added over a record stored without its achievement', () => {
  it('does not replace it: both are kept, and the old record learns its achievement', async () => {
    const h = await harness();
    const key = await storedBefore(h, 'courseCertificate.json');
    const program = await h.app.library.import(mit('programCertificate.json'));
    expect(program.alreadyHeld).toBeUndefined();
    expect(program.key).not.toBe(key);
    expect(await shown(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    expect((await h.db.badges.get(key))!.meta.achievementId).toEqual(expect.any(String));
  });

  it('the same achievement re-signed is the same badge, updated', async () => {
    const h = await harness();
    await storedBefore(h, 'programCertificate.10f51e7.json');
    expect(await h.app.library.import(mit('programCertificate.json'))).toMatchObject({ name: 'AI and Precision Medicine', alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(1);
  });
});
