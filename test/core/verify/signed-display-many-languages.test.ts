/**
 * A genuine credential whose achievement is named in more languages than Lanyard reads of one text
 * (share/lang-text.ts MAX_LANGUAGES, 16: the EU's 24 official languages, say). Its proof signs every
 * text; the texts past the 16th are never shown, so that they are signed and not read is no holder's
 * choice of what shows (signed-order.ts hiddenText) and the badge reads valid, as it did before hostile48.
 * A holder may not use that bound to choose the text shown: the issuer's second name written 16 times
 * before its first (one statement, so the proof holds) still gives two texts in one language.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { MAX_LANGUAGES } from '../../../src/core/share/lang-text.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const OB301 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/data-integrity/v2'];
const EU = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

type Doc = Record<string, any>;

async function named(languages: string[], name?: unknown): Promise<Doc> {
  const alice = await generateSigner();
  return signCredential(
    {
      '@context': OB301,
      id: 'urn:uuid:5b0c8f7e-2a41-4d1e-9c3b-7e6f1a2d4c58',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Course',
      issuer: { id: alice.did, type: ['Profile'], name: 'Example University' },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.com/achievements/eu',
          type: ['Achievement'],
          name: name ?? languages.map((l) => ({ '@value': `Course (${l})`, '@language': l })),
          description: languages.map((l) => ({ '@value': `Attended (${l})`, '@language': l })),
          criteria: { narrative: 'Signed in' },
        },
      },
    },
    alice,
  ) as Promise<Doc>;
}

describe('a name in more languages than Lanyard reads', () => {
  it(`${EU.length} languages (more than ${MAX_LANGUAGES}): valid, the first ${MAX_LANGUAGES} kept`, async () => {
    expect(EU.length).toBeGreaterThan(MAX_LANGUAGES);
    const r = await verify(JSON.stringify(await named(EU)), { now: NOW });
    expect(r.verdict, JSON.stringify(r.checks.find((c) => c.id === 'signature'))).toBe('valid');
    expect(r.badge?.texts?.name).toHaveLength(MAX_LANGUAGES);
  });

  it(`the issuer's second name written ${MAX_LANGUAGES} times before its first: never valid`, async () => {
    const vc = await named(['en'], ['Teamwork', 'Leadership (Distinction)']);
    const t = structuredClone(vc);
    t.credentialSubject.achievement.name = [...Array<string>(MAX_LANGUAGES).fill('Leadership (Distinction)'), 'Teamwork'];
    const r = await verify(JSON.stringify(t), { now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/two texts as its name in one language/);
  });
});
