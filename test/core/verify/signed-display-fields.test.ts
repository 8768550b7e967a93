/**
 * The award's credits, status and rubric level, and the achievement's field of study, specialization
 * and credits (OB 3.0 §AchievementSubject `creditsEarned`, §Result `status` and `achievedLevel`,
 * §RubricCriterionLevel `name`, §Achievement `fieldOfStudy`, `specialization`, `creditsAvailable`) are
 * shown (core/formats/ob3-to-badge.ts), each only as what was signed as it (src/core/proofs/signed-display.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const published = (): Doc => JSON.parse(readFileSync(new URL('../../fixtures/suites/vc-ed_plugfest-1-2022_plugfest-1-ex-2.json', import.meta.url), 'utf8')) as Doc;
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
const signature = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
const LEVELS = [{ id: 'urn:uuid:1b0e1e0a-0c55-4f43-9a53-6a4d8b0c0001', type: ['RubricCriterionLevel'], name: 'Mastery', level: 'Mastered' }, { id: 'urn:uuid:1b0e1e0a-0c55-4f43-9a53-6a4d8b0c0002', type: ['RubricCriterionLevel'], name: 'Basic' }];
const RUBRIC = 'urn:uuid:1b0e1e0a-0c55-4f43-9a53-6a4d8b0c00aa';

function withEverything(c: Doc): Doc {
  const a = c.credentialSubject.achievement;
  Object.assign(a, { fieldOfStudy: 'Marine biology', specialization: 'Coral reefs', creditsAvailable: 36 });
  a.resultDescription = [{ id: RUBRIC, type: ['ResultDescription'], name: 'Field report', resultType: 'RubricCriterionLevel', rubricCriterionLevel: structuredClone(LEVELS) }];
  c.credentialSubject.creditsEarned = 4.5;
  c.credentialSubject.result = [{ type: ['Result'], resultDescription: RUBRIC, achievedLevel: LEVELS[0]!.id }, { type: ['Result'], status: 'Completed' }];
  c.evidence = [{ id: 'https://example.org/reef-report', type: ['Evidence'], name: 'Reef report', audience: 'Employers' }];
  return c;
}

describe('credits, levels, status, field of study and specialization, as signed', () => {
  it('signed as such: valid, and each shown', async () => {
    const alice = await generateSigner();
    const r = await run(await signCredential(withEverything(credential(alice.did) as Doc), alice));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge).toMatchObject({ fieldOfStudy: 'Marine biology', specialization: 'Coral reefs', creditsAvailable: 36, creditsEarned: 4.5, results: [{ name: 'Field report', level: 'Mastery' }, { status: 'Completed' }] });
    expect(r.badge?.evidence[0]?.audience).toBe('Employers');
  });

  it.each([
    ['the field of study', (c: Doc) => { c.credentialSubject.achievement.fieldOfStudy = 'Medicine'; }],
    ['the specialization', (c: Doc) => { c.credentialSubject.achievement.specialization = 'Surgery'; }],
    ['the credits earned', (c: Doc) => { c.credentialSubject.creditsEarned = 45; }],
    ['the credits available', (c: Doc) => { c.credentialSubject.achievement.creditsAvailable = 360; }],
    ['the level achieved', (c: Doc) => { c.credentialSubject.result[0].achievedLevel = LEVELS[1]!.id; }],
    ['the status', (c: Doc) => { c.credentialSubject.result[1].status = 'Provisional'; }],
    ["the evidence's audience", (c: Doc) => { c.evidence[0].audience = 'Admissions'; }],
    ["a level's name", (c: Doc) => { c.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].name = 'Distinction'; }],
  ])('%s changed after signing: refused', async (_, change) => {
    const alice = await generateSigner();
    const signed = (await signCredential(withEverything(credential(alice.did) as Doc), alice)) as Doc;
    change(signed);
    const r = await run(signed);
    expect(r.verdict).toBe('invalid');
    expect(signature(r)?.outcome).toBe('fail');
  });

  /**
   * A credential signed under a context that does not protect its terms (JFF Plugfest 1): an embedded
   * context aliases a member to `@index`, which makes no statement. The statements (and the proof) stay
   * the published ones, while the badge would show what nobody signed as that member. (On the
   * achievement the context's type-scoped context for `Achievement` defines fieldOfStudy, specialization
   * and creditsAvailable after any embedded one, so there they are always signed as themselves.)
   */
  it.each([
    ['creditsEarned', (vc: Doc) => { vc.credentialSubject = { '@context': { '@propagate': false, creditsEarned: '@index' }, ...vc.credentialSubject, creditsEarned: '120' }; }],
  ])('%s shown but signed as nothing: not valid', async (member, change) => {
    const vc = published();
    change(vc);
    const r = await run(vc);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(signature(r)?.message).toMatch(new RegExp(`shows a ${member} .* that it does not sign as its ${member}`));
  });
});

