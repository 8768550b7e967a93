/**
 * OB 3.0 / VC 2.0 text in several languages (VC Data Model 2.0 §11.1 Language and Base Direction;
 * JSON-LD 1.1 §4.2.4 String Internationalization): a language value object, or a list of them, is
 * read (its first text shown where no language is known, every language kept in `texts`), and
 * each language the popup may show must be signed as that member of that node
 * (src/core/proofs/signed-display.ts). Signed with the project's own signer (src/core/proofs/sign.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBadge } from '../../../src/core/formats/ob3-to-badge.ts';
import { langTexts } from '../../../src/core/formats/lang-text.ts';
import { chooseText, MAX_LANGUAGES } from '../../../src/core/share/lang-text.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';
import { generateEcSigner, signEcdsaJcs } from '../proofs/suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });

const NAME = [
  { '@value': 'Teamwork', '@language': 'en' },
  { '@value': 'Travail en équipe', '@language': 'fr' },
  { '@value': 'العمل الجماعي', '@language': 'ar', '@direction': 'rtl' },
];

/**
 * `@direction` is read, but JSON-LD safe mode (which RDFC signing and verification use) refuses it
 * without an `rdfDirection` option (jsonld.js: "rdfDirection not set"), so the signed credentials
 * below carry languages only.
 */
function multilingual(issuer: string, direction = true): Doc {
  const c = credential(issuer) as Doc;
  const a = c.credentialSubject.achievement;
  a.name = direction ? NAME : NAME.map(({ '@direction': _d, ...x }) => x);
  a.description = { '@value': 'Travaille en équipe', '@language': 'fr' };
  a.criteria.narrative = [{ '@value': 'Nominated by peers', '@language': 'en' }, { '@value': 'Proposé par ses pairs', '@language': 'fr' }];
  c.issuer.name = { '@value': 'Émetteur exemple', '@language': 'fr-CA' };
  c.name = [{ '@value': 'Teamwork credential', '@language': 'en' }];
  return c;
}

describe('reading language value objects (VC DM 2.0 §11.1)', () => {
  it('shows the first language of each text, not nothing, and keeps every language with its direction', () => {
    const b = toBadge(multilingual('did:example:issuer'), 'ob3.0-data-integrity');
    expect(b.name).toBe('Teamwork');
    expect(b.description).toBe('Travaille en équipe');
    expect(b.issuer.name).toBe('Émetteur exemple');
    expect(b.criteria?.narrative).toBe('Nominated by peers');
    expect(b.texts?.name).toEqual([{ value: 'Teamwork', language: 'en' }, { value: 'Travail en équipe', language: 'fr' }, { value: 'العمل الجماعي', language: 'ar', direction: 'rtl' }]);
    expect(b.texts?.issuerName).toEqual([{ value: 'Émetteur exemple', language: 'fr-CA' }]);
    expect(b.texts?.narrative?.map((x) => x.language)).toEqual(['en', 'fr']);
  });

  it('the credential\'s own name when the achievement has none, in its languages', () => {
    const c = multilingual('did:example:issuer');
    delete c.credentialSubject.achievement.name;
    const b = toBadge(c, 'ob3.0-data-integrity');
    expect(b.name).toBe('Teamwork credential');
    expect(b.texts?.name).toEqual([{ value: 'Teamwork credential', language: 'en' }]);
  });

  it('evidence, alignments and the issuer\'s description: their first language, not nothing', () => {
    const c = multilingual('did:example:issuer');
    c.evidence = [{ id: 'https://example.com/e/1', type: ['Evidence'], name: [{ '@value': 'Portfolio', '@language': 'en' }], description: { '@value': 'Dossier', '@language': 'fr' } }];
    c.credentialSubject.achievement.alignment = [{ type: ['Alignment'], targetName: { '@value': 'Collaboration', '@language': 'en' }, targetUrl: 'https://example.com/f/1' }];
    c.issuer.description = [{ '@value': 'Une école', '@language': 'fr' }];
    const b = toBadge(c, 'ob3.0-data-integrity');
    expect(b.evidence[0]).toMatchObject({ name: 'Portfolio', description: 'Dossier' });
    expect(b.alignments[0]?.targetName).toBe('Collaboration');
    expect(b.issuer.description).toBe('Une école');
  });

  it('plain strings keep no texts (the record stays as it was)', () => {
    expect(toBadge(credential('did:example:issuer'), 'ob3.0-data-integrity').texts).toBeUndefined();
  });

  it('hostile input: 10,000 languages read as the first 16; a non-string @value is no text; a malformed @language or @direction is dropped; bidi controls are kept for displayText', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ '@value': `n${i}`, '@language': 'en' }));
    expect(langTexts(many).map((x) => x.value)).toEqual(many.slice(0, MAX_LANGUAGES).map((x) => x['@value']));
    const keys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'x']));
    expect(langTexts({ ...keys, '@value': 'ok' })).toEqual([{ value: 'ok' }]);
    expect(langTexts([{ '@value': 42, '@language': 'en' }, { '@value': { x: 1 } }, { '@value': null }, 7, null])).toEqual([]);
    expect(langTexts({ '@value': 'x', '@language': 'not a tag!', '@direction': 'sideways' })).toEqual([{ value: 'x' }]);
    expect(langTexts({ '@value': 'x', '@language': 'a'.repeat(10_000) })).toEqual([{ value: 'x' }]);
    expect(langTexts({ '@value': 'abc\u202Edef', '@language': 'en' })[0]?.value).toBe('abc\u202Edef');
  });
});

