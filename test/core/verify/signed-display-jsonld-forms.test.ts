/**
 * Hostile48: JSON-LD forms that might show one thing while the proof signs another
 * (src/core/proofs/signed-display.ts, signed-tree.ts, signed-reading.ts). Each credential here is
 * genuinely signed (src/core/proofs/sign.ts), then rewritten by a holder; none may read `valid`
 * showing what was not signed. Each was already refused when this round looked: these pin it.
 * The genuine credentials, and a real issuer's (1EdTech's validator sample), still read valid.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { bytes, offlineFetch, REAL } from '../../support/real-fixtures.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const run = (vc: unknown) => verify(typeof vc === 'string' ? vc : JSON.stringify(vc), { now: NOW });
const signature = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
/** OB 3.0.1's context, whose terms are not protected: a holder's context may redefine `name`. */
const OB301 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/data-integrity/v2'];
const VOCAB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const EN = 'Attended one session';
const FR = 'Diplôme de master';

/** An OB 3.0.1 credential whose achievement is named in English and in French. */
async function twoLanguages(): Promise<Doc> {
  const alice = await generateSigner();
  return signCredential(
    {
      '@context': OB301,
      id: 'urn:uuid:0d7e4c1a-9b0e-4f43-8a4e-61f3a2b0c9d2',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Course',
      issuer: { id: alice.did, type: ['Profile'], name: 'Example University' },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.com/achievements/1',
          type: ['Achievement'],
          name: [{ '@value': EN, '@language': 'en' }, { '@value': FR, '@language': 'fr' }],
          description: 'Was there',
          criteria: { narrative: 'Signed in' },
        },
      },
    },
    alice,
  ) as Promise<Doc>;
}

/**
 * The signed names moved under an alias (a second type naming the same IRI carries a type-scoped
 * context, so no statement is added), and `name`, made `keyword`, shows the two texts with their
 * languages swapped: an English reader would see the French text.
 */
function languagesSwapped(vc: Doc, keyword: string | null): Doc {
  const t = structuredClone(vc);
  t['@context'] = [...OB301, { LangSwap: { '@id': `${VOCAB}Achievement`, '@context': { name: keyword, signedName: 'https://schema.org/name' } } }];
  const a = t.credentialSubject.achievement;
  a.type = ['Achievement', 'LangSwap'];
  a.signedName = a.name;
  a.name = [{ '@value': FR, '@language': 'en' }, { '@value': EN, '@language': 'fr' }];
  return t;
}

describe('language-tagged names', () => {
  it('the genuine credential: valid, each text under its language', async () => {
    const r = await run(await twoLanguages());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.texts?.name).toEqual([{ value: EN, language: 'en' }, { value: FR, language: 'fr' }]);
  });

  it.each([null, '@graph', '@included', '@nest', '@set', '@list', '@index', '@language'])(
    'languages swapped, the signed texts under an alias and `name` made %s: never valid',
    async (keyword) => {
      const r = await run(languagesSwapped(await twoLanguages(), keyword));
      expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
      expect(signature(r)?.outcome).not.toBe('pass');
    },
  );

  it('a base direction added to a signed text (not signed under RDFC): indeterminate', async () => {
    const t = structuredClone(await twoLanguages());
    t.credentialSubject.achievement.description = { '@value': 'Was there', '@direction': 'rtl' };
    const r = await run(t);
    expect(r.verdict).not.toBe('valid');
    expect(signature(r)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });
});

/**
 * A list signs a set (RDF has no order but `@list`): of two names in one language, which Lanyard shows
 * (the first) was the holder's choice. Not confirmed, so the signature is indeterminate; texts in
 * different languages, told apart by the reader's language, and a genuine single name stay valid.
 */
