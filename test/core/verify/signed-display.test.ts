/**
 * What Lanyard shows must be what was signed, as what it is shown as (src/core/proofs/signed-display.ts).
 * A published credential under a context whose terms are not protected (JFF Plugfest 1,
 * test/fixtures/suites/vc-ed_plugfest-1-2022_plugfest-1-ex-2.json): an embedded context swapping
 * `name` and `description` on the achievement keeps every statement, and so the proof, while the
 * badge would show its description as its name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const published = (): Doc => JSON.parse(readFileSync(new URL('../../fixtures/suites/vc-ed_plugfest-1-2022_plugfest-1-ex-2.json', import.meta.url), 'utf8')) as Doc;
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
// The context's own datatype for both (sic: https, as the Plugfest 1 context writes it).
const STRING = 'https://www.w3.org/2001/XMLSchema#string';
const swap = (a: string, b: string) => ({ [a]: { '@id': `https://schema.org/${b}`, '@type': STRING }, [b]: { '@id': `https://schema.org/${a}`, '@type': STRING } });

describe('a shown text signed as another member', () => {
  it('the published credential: valid, showing its achievement name', async () => {
    const r = await run(published());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.name).toBe('Our Wallet Passed JFF Plugfest #1 2022');
  });

  it("the achievement's name and description swapped by an embedded context: not valid", async () => {
    const vc = published();
    const a = vc.credentialSubject.achievement;
    vc.credentialSubject.achievement = { '@context': swap('name', 'description'), ...a, name: a.description, description: a.name };
    const r = await run(vc);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/achievement shows a name/);
  });

  /**
   * The award's narrative (OB 3.0 AchievementSubject `narrative`) is shown (core/model.ts Badge.narrative):
   * shown only as what was signed as it. Here an embedded context that does not propagate aliases the
   * subject's `narrative` to `@type`: the statements, and so the proof, are the published ones, while
   * the badge would show the subject's type as what its earner did.
   */
  it("the subject's type shown as its narrative by a keyword alias: not valid", async () => {
    const vc = published();
    const { type, ...subject } = vc.credentialSubject;
    vc.credentialSubject = { '@context': { '@propagate': false, narrative: '@type' }, ...subject, narrative: type };
    const r = await run(vc);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/its subject shows a narrative \("AchievementSubject"\) that it does not sign as its narrative/);
  });

  it("a subject's narrative signed as its narrative: valid, and shown", async () => {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject.narrative = 'Led the **robotics** team';
    const r = await run(await signCredential(c, alice));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.narrative).toBe('Led the **robotics** team');
  });

  /**
   * The award's results (OB 3.0 §Result `value`, named by the achievement's §ResultDescription `name`)
   * are shown (core/model.ts Badge.results), each only as what was signed as it.
   */
  it('a result and its description signed as such: valid, shown with its description\'s name', async () => {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject.achievement.resultDescription = [{ id: 'urn:uuid:6c2bd3e0-8f0e-4a51-9d1e-0d6b0f0f6d1a', type: ['ResultDescription'], name: 'Final Project Grade', resultType: 'LetterGrade' }];
    c.credentialSubject.result = [{ type: ['Result'], resultDescription: 'urn:uuid:6c2bd3e0-8f0e-4a51-9d1e-0d6b0f0f6d1a', value: 'A' }, { type: ['Result'], status: 'Completed' }];
    const r = await run(await signCredential(c, alice));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.results).toEqual([{ name: 'Final Project Grade', value: 'A' }, { status: 'Completed' }]);
  });

  it('a node named twice (the issuer as the achievement\'s creator, by another name): valid, each shown name signed', async () => {
    const alice = await generateSigner();
    const c = credential(alice.did) as Doc;
    c.credentialSubject.achievement.creator = { id: alice.did, type: ['Profile'], name: 'Department of Examples' };
    const r = await run(await signCredential(c, alice));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.issuer.name).toBe('Example Issuer');
  });
});
