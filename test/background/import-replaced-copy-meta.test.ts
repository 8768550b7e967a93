/**
 * A genuine copy that replaces a forged one under the same id shows nothing of the forged copy's
 * reading (review35). The record's meta was the next reading's fallback (library.ts), so what the
 * genuine copy does not say (OB 3.0 §Profile `url`, §Achievement `image`, a credential `id` that is no
 * link) stayed as the forger wrote it: an issuer's link to mallory.example, a picture and a "view"
 * link under the genuine copy's `valid` verdict.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';
import { credential, makeKey, sign } from '../core/keys/jwt-fixtures.ts';

const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('a forged copy replaced by the genuine one', () => {
  it("leaves none of its issuer link, picture or description on the genuine copy's record", async () => {
    const h = await harness();
    const k = await makeKey('EdDSA');
    const genuine = credential({ id: k.did, type: ['Profile'], name: 'Real University' });
    const subject = genuine.credentialSubject as { achievement: Record<string, unknown> };
    delete subject.achievement.description;
    const forgedVc = structuredClone(genuine);
    (forgedVc.issuer as Record<string, unknown>).url = 'https://mallory.example/';
    Object.assign((forgedVc.credentialSubject as { achievement: Record<string, unknown> }).achievement, {
      description: 'Doctor of Medicine, with honours.',
      image: { id: 'https://mallory.example/seal.png', type: 'Image' },
    });
    const header = { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' };
    // The genuine signature over the genuine payload, carried by the forged payload: invalid.
    const [h64, , s64] = (await sign(genuine, k, header)).split('.');
    const payload = (await sign(forgedVc, k, header)).split('.')[1];
    const forged = await h.app.library.import(text(`${h64}.${payload}.${s64}`));
    expect(forged.verdict).toBe('invalid');
    const stored = (await h.db.badges.byAccount("local"))[0]!;
    expect([stored.meta.issuerUrl, stored.meta.description]).toEqual(['https://mallory.example/', 'Doctor of Medicine, with honours.']);

    const real = await h.app.library.import(text(await sign(genuine, k, header)));
    expect(real.verdict).toBe('valid');
    const records = await h.db.badges.byAccount("local");
    expect(records).toHaveLength(1);
    const meta = records[0]!.meta;
    expect(meta.issuerName).toBe('Real University');
    expect([meta.issuerUrl, meta.description, meta.image]).toEqual([undefined, undefined, undefined]);
    expect(JSON.stringify(meta)).not.toContain('mallory');
  });
});