/**
 * The issuer's address and identifiers (OB 3.0 §Profile `address`, `otherIdentifier`), a value's bounds
 * and a level's points (§ResultDescription `valueMin`/`valueMax`, §RubricCriterionLevel `points`) are
 * shown too (formats/ob3-profile.ts, ob3-to-badge.ts), each only as signed (signed-display.ts).
 */
describe("the issuer's address and identifiers, a value's bounds and a level's points, as signed", () => {
  const signedWithProfile = async () => {
    const alice = await generateSigner();
    const c = structuredClone(withEverything(credential(alice.did) as Doc));
    c.issuer = { ...(typeof c.issuer === 'object' ? c.issuer : { id: c.issuer }), address: { type: ['Address'], streetAddress: '1 Reef Way', addressLocality: 'Cairns' }, otherIdentifier: [{ type: 'IdentifierEntry', identifierType: 'sourcedId', identifier: 'R-1' }] };
    c.credentialSubject.achievement.resultDescription.push({ id: 'urn:uuid:1b0e1e0a-0c55-4f43-9a53-6a4d8b0c00bb', type: ['ResultDescription'], name: 'Score', resultType: 'ScaledScore', valueMin: '0', valueMax: '100' });
    c.credentialSubject.result.push({ type: ['Result'], resultDescription: 'urn:uuid:1b0e1e0a-0c55-4f43-9a53-6a4d8b0c00bb', value: '87' });
    c.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].points = '4';
    return (await signCredential(c, alice)) as Doc;
  };

  it('signed as such (OB 3.0.3 context): valid, and each shown', async () => {
    const r = await run(await signedWithProfile());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.issuer).toMatchObject({ address: { streetAddress: '1 Reef Way', addressLocality: 'Cairns' }, otherIdentifier: [{ identifierType: 'sourcedId', identifier: 'R-1' }] });
    expect(r.badge?.results).toContainEqual({ name: 'Field report', level: 'Mastery', points: '4' });
    expect(r.badge?.results).toContainEqual({ name: 'Score', value: '87', valueMin: '0', valueMax: '100' });
  });

  it.each([
    ['the street', (c: Doc) => { c.issuer.address.streetAddress = '1 Forged Rd'; }],
    ['an identifier', (c: Doc) => { c.issuer.otherIdentifier[0].identifier = 'R-2'; }],
    ['an identifier\'s type', (c: Doc) => { c.issuer.otherIdentifier[0].identifierType = 'nationalIdentityNumber'; }],
    ['the maximum', (c: Doc) => { c.credentialSubject.achievement.resultDescription[1].valueMax = '90'; }],
    ["a level's points", (c: Doc) => { c.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].points = '40'; }],
  ])('%s changed after signing: refused', async (_, change) => {
    const signed = await signedWithProfile();
    change(signed);
    const r = await run(signed);
    expect(r.verdict).toBe('invalid');
    expect(signature(r)?.outcome).toBe('fail');
  });

  /** JFF Plugfest 1's context defines no otherIdentifier: one added to its published badge is read no one way, so the badge is not valid. */
  it('an identifier added to a published Plugfest 1 badge: not valid', async () => {
    const vc = published();
    vc.issuer.otherIdentifier = [{ type: 'IdentifierEntry', identifierType: 'nationalIdentityNumber', identifier: '666' }];
    expect((await run(vc)).verdict).not.toBe('valid');
  });
});