describe('which of two signed texts in one language is shown', () => {
  async function twoNames(name: unknown): Promise<Doc> {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject.achievement.name = name;
    return (await signCredential(c, alice)) as Doc;
  }

  it('two plain names, reordered by a holder: the one shown is not confirmed (was valid, showing the second)', async () => {
    const signed = await twoNames(['Teamwork', 'Leadership (Distinction)']);
    const t = structuredClone(signed);
    t.credentialSubject.achievement.name.reverse();
    for (const vc of [signed, t]) {
      const r = await run(vc);
      expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
      expect(signature(r)?.message).toMatch(/its achievement gives two texts as its name in one language/);
    }
    expect((await run(t)).badge?.name).toBe('Leadership (Distinction)');
  });

  it('one of two names moved under an alias of its own, the other shown alone: not confirmed (was valid)', async () => {
    const signed = await twoNames(['Teamwork', 'Leadership (Distinction)']);
    const t = structuredClone(signed);
    const a = t.credentialSubject.achievement;
    t.credentialSubject.achievement = { '@context': { n2: 'https://schema.org/name' }, ...a, name: 'Leadership (Distinction)', n2: 'Teamwork' };
    const r = await run(t);
    expect(r.badge?.name).toBe('Leadership (Distinction)');
    expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(signature(r)?.message).toMatch(/its achievement signs a name \("Teamwork"\) that its JSON does not give/);
  });

  it('two names in English, and an evidence item with two descriptions: indeterminate', async () => {
    const r = await run(await twoNames([{ '@value': 'Teamwork', '@language': 'en' }, { '@value': 'Leadership', '@language': 'EN' }]));
    expect(signature(r)?.outcome).toBe('indeterminate');
    const alice = await generateSigner();
    const c = credential(alice.did, { evidence: [{ type: ['Evidence'], name: 'Report', description: ['Passed', 'Failed'] }] }) as Doc;
    const e = await run(await signCredential(c, alice));
    expect(signature(e)?.message).toMatch(/its evidence gives two texts as its description in one language/);
    const bob = await generateSigner();
    const town = credential(bob.did) as Doc;
    town.issuer.address = { type: ['Address'], addressLocality: ['Cambridge', 'Oxford'], addressCountry: 'GB' };
    const t = await run(await signCredential(town, bob));
    expect(signature(t)?.message).toMatch(/its issuer's address gives two texts as its addressLocality in one language/);
  });

  it('one name written twice, names in two languages, and two credential names not shown: valid', async () => {
    expect((await run(await twoNames(['Teamwork', 'Teamwork']))).verdict).toBe('valid');
    const carol = await generateSigner();
    // The credential's own name shows only where its achievement gives none (ob3-to-badge.ts).
    const r2 = await run(await signCredential(credential(carol.did, { name: ['Teamwork 2024', 'Cohort B'] }), carol));
    expect(r2.verdict, JSON.stringify(r2.checks)).toBe('valid');
    expect(r2.badge?.name).toBe('Teamwork');
    const r = await run(await twoNames([{ '@value': 'Teamwork', '@language': 'en' }, { '@value': "Travail d'équipe", '@language': 'fr' }]));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });
});

describe('other forms of the same JSON', () => {
  it('a duplicate key in the raw text: the value read (JSON.parse keeps the last) is the one checked', async () => {
    const alice = await generateSigner();
    const signed = (await signCredential(credential(alice.did), alice)) as Doc;
    const text = JSON.stringify(signed);
    // The achievement's name written twice: first a forged one, then the signed one.
    const forgedFirst = text.replace('"name":"Teamwork","description"', '"name":"Doctor of Medicine","name":"Teamwork","description"');
    expect(forgedFirst).not.toBe(text);
    const r = await run(forgedFirst);
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.name).toBe('Teamwork');
    // The other way round, the forged name is the one read, and it was not signed.
    const forgedLast = text.replace('"name":"Teamwork","description"', '"name":"Teamwork","name":"Doctor of Medicine","description"');
    const forged = await run(forgedLast);
    expect(forged.badge?.name).toBe('Doctor of Medicine');
    expect(forged.verdict).not.toBe('valid');
  });

  it('a name in another Unicode normalization (NFD for NFC): never valid', async () => {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject.achievement.name = 'Diplôme';
    const signed = (await signCredential(c, alice)) as Doc;
    expect((await run(signed)).verdict).toBe('valid');
    const t = structuredClone(signed);
    t.credentialSubject.achievement.name = 'Diplôme'.normalize('NFD');
    expect((await run(t)).verdict).not.toBe('valid');
  });

  it('two subjects, both signed: never valid (whose award it is cannot be shown)', async () => {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject = [c.credentialSubject, { ...structuredClone(c.credentialSubject), id: 'did:example:other' }];
    const r = await run(await signCredential(c, alice));
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
  });

  it.each([
    ['a one-item list', (t: Doc) => void (t.validUntil = ['2025-01-01T00:00:00Z'])],
    ['a typed value object', (t: Doc) => void (t.validUntil = { '@value': '2025-01-01T00:00:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' })],
    ['a @set (type-scoped terms revert inside it)', (t: Doc) => void (t.validUntil = { '@set': ['2025-01-01T00:00:00Z'] })],
  ])('a past expiry written as %s: never valid', async (_, rewrite) => {
    const alice = await generateSigner();
    const signed = (await signCredential(credential(alice.did, { validUntil: '2025-01-01T00:00:00Z' }), alice)) as Doc;
    const t = structuredClone(signed);
    rewrite(t);
    expect((await run(t)).verdict).not.toBe('valid');
  });
});

describe('a real issuer still reads valid', () => {
  it("1EdTech's validator sample (ob30_simple.1ob)", async () => {
    const hosts = ['example.com', 'example.edu', '1edtech.edu'].map((h) => ({ prefix: `https://${h}/`, dir: `${REAL}/../conformance/hosts/${h}` }));
    const r = await verify(bytes('1edtech-dcpv/ob30_simple.1ob'), { fetch: offlineFetch(hosts), now: new Date('2026-12-07T00:00:00Z'), identities: [] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Teamwork', issuer: { name: 'Example Corp' } });
  });
});
