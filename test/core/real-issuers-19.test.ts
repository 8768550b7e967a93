/**
 * A nineteenth round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md), for what they say of where and who their issuer is and of a result's
 * scale: the issuer Profile's postal address (OB 3.0 §Profile `address`, §Address) and other
 * identifiers (§Profile `otherIdentifier`, §IdentifierEntry), a value's bounds (§ResultDescription
 * `valueMin`, `valueMax`) and a rubric level's points (§RubricCriterionLevel `points`). Lanyard read
 * none of them; each is now read and, under a proof, shown only as signed (signed-display.ts).
 * Nothing is fetched but the conformance corpus's issuer, served from the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, COMPLETE, completeChanged, fails, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const run = (input: string | Uint8Array, fetch = offlineFetch()) => verify(input, { fetch, now: NOW, identities: [] });

/** 1EdTech's complete OpenBadgeCredential of the conformance corpus (eddsa-rdfc-2022 by its https issuer, valid: `expected.json`). */
describe("1EdTech: the complete OpenBadgeCredential's issuer and rubric, signed", () => {
  const { file: FILE, host } = COMPLETE;

  it('is valid, and shows its address (no country code, no geo), its two identifiers and its level of 4 points', async () => {
    const r = await run(readFileSync(FILE, 'utf8'), offlineFetch([host]));
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    // addressCountryCode is stated as …#CountryCode, not under its name: it is not shown (a signed text not read only goes missing).
    expect(r.badge?.issuer.address).toEqual({ streetAddress: '123 First St', postOfficeBoxNumber: '1', addressLocality: 'Austin', addressRegion: 'TX', postalCode: '12345', addressCountry: 'USA' });
    expect(r.badge?.issuer.otherIdentifier).toEqual([{ identifierType: 'sourcedId', identifier: '12345' }, { identifierType: 'nationalIdentityNumber', identifier: '67890' }]);
    expect(r.badge?.results?.[1]).toEqual({ name: 'Final Project Grade', level: 'Mastery', points: '4' });
  });

  it.each([
    ['its street changed', (c: Record<string, any>) => { c.issuer.address.streetAddress = '1 Forged Rd'; }],
    ['an identifier changed', (c: Record<string, any>) => { c.issuer.otherIdentifier[0].identifier = '99999'; }],
    ["its level's points raised", (c: Record<string, any>) => { c.credentialSubject.achievement.resultDescription[1].rubricCriterionLevel[0].points = '5'; }],
    ['a maximum added to its grade', (c: Record<string, any>) => { c.credentialSubject.achievement.resultDescription[0].valueMax = 'Z'; }],
  ])('with %s after signing, it is refused', async (_, change) => {
    const r = await completeChanged(change, NOW);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });
});

describe('the same fields from other real issuers', () => {
  /** DCC's "Bestest Ever University" complex issuer (did:key, eddsa-rdfc-2022, valid: real-issuers.test.ts). */
  it("DCC's complex issuer is valid and shows its address with a post office box, and its identifiers", async () => {
    const r = await run(bytes('dcc-vc-test-fixtures/v2_dataIntegrityProof_didKey_oidf-noStatus-notExpired-complexIssuer.json'));
    expect(r.verdict).toBe('valid');
    expect(r.badge?.issuer.address).toEqual({ streetAddress: '163 Corndog', postOfficeBoxNumber: '2', addressLocality: 'Ancaster', addressRegion: 'ON', postalCode: 'L9G4H7', addressCountry: 'Canada' });
    expect(r.badge?.issuer.otherIdentifier).toEqual([{ identifierType: 'sourcedId', identifier: '9335' }, { identifierType: 'nationalIdentityNumber', identifier: '984' }]);
  });

  /** SURF's model micro-credentials (edubadges) are published unsigned (real-issuers-17.test.ts): not valid, what they say still read. */
  it.each([
    ['data_credentials_uvh_at_microcredential_full_1.json', '8.5', { streetAddress: 'Kerkplein 42', addressLocality: 'Harderwijk', postalCode: '1314 AC', addressCountry: 'The Netherlands' }, [{ identifierType: 'ext:BRIN', identifier: 'UN1VH' }, { identifierType: 'name', identifier: 'uvh.example.com' }]],
    ['data_credentials_mbob_zw_ssb_microcredential_full.json', '8.0', { streetAddress: 'Rijksweg 13', addressLocality: 'Beek', postalCode: '1337 JX', addressCountry: 'The Netherlands' }, undefined],
  ])("SURF's %s: its grade between 1 and 10, its issuer's address and identifiers", async (file, grade, address, ids) => {
    const r = await run(bytes(`surf-educredentials/${file}`));
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.results).toEqual([{ name: 'Final Project Grade', value: grade, valueMin: '1', valueMax: '10' }]);
    expect(r.badge?.issuer.address).toEqual(address);
    expect(r.badge?.issuer.otherIdentifier).toEqual(ids);
  });

  /** Cloud Native Bergen's test badge (real-platforms.test.ts: its proof does not verify): its OBF-style systemId is read all the same. */
  it("Cloud Native Bergen's test badge names its systemId; its verdict is unchanged", async () => {
    const r = await run(bytes('obf-cloudnativebergen/obf-test-badge.json'));
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.issuer.otherIdentifier).toEqual([{ identifierType: 'systemId', identifier: 'T5EFVQa25J64aLH8' }]);
  });
});

