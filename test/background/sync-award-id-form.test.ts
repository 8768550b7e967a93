/**
 * One award whose achievement id the backpack's copy spells another way after an update (OB 3.0
 * §B.1.1 `achievement.id`: here the issuer's http address given in its https form, and a UUID URN's
 * hex digits in upper case, which RFC 9562 §4 reads alike). A sync keys a second award under one
 * credential id by its achievement (sync-award-key.ts), and took the two spellings for two awards:
 * the updated copy was added beside, the one stored kept and marked no longer listed, one badge twice
 * (and both kept at a sign-out). The award's mark is now read in the id's normal form
 * (core/formats/id-form.ts, as revocation lists compare ids): the copy is updated in place.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keyRing } from '../backpack/crypto/keys.ts';
import { ob3Credential, ob3Record, signOb3Jwt, type CredentialSpec } from '../backpack/issuance/ob3.ts';
import type { Backpack } from '../backpack/server.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:7a0c8f2e-3b1a-4c7d-9e2f-6a1b2c3d4e60';

/** The award under ID in Ada's backpack, its achievement id spelled `achievement`. */
function award(bp: Backpack, achievement: string, name: string, updatedAt: string): void {
  const { urls } = bp.control.stateForTests;
  const spec: CredentialSpec = { entityId: 'ob3-spelled', achievementId: 'ach-spelled', name, description: `The ${name} certificate.`, criteria: `Complete "${name}".`, email: 'ada@example.org', salt: 'salt-spelled', validFrom: '2026-03-01T10:00:00Z', issuer: 1 };
  const base = ob3Credential(urls, spec) as unknown as { credentialSubject: { achievement: object } };
  const json = { ...base, id: ID, credentialSubject: { ...base.credentialSubject, achievement: { ...base.credentialSubject.achievement, id: achievement } } };
  bp.control.stateForTests.badges.set('ob3-spelled', ob3Record(spec, json, 'ob3-jwt', updatedAt, signOb3Jwt(json, keyRing().jwtEd, urls.ob3JwtKey(1, 'eddsa'))));
}

beforeEach(() => void ctx.bp.control.stateForTests.badges.delete('ob3-spelled'));

describe('one award, its achievement id spelled two ways', () => {
  for (const [was, now] of [
    ['http://issuer.example/achievements/course', 'https://issuer.example/achievements/course'],
    ['urn:uuid:0d6c1c7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f', 'urn:uuid:0D6C1C7E-1B2A-4C3D-8E4F-5A6B7C8D9E0F'],
  ] as const) {
    it(`${was} then ${now}: updated in place, one badge, not marked`, async () => {
      const h = await harness();
      award(ctx.bp, was, 'Course', '2026-03-02T10:00:00Z');
      const account = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
      await h.app.sync.run(account);
      expect((await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID).map((r) => r.key)).toEqual([`${account}|${ID}`]);
      award(ctx.bp, now, 'Course (2026)', '2026-03-04T10:00:00Z');
      await h.app.sync.run(account);
      const under = (await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID);
      expect(under.map((r) => [r.key, r.meta.name, r.unlisted])).toEqual([[`${account}|${ID}`, 'Course (2026)', undefined]]);
    });
  }
});
