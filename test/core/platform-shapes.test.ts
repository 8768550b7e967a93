/**
 * OB 2.0 hosted badges shaped as real platforms document or serve them, where no real badge with its
 * documents is public: Credly's OBI v2 endpoints (api.credly.com/docs/obi_specified_endpoints: an
 * assertion with `verification.type` "hosted", an unsalted sha256 recipient, evidence with its own
 * @context and genre; the badge class under its issuer's path). The values are the documentation's,
 * the recipient's hash is made for the test's address, the dates are moved to test both sides.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../support/fake-web.ts';
import { sha256Identity } from './formats/ob2-fixtures.ts';

const CTX = 'https://w3id.org/openbadges/v2';
const ISSUER = 'https://api.credly.com/v1/obi/v2/issuers/12b808a7-249d-42fe-a63d-30ffba7bb1fb';
const CLASS = `${ISSUER}/badge_classes/670dcefd-e914-4707-9691-80496ee60360`;
const ASSERTION = 'https://api.credly.com/v1/obi/v2/badge_assertions/54a07c5c-89f9-4c33-9731-e1b0d34f88b9';
const NOW = new Date('2026-12-01T00:00:00Z');

async function credly(expires: string) {
  const evidence = { '@context': CTX, description: 'Description in URL evidence is optional', id: 'http://credly.com', name: 'Acclaim', genre: 'UrlEvidence', type: 'Evidence' };
  const a = {
    '@context': CTX, badge: CLASS, expires, evidence: [evidence, evidence], id: ASSERTION, issuedOn: '2014-04-01T14:41:00.000Z',
    recipient: { type: 'email', identity: await sha256Identity('ada@example.org', ''), hashed: true }, type: 'Assertion', verification: { type: 'hosted' },
  };
  const web = new FakeWeb()
    .json(ASSERTION, a)
    .json(CLASS, {
      '@context': CTX, criteria: { '@context': CTX, id: 'https://www.credly.com/org/organization-232/badge/badge-template-113', narrative: 'Schedule / Registration: Kickboxing Activity' },
      description: 'Dynamically deliver go forward e-tailers', id: CLASS, image: 'https://images.credly.com/images/example/image.png', issuer: ISSUER, name: 'Kickboxing', type: 'BadgeClass',
    })
    .json(ISSUER, { '@context': CTX, id: ISSUER, name: 'Organization 232', type: 'Issuer', url: 'https://www.credly.com/org/organization-232', email: 'badges@example.org' });
  return { a, web };
}

describe('Credly OBI v2 hosted assertions, as Credly documents them', () => {
  it('is valid for its earner: "hosted" (the 1.x word) in a 2.0 assertion, an unsalted hash, evidence with its own @context', async () => {
    const { a, web } = await credly('2030-04-01T14:41:00.000Z');
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: ['Ada@Example.org'] });
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(r.format).toBe('ob2.0-hosted');
    expect(Object.fromEntries(r.checks.map((c) => [c.id, c.outcome]))).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient: 'pass' });
    expect(r.badge?.name).toBe('Kickboxing');
  });

  it('is expired after the date the issuer\'s copy gives (the documentation\'s own 2016-04-01)', async () => {
    const { a, web } = await credly('2016-04-01T14:41:00.000Z');
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome).toBe('pass');
  });

  it('is indeterminate while api.credly.com cannot be reached, whatever the copy in hand says', async () => {
    const { a } = await credly('2030-04-01T14:41:00.000Z');
    const r = await verify(JSON.stringify(a), { fetch: new FakeWeb().fetch, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'hosted')?.outcome).toBe('indeterminate');
  });
});