describe('a language value object is shown only as signed', () => {
  it('a genuine signed credential in three languages: valid, its name read', async () => {
    const alice = await generateSigner();
    const r = await run(await signCredential(multilingual(alice.did, false), alice));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.name).toBe('Teamwork');
    expect(r.badge?.texts?.name?.[1]).toEqual({ value: 'Travail en équipe', language: 'fr' });
  });

  it("a French name changed after signing: invalid", async () => {
    const alice = await generateSigner();
    const vc = (await signCredential(multilingual(alice.did, false), alice)) as Doc;
    vc.credentialSubject.achievement.name[1]['@value'] = 'Diplôme de médecine';
    const r = await run(vc);
    expect(r.verdict).toBe('invalid');
  });

  // Under a context whose terms are not protected (JFF Plugfest 1, as in test/core/verify/signed-display.test.ts),
  // an embedded context can swap `name` and `description` and keep every statement, and so the proof.
  const PLUGFEST = ['https://www.w3.org/2018/credentials/v1', 'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json', 'https://w3id.org/security/data-integrity/v2'];
  const STRING = 'https://www.w3.org/2001/XMLSchema#string';
  const swap = { name: { '@id': 'https://schema.org/description', '@type': STRING }, description: { '@id': 'https://schema.org/name', '@type': STRING } };
  async function plugfest(): Promise<Doc> {
    const alice = await generateSigner();
    return signCredential({
      '@context': PLUGFEST,
      id: 'urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { type: 'Profile', id: alice.did, name: [{ '@value': 'Example Issuer', '@language': 'en' }, { '@value': 'Émetteur exemple', '@language': 'fr' }] },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        type: 'AchievementSubject',
        id: 'did:example:learner',
        achievement: {
          type: 'Achievement',
          name: [{ '@value': 'Teamwork', '@language': 'en' }, { '@value': 'Travail en équipe', '@language': 'fr' }],
          description: [{ '@value': 'Works in teams', '@language': 'en' }, { '@value': 'Travaille en équipe', '@language': 'fr' }],
          criteria: { type: 'Criteria', narrative: 'Nominated by peers' },
        },
      },
    }, alice) as Promise<Doc>;
  }

  it('under an unprotected context, a genuine credential in two languages: valid', async () => {
    const r = await run(await plugfest());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.texts?.name?.[1]?.value).toBe('Travail en équipe');
    expect(r.badge?.texts?.issuerName?.[1]?.value).toBe('Émetteur exemple');
  });

  it("the achievement's name and description in two languages swapped by an embedded context: the proof holds, the shown name is not signed as a name, not valid", async () => {
    const vc = await plugfest();
    const a = vc.credentialSubject.achievement;
    vc.credentialSubject.achievement = { '@context': swap, ...a, name: a.description, description: a.name };
    const r = await run(vc);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/achievement shows a name \("Works in teams"\)/);
  });
});

describe('a base direction (@direction) under a proof', () => {
  it('RDFC (eddsa-rdfc-2022): the suites do not say how a direction is signed (w3c/vc-data-integrity#366), so indeterminate, never invalid', async () => {
    const alice = await generateSigner();
    const vc = (await signCredential(multilingual(alice.did, false), alice)) as Doc;
    vc.credentialSubject.achievement.name[2]['@direction'] = 'rtl';
    const r = await run(vc);
    expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
    const sig = r.checks.find((c) => c.id === 'signature');
    expect(sig).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
    expect(sig?.message).toMatch(/base direction \(@direction/);
  });

  it('JCS (ecdsa-jcs-2019, no JSON-LD): a genuine credential with a direction is valid, its direction kept', async () => {
    const ec = await generateEcSigner('P-256');
    const r = await run(await signEcdsaJcs(multilingual(ec.did), ec));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.texts?.name?.[2]).toEqual({ value: 'العمل الجماعي', language: 'ar', direction: 'rtl' });
  });

  it('JCS: the Arabic name changed after signing: invalid', async () => {
    const ec = await generateEcSigner('P-256');
    const vc = (await signEcdsaJcs(multilingual(ec.did), ec)) as Doc;
    vc.credentialSubject.achievement.name[2]['@value'] = 'شهادة طبية';
    expect((await run(vc)).verdict).toBe('invalid');
  });
});

describe('a real multilingual credential (Blockcerts v3, VC 2.0)', () => {
  it("cert-verifier-js's name and description in English, French and Arabic: each language kept, the French one chosen for fr-CA, the Arabic right to left", async () => {
    const text = readFileSync(new URL('../../fixtures/real/blockcerts-cert-verifier-js/v3_mocknet-vc-v2-name-description-multilingual.json', import.meta.url), 'utf8');
    const r = await verify(text, { now: NOW });
    expect(r.badge?.name).toBe('Canadian Id Card');
    const names = r.badge?.texts?.name ?? [];
    expect(names.map((x) => x.language)).toEqual(['en', 'fr', 'ar']);
    expect(chooseText(names, 'fr-CA')?.value).toBe("Carte d'Identité Canadienne");
    expect(chooseText(names, 'ar')?.direction).toBe('rtl');
    expect(chooseText(r.badge?.texts?.description ?? [], 'fr')?.value).toMatch(/^Un example Blockcerts/);
  });
});