describe('what is not shown', () => {
  it('an identifier without its type, blank parts, numbers where strings are due: not read', async () => {
    const c = JSON.parse(readFileSync(path.resolve(REAL, 'surf-educredentials/data_credentials_uvh_at_microcredential_full_1.json'), 'utf8')) as Record<string, any>;
    c.issuer.otherIdentifier = [{ type: 'IdentifierEntry', identifier: 'X1' }, { type: 'IdentifierEntry', identifierType: ' ', identifier: 'X2' }];
    c.issuer.address = { type: ['Address'], streetAddress: '  ', postalCode: 1314, geo: { latitude: 1, longitude: 1 } };
    c.credentialSubject.achievement.resultDescription[0].valueMax = 10;
    const r = await run(JSON.stringify(c));
    expect(r.badge?.issuer.otherIdentifier).toBeUndefined();
    expect(r.badge?.issuer.address).toBeUndefined();
    expect(r.badge?.results).toEqual([{ name: 'Final Project Grade', value: '8.5', valueMin: '1' }]);
  });
});

/**
 * A Skill Assertion (OB 3.0 Appendix, "Skill Assertion (Credential Registry)") names its skill only as
 * its result's alignment (§Result `alignment`), with no achievement at all; the CASE one aligns a
 * generic Competency achievement. Both are the specification's unsigned examples: not valid for that
 * (no proof), never for the shape, and the skill is read and shown among the alignments.
 */
describe("1EdTech's Skill Assertion examples", () => {
  it("the Credential Registry one: no proof, so invalid; no achievement, a warning; its skill from its result's alignment", async () => {
    const r = await run(bytes('1edtech-ob-spec/examples_skillAssertionCtdl.json'));
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.id)).toEqual(['signature']);
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'schema')?.outcome).toBe('warning');
    expect(r.badge?.name).toBe('Solve and graph linear equations and inequalities');
    expect(r.badge?.alignments).toEqual([{ targetName: 'Solve and graph linear equations and inequalities', targetUrl: 'https://credentialfinder.org/competency/ce-6369c51f-4d86-4592-a761-8b32ae70a045', targetFramework: 'Ivy Tech Community College of Indiana, MATH 135, FINITE MATH', targetCode: 'ce-6369c51f-4d86-4592-a761-8b32ae70a045', targetDescription: undefined }]);
  });

  it('the CASE one: a Competency aligned to a CFItem, invalid only for its missing proof', async () => {
    const r = await run(bytes('1edtech-ob-spec/examples_skillAssertionCase.json'));
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.id)).toEqual(['signature']);
    expect(r.badge).toMatchObject({ name: 'Robot Programming', achievementType: 'Competency' });
    expect(r.badge?.alignments.map((a) => a.targetName)).toEqual(['Robot Programming']);
  });

  it("the complete credential's results' alignment follows its achievement's, once", async () => {
    const r = await run(readFileSync(COMPLETE.file, 'utf8'), offlineFetch([COMPLETE.host]));
    expect(r.verdict).toBe('valid');
    expect(r.badge?.alignments.map((a) => a.targetUrl)).toEqual(['https://1edtech.edu/catalog/degree', 'https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b', 'https://1edtech.edu/catalog/degree/project/result/1']);
  });
});

/** The Learner Credential Wallet's mock badge with alignments (an unsigned sample the wallet shows): four alignments read as written. */
it("the Learner Credential Wallet's alignment sample: invalid only for its missing proof, its four alignments read", async () => {
  const r = await run(bytes('owf-lcw/openBadgeWithAlignments.json'));
  expect(r.verdict).toBe('invalid');
  expect(fails(r).map((c) => c.id)).toEqual(['signature']);
  expect(r.badge?.alignments.map((a) => [a.targetName, a.targetUrl])).toEqual([
    ['Requirements Analysis', 'https://credentialfinder.org/credential/20229/Requirements_Analysis'],
    ['Requirements Analysis with Description', 'https://credentialfinder.org/credential/20229/Requirements_Analysis'],
    ['Invalid - No URL', undefined],
    ['Invalid URL', 'not-a-valid-url'],
  ]);
});

