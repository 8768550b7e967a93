/**
 * A seventeenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): the OB 3.0 credentials SURF's Edubadges team (educredentials, the Dutch
 * national badge platform for higher and vocational education) publishes as its model for Dutch
 * institutions, each with a grade as the award's `result` named by the achievement's
 * `resultDescription`, ECTS or SBU study load, EQF and accreditation alignments, an issuer with
 * `otherIdentifier` (its BRIN code) and an `address`; and 1EdTech's complete OpenBadgeCredential of the
 * conformance corpus, signed, whose result is a letter grade. Lanyard read neither grade (OB 3.0
 * §Result, §ResultDescription); it now shows each result with a value, named by its description.
 * Nothing is fetched but the conformance corpus's issuer, served from the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const SURF = 'surf-educredentials';
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, any>;

/**
 * SURF's model credentials (VC 2.0, OB 3.0.3 and its own `educredential.json` context) are published
 * unsigned: "step 1 is the JSON alone; step 2 an agent signs them for a wallet" (its `examples.md`).
 * Unsigned, nothing shows who issued one (OB 3.0 §8: at least one proof MUST be expressed): the
 * signature fails and every check that needs it is skipped, as for 1EdTech's unsigned example
 * (test/core/real-issuers-12.test.ts). What it says is still read, to be shown beside that verdict.
 */
describe('SURF Edubadges: the OB 3.0 model credentials for Dutch institutions', () => {
  it.each([
    [`${SURF}/data_credentials_uvh_at_microcredential_full_1.json`, 'Microcredential Basisomzetting Kat naar Koffiezetapparaat', 'Universiteit van Harderwijk', '8.5'],
    [`${SURF}/data_credentials_mbob_zw_ssb_microcredential_full.json`, 'Dekbed schudden voor gevorderden', 'MBO Beek', '8.0'],
  ])('%s is unsigned, so not valid; its grade is shown, named by its description', async (file, name, issuer, grade) => {
    const r = await verify(bytes(file), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-unsigned');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'fail', 'issuer-key': 'skipped', validity: 'skipped', revocation: 'skipped', recipient: 'skipped' });
    expect(check(r, 'signature')?.message).toBe('The credential carries no proof (no proof object): nothing shows who issued it');
    expect(r.verdict).toBe('invalid');
    expect(r.badge).toMatchObject({ name, issuer: { name: issuer }, results: [{ name: 'Final Project Grade', value: grade }], expires: '2029-08-30T00:00:00Z' });
    expect(r.badge?.alignments.map((a) => a.targetName)).toContain('EQF level 4');
  });

  it('the vocational credential\'s video evidence is read with its narrative, genre and audience', async () => {
    const r = await verify(bytes(`${SURF}/data_credentials_mbob_zw_ssb_microcredential_full.json`), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.badge?.evidence).toEqual([{
      id: 'https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/evidence/bed.mp4',
      name: 'Video van dekbed opschudden',
      description: 'Dit is een video waarin de student de opschudtechniek demonstreert',
      narrative: 'De examinator heeft op basis van deze performance het diploma uitgereikt',
      genre: 'Demonstration',
      audience: 'Verifier (toekomstige werkgever)',
    }]);
  });

  /** A result's name is its description's, found by the id the result names; one naming no description the achievement has is shown unnamed. */
  it('a result naming no description of the achievement is shown without a name; one with neither value, level nor a status OB 3.0 lists is not shown', async () => {
    const c = json(`${SURF}/data_credentials_uvh_at_microcredential_full_1.json`);
    c.credentialSubject.result = [{ type: ['Result'], resultDescription: 'https://example.com/results/other', value: '7' }, { type: ['Result'], status: 'Passed' }, { type: ['Result'], achievedLevel: 'https://example.com/levels/none' }];
    const r = await verify(JSON.stringify(c), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.badge?.results).toEqual([{ value: '7' }]);
  });
});

/**
 * 1EdTech's complete OpenBadgeCredential (the conformance corpus's `ob30/complete.json`, eddsa-rdfc-2022
 * by its https issuer, valid, `expected.json`): its subject's first result is the letter grade "A"
 * against the "Final Project Grade" description; the others give an achieved level and a status (read
 * since: test/core/real-issuers-18.test.ts). A grade raised after signing breaks the proof.
 */
describe('1EdTech: the complete OpenBadgeCredential, signed, with a letter grade', () => {
  const FILE = path.resolve(REAL, '../conformance/ob30/complete.json');
  const host = { prefix: 'https://1edtech.edu/', dir: path.resolve(REAL, '../conformance/hosts/1edtech.edu') };
  const doc = () => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, any>;

  it('is valid, and shows its grade named by its description', async () => {
    const r = await verify(readFileSync(FILE, 'utf8'), { fetch: offlineFetch([host]), now: NOW, identities: [] });
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(r.badge?.results?.[0]).toEqual({ name: 'Final Project Grade', value: 'A' });
  });

  it('with its grade raised after signing, it is refused', async () => {
    const forged = doc();
    forged.credentialSubject.result[0].value = 'A+';
    const r = await verify(JSON.stringify(forged), { fetch: offlineFetch([host]), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });
});

/**
 * What kind of achievement a badge is (OB 3.0 §Achievement `achievementType`) is read as written and,
 * under an RDFC proof, only as what was signed as it: MIT Learn's course certificate (a "Course",
 * signed by its own did:key, test/core/real-issuers-12.test.ts) stays valid and names its kind; the
 * kind changed after signing breaks the proof.
 */
describe('the kind of achievement, as signed', () => {
  const FILE = 'mit-learn-obv3-template/courseCertificate.json';
  it("MIT Learn's course certificate is valid and is a Course", async () => {
    const r = await verify(bytes(FILE), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    expect(r.badge?.achievementType).toBe('Course');
  });

  it('made a degree after signing, it is refused', async () => {
    const c = json(FILE);
    c.credentialSubject.achievement.achievementType = 'MasterDegree';
    const r = await verify(JSON.stringify(c), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });
});
