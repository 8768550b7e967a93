/**
 * An eighteenth round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md), for what they say beyond a grade: the credits the earner earned
 * (OB 3.0 §AchievementSubject `creditsEarned`) and those the achievement carries (§Achievement
 * `creditsAvailable`), its field of study and specialization, a result given as a rubric level
 * (§Result `achievedLevel`, named by §RubricCriterionLevel `name`) or as a status (§ResultStatusType).
 * Lanyard read none of them; each is now shown, under a proof only as signed (signed-display.ts).
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
describe('1EdTech: the complete OpenBadgeCredential, signed', () => {
  const { file: FILE, host } = COMPLETE;

  it('is valid, and shows its grade, its rubric level, its status, its credits, its field and specialization', async () => {
    const r = await run(readFileSync(FILE, 'utf8'), offlineFetch([host]));
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    // Its level's result names the letter-grade description; the level "Mastery" is the rubric's (another description's).
    expect(r.badge?.results).toEqual([
      { name: 'Final Project Grade', value: 'A' },
      { name: 'Final Project Grade', level: 'Mastery', points: '4' },
      { name: 'Final Project Grade', status: 'Completed' },
    ]);
    expect(r.badge).toMatchObject({ creditsEarned: 42, creditsAvailable: 36, fieldOfStudy: 'Research', specialization: 'Computer Science Research' });
  });

  it.each([
    ['its credits raised', (c: Record<string, any>) => { c.credentialSubject.creditsEarned = 48; }],
    ['its status made a failure', (c: Record<string, any>) => { c.credentialSubject.result[2].status = 'Failed'; }],
    ['its field of study changed', (c: Record<string, any>) => { c.credentialSubject.achievement.fieldOfStudy = 'Medicine'; }],
  ])('with %s after signing, it is refused', async (_, change) => {
    const r = await completeChanged(change, NOW);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });
});

describe('the same fields from other real issuers', () => {
  /** MIT Learn's program certificate as first signed (two proofs by its did:key, valid: real-issuers-12.test.ts): 20 credits earned. */
  it("MIT Learn's program certificate is valid and shows its 20 credits", async () => {
    const r = await run(bytes('mit-learn-obv3-template/programCertificate.10f51e7.json'));
    expect(r.verdict).toBe('valid');
    expect(r.badge?.creditsEarned).toBe(20);
  });

  /** Tec de Monterrey's degree sample (DCC docs): a type no context defines, refused by safe mode, so invalid as before (real-issuers-10.test.ts). */
  it("Tec de Monterrey's degree names its field of study, under a verdict that stays invalid", async () => {
    const r = await run(bytes('dcc-docs/tec-de-monterrey-pdf-sample-2-svg-signed.json'));
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.fieldOfStudy).toBe('Ingeniero en Sistemas Electrónicos');
  });

  /** The specification's Complete OpenBadgeCredential example carries no proof (real-issuers-12.test.ts): not valid, its fields still read. */
  it("1EdTech's unsigned example is not valid; what it says is read", async () => {
    const r = await run(bytes('1edtech-ob-spec/examples_fullOpenBadge.json'));
    expect(r.verdict).toBe('invalid');
    expect(r.badge).toMatchObject({ creditsEarned: 42, creditsAvailable: 36, fieldOfStudy: 'Research', specialization: 'Computer Science Research' });
    expect(r.badge?.results?.some((x) => x.status === 'Completed')).toBe(true);
  });

  /**
   * TeachPlay writes its rubric level as a word ("Proficient") where OB 3.0 asks for a level's id, and
   * its achievement lists no rubric: the word names no level, so no result is shown, and the badge
   * stays valid (real-issuers-6.test.ts).
   */
  it("TeachPlay's levels name no rubric level: not shown, and the badge stays valid", async () => {
    const site = offlineFetch([{ prefix: 'https://teachplay.dev/', dir: path.join(REAL, 'hosts/teachplay.dev') }]);
    const r = await run(bytes('teachplay/credential_signed_assertion-example-v3.signed.json'), site);
    expect(r.verdict).toBe('valid');
    expect(r.badge?.results).toBeUndefined();
  });
});
