/**
 * A twentieth round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): the Oregon Badge Alliance's OB 1.0 badge (baked in 2014, real-issuers-2
 * leaves it indeterminate) now with the three documents its platform served, as Concentric Sky's
 * badgr-server kept them for its tests; and Code School's OB 0.5 assertion as 1EdTech's validator
 * keeps it (its embedded issuer's `org` and `contact` are null). Nothing is fetched: only the
 * documents a test maps answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../support/fake-web.ts';

const NOW = new Date('2026-12-07T00:00:00Z');

/**
 * openbadges.oregonbadgealliance.org (2014, long gone): the baked PNG's assertion (with the platform's
 * MongoDB `_id`, `issuedOn` in Unix seconds, verify.url on plain http), and what that URL, its badge
 * class and its issuer answered (badge class and issuer with their `_id` as MongoDB extended JSON,
 * the issuer with the platform's `fullyQualifiedUrl`).
 */
describe('Oregon Badge Alliance: the OB 1.0 baked PNG with its platform\'s documents', () => {
  const PNG = 'badgr-server-2014/oregon-badge-alliance_1.png';
  const SITE = 'http://openbadges.oregonbadgealliance.org/';
  const HOST = { prefix: SITE, dir: path.join(REAL, 'hosts/openbadges.oregonbadgealliance.org') };
  const ASSERTION = `${SITE}api/assertions/53d944bf1400005600451205`;
  const doc = (p: string) => JSON.parse(readFileSync(path.join(HOST.dir, `${p}.json`), 'utf8')) as Record<string, any>;

  it('is valid: the issuer\'s copy confirms the baked one (the baked copy\'s extra `_id` aside), and shows what the platform said', async () => {
    const r = await verify(bytes(PNG), { fetch: offlineFetch([HOST]), now: NOW, identities: [] });
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(r.format).toBe('ob1.0-hosted');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient: 'skipped' });
    expect(r.badge).toMatchObject({
      id: ASSERTION,
      name: 'Oregon Open Badges Working Group Initial Meeting',
      description: "Invited participant to the first meeting of Oregon's Open Badges Working Group in July 2014.",
      image: `${ASSERTION}/image`,
      criteria: { url: `${SITE}assets/criteria/obwg-initial-meeting.html` },
      issuedOn: '2014-07-30T19:17:19.000Z',
      tags: ['participation'],
      issuer: { name: 'Oregon Badge Alliance', url: 'http://oregonbadgealliance.org', email: 'oregonbadgealliance@gmail.com' },
      recipients: [{ type: 'email', hashed: true, salt: 'UYMA1ybJ4UfqHJO4r3x7LjpGE0LEog', identity: 'sha256$1665bc8985e802067453647c1676b07a1834c327bfea24c67f3dbb721eb84d22' }],
    });
  });

  // OB 2.0 §Hosted verification (and OB 1.0 before it): the baked copy only says where the issuer's copy is;
  // once that copy is read, it is the badge, and the baked data is discarded.
  it("shows the issuer's copy, not the baked one, when they differ: its recipient is the one shown", async () => {
    const web = new FakeWeb()
      .json(ASSERTION, { ...doc('api/assertions/53d944bf1400005600451205'), recipient: { identity: 'mallory@example.org', type: 'email', hashed: false } })
      .json(`${SITE}api/badges/53d727a11f04f3a84a99b002`, doc('api/badges/53d727a11f04f3a84a99b002'))
      .json(`${SITE}api/issuers/53d41603f93ae94a733ae554`, doc('api/issuers/53d41603f93ae94a733ae554'));
    const r = await verify(bytes(PNG), { fetch: web.fetch, now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    expect(r.badge?.recipients).toEqual([{ type: 'email', identity: 'mallory@example.org', hashed: false }]);
  });
});

/**
 * Code School (codeschool.com, 2012): an OB 0.5 assertion as 1EdTech's validator keeps it, with
 * no verify and no URL of its own, its embedded issuer's `org` and `contact` null.
 */
describe("Code School: an OB 0.5 assertion with a null org and contact", () => {
  it('is indeterminate, saying it names no address where the issuer\'s copy can be checked, and shows its names', async () => {
    const r = await verify(bytes('ob-validator-core/test-input_codeschool-0.5.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.format).toBe('ob0.5-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'hosted')?.message).toMatch(/names no web address/);
    expect(r.badge?.name).toBe('Completed Rails for Zombies Redux');
    expect(r.badge?.issuer.name).toBe('Code School');
    expect(r.badge?.recipients).toEqual([expect.objectContaining({ type: 'email', hashed: true, salt: '6abf7e9504d73363bdcf9336056f5235' })]);
  });
});
