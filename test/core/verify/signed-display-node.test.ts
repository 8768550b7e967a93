/**
 * What is shown of a node must be signed of the node the credential links there, not of another node
 * the JSON names by its id (src/core/proofs/signed-display.ts `under`). Under a context whose terms
 * are not protected (JFF Plugfest 1, as published credentials use it), a holder can add a type that is
 * the subject's own type again (the statement is the same, so the proof holds: RDF 1.1 §3.3, a graph
 * is a set) carrying a scoped context of its own (JSON-LD 1.1 §4.1.8) that makes `achievement` the
 * reverse of `credentialSubject` (§4.8) and `type` an alias of `@index` (dropped from RDF, §4.6.1):
 * `"achievement": { "id": <the credential>, "type": "Achievement" }` then states only what the
 * credential already states, and the badge showed the credential's name as its achievement's,
 * the real achievement moved under its full IRI, out of sight.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const JFF = ['https://www.w3.org/2018/credentials/v1', 'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json', 'https://w3id.org/security/data-integrity/v2'];
const OB = 'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html#';
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });

async function genuine(): Promise<Doc> {
  const alice = await generateSigner();
  return signCredential(
    {
      '@context': JFF,
      id: 'urn:uuid:5b1f0c52-2a53-4a8e-9d35-0c1e8f0f4a11',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Summer school 2024, all sessions',
      issuer: { id: alice.did, type: 'Profile', name: 'Example University' },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: 'AchievementSubject',
        achievement: { type: 'Achievement', name: 'Attended one session', description: 'Was there', criteria: { type: 'Criteria', narrative: 'Signed in' } },
      },
    },
    alice,
  );
}

/** The credential node shown as the achievement, the real one moved under its full IRI. */
function credentialAsAchievement(vc: Doc): Doc {
  const t = structuredClone(vc);
  const scoped = { achievement: { '@reverse': 'https://www.w3.org/2018/credentials#credentialSubject', '@context': { type: '@index' } }, realAchievement: `${OB}Achievement` };
  t['@context'] = [...JFF, { SameSubject: { '@id': `${OB}AchievementSubject`, '@context': scoped } }];
  const { achievement, ...subject } = t.credentialSubject;
  t.credentialSubject = { ...subject, type: ['AchievementSubject', 'SameSubject'], achievement: { id: t.id, type: 'Achievement', name: t.name }, realAchievement: achievement };
  return t;
}

describe('a shown node is the node the credential links there', () => {
  it('the genuine credential: valid, showing its achievement', async () => {
    const r = await run(await genuine());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.name).toBe('Attended one session');
  });

  it('the credential shown as its own achievement through a reverse property: not valid', async () => {
    const r = await run(credentialAsAchievement(await genuine()));
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'signature')?.message).toMatch(/its achievement shows a name/);
  });
});
