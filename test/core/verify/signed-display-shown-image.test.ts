/**
 * The credential's own `image` is shown only when its achievement gives none (formats/ob3-to-badge.ts
 * toBadge: the achievement's image, else the credential's), so it is held to the proof only then
 * (signed-display.ts). LearnCard's Boost (test/fixtures/real/learncard/react-learn-card_BoostCredential.json,
 * provenance in test/fixtures/README.md) states its credential's `image` as
 * `https://www.example.org/boost-image` in its own inline context while its achievement's image is OB 3.0's:
 * a genuine Boost read as "the credential shows a image … that it does not sign as its image", indeterminate,
 * for a picture the badge page never shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential } from '../../../src/core/proofs/signed-reading.ts';
import { unsecured } from '../../../src/core/proofs/suites.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

type Doc = Record<string, any>;
const NOW = new Date('2026-11-26T00:00:00Z');
/** The Boost's own context, as LearnCard writes it: its credential's `image` under an IRI of its own. */
const BOOST = { type: '@type', xsd: 'https://www.w3.org/2001/XMLSchema#', BoostCredential: { '@id': 'https://www.example.org/boost-credential', '@context': { image: { '@id': 'https://www.example.org/boost-image', '@type': 'xsd:string' } } } };

function boost(issuer: string, achievementImage: boolean): Doc {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json', 'https://w3id.org/security/data-integrity/v2', BOOST],
    id: 'urn:uuid:4f1c2a7e-5b3d-4e8a-9c61-2d7f0b9e8a15', type: ['VerifiableCredential', 'OpenBadgeCredential', 'BoostCredential'], name: 'Boost',
    image: 'https://cdn.example/boost.png',
    issuer: { id: issuer, type: ['Profile'], name: 'Example Issuer' },
    issuanceDate: '2024-01-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:bob', type: ['AchievementSubject'],
      achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Boost', description: 'Given', criteria: { narrative: 'Done' }, ...(achievementImage ? { image: 'https://cdn.example/boost.png' } : {}) },
    },
  };
}

describe("the credential's image is held to the proof when it is the one shown", () => {
  it("LearnCard's real Boost reads as signed: its achievement's image is the one shown", async () => {
    const c = unsecured(JSON.parse(readFileSync('test/fixtures/real/learncard/react-learn-card_BoostCredential.json', 'utf8')));
    expect(unreadInCredential(await canonize(c), c)).toBeUndefined();
  });

  it('a Boost signed here with an achievement image is valid, showing the achievement\'s image', async () => {
    const alice = await generateSigner();
    const r = await verify(JSON.stringify(await signCredential(boost(alice.did, true), alice)), { now: NOW });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.image).toBe('https://cdn.example/boost.png');
  });

  it('without an achievement image, the credential\'s image is shown, and one not signed as an image is still not read as signed', async () => {
    const alice = await generateSigner();
    const r = await verify(JSON.stringify(await signCredential(boost(alice.did, false), alice)), { now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((x) => x.id === 'signature')?.message).toContain('shows a image ("https://cdn.example/boost.png")');
  });
});
