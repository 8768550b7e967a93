/**
 * Two credentials of one issuer with the same id but for different achievements (real-issuers-12):
 * MIT Learn's course, module and program certificates, as DCC's template publishes them, all carry
 * `urn:uuid:19281fe8-90d2-4eao-a9da-67b188898a6c`. The program certificate added after the course
 * one replaced it and was counted "held already": a genuine badge silently lost. An id names one
 * credential only as its issuer's claim (VC DM 2.0 §4.4), and a credential for another achievement
 * is not that credential again; each is now kept as itself. The same award re-signed is still the
 * same badge, updated in place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

const mit = (file: string) => ({ kind: 'text' as const, text: readFileSync(`test/fixtures/real/mit-learn-obv3-template/${file}`, 'utf8') });
const shown = async (h: Awaited<ReturnType<typeof harness>>) => (await h.app.library.list()).map((b) => [b.name, b.verdict]).sort();

describe('the same id for another achievement of the same issuer', () => {
  it('added after the first badge does not replace it', async () => {
    const h = await harness();
    await h.app.library.import(mit('courseCertificate.json'));
    const program = await h.app.library.import(mit('programCertificate.json'));
    expect(program.alreadyHeld).toBeUndefined();
    expect(await shown(h)).toEqual([['AI and Precision Medicine', 'valid'], ['Foundations of Universal AI', 'valid']]);
    // Each added again is held once.
    expect(await h.app.library.import(mit('courseCertificate.json'))).toMatchObject({ name: 'Foundations of Universal AI', alreadyHeld: true });
    expect(await h.app.library.import(mit('programCertificate.json'))).toMatchObject({ name: 'AI and Precision Medicine', alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(2);
  });

  it('the same achievement re-signed is the same badge, updated', async () => {
    const h = await harness();
    await h.app.library.import(mit('programCertificate.10f51e7.json'));
    const again = await h.app.library.import(mit('programCertificate.json'));
    expect(again).toMatchObject({ name: 'AI and Precision Medicine', alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(1);
  });
});
