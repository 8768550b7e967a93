/**
 * What the badge page shows besides texts must be signed as shown too (signed-display.ts): the
 * achievement's tags (OB 3.0 §Achievement `tag`, schema:keywords in the context), the images of the
 * credential, achievement and issuer (`image`: the picture shown as the badge), the criteria's URL and
 * each evidence item's URL (links). OB 3.0.1's context does not protect its terms: a same-IRI type
 * alias of the achievement made `tag` an alias of `@index` (JSON-LD 1.1 §4.6.1: no statement) and
 * moved the signed tags under their full IRI, and the badge showed the holder's tag, valid.
 */
import { describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential } from '../../../src/core/proofs/signed-reading.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

type Doc = Record<string, any>;
const NOW = new Date('2026-11-26T00:00:00Z');
const OB301 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/data-integrity/v2'];
const VOCAB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';

function badge(issuer: string): Doc {
  return {
    '@context': OB301, id: 'urn:uuid:0d7e4c1a-9b0e-4f43-8a4e-61f3a2b0c9d3', type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Badge',
    image: { id: 'https://good.example/c.png', type: 'Image' },
    issuer: { id: issuer, type: ['Profile'], name: 'Example University', image: 'https://good.example/i.png' },
    issuanceDate: '2024-01-01T00:00:00Z',
    evidence: ['https://good.example/e1', { id: 'https://good.example/e2' }],
    credentialSubject: {
      id: 'did:example:bob', type: ['AchievementSubject'],
      achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Badge', description: 'Given', criteria: { id: 'https://good.example/crit', narrative: 'Done' }, image: { id: 'https://good.example/a.png', type: 'Image' }, tag: ['Genuine'] },
    },
  };
}

describe("tags, images and links are shown only as signed", () => {
  it('as signed: valid, showing its tags and image', async () => {
    const alice = await generateSigner();
    const r = await verify(JSON.stringify(await signCredential(badge(alice.did), alice)), { now: NOW });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.tags).toEqual(['Genuine']);
    expect(r.badge?.image).toBe('https://good.example/a.png');
  });

  it("OB 3.0.1: a holder's tag through an @index alias, the signed one under its full IRI: not valid", async () => {
    const alice = await generateSigner();
    const t: Doc = structuredClone(await signCredential(badge(alice.did), alice));
    t['@context'] = [...OB301, { SameAch: { '@id': `${VOCAB}Achievement`, '@context': { tag: '@index' } } }];
    const a = t.credentialSubject.achievement;
    a.type = ['Achievement', 'SameAch'];
    a['https://schema.org/keywords'] = [{ '@value': 'Genuine', '@type': 'https://www.w3.org/2001/XMLSchema#string' }];
    a.tag = 'Verified by Harvard';
    const r = await verify(JSON.stringify(t), { now: NOW });
    expect(r.verdict).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/shows a tag \("Verified by Harvard"\)/);
  });

  it.each([
    ["the achievement's image", (c: Doc) => { c.credentialSubject.achievement.image = 'https://evil.example/a.png'; }, /its achievement shows a image/],
    // Shown when its achievement gives none (ob3-to-badge.ts); beside the achievement's it is not shown (signed-display-shown-image.test.ts).
    ["the credential's image", (c: Doc) => { delete c.credentialSubject.achievement.image; c.image = { id: 'https://evil.example/c.png', type: 'Image' }; }, /the credential shows a image/],
    ["the issuer's image", (c: Doc) => { c.issuer.image = 'https://evil.example/i.png'; }, /its issuer shows a image/],
    ["the criteria's URL", (c: Doc) => { c.credentialSubject.achievement.criteria.id = 'https://evil.example/crit'; }, /criteria/],
    ['an evidence URL written as a string', (c: Doc) => { c.evidence[0] = 'https://evil.example/e1'; }, /its evidence/],
    ['an evidence URL as an object with only its id', (c: Doc) => { c.evidence[1] = { id: 'https://evil.example/e2' }; }, /its evidence/],
    ['a tag', (c: Doc) => { c.credentialSubject.achievement.tag = ['Genuine', 'Forged']; }, /its achievement shows a tag \("Forged"\)/],
  ])('%s shown but not signed so: said', async (_, change, said) => {
    const signed = badge('did:example:issuer');
    const canon = await canonize(signed);
    const shown = structuredClone(signed);
    change(shown);
    expect(unreadInCredential(canon, shown)).toMatch(said);
  });
});
