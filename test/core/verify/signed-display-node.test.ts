/**
 * What is shown of a node must be signed of the node the credential links there, not of another node
 * the JSON names by its id (src/core/proofs/signed-display.ts `under`). Under a context whose terms
 * are not protected (JFF Plugfest 1, as published credentials use it), a holder can add a type that is
 * the subject's own type again (the statement is the same, so the proof holds: RDF 1.1 §3.3, a graph
 * is a set) carrying a scoped context of its own (JSON-LD 1.1 §4.1.8) that makes `achievement` the
 * reverse of `credentialSubject` (§4.8) and `type` an alias of `@index` (dropped from RDF, §4.6.1):
 * `"achievement": { "id": <the credential>, "type": "Achievement" }` then states only what the
 * credential already states, and the badge showed the credential's name as its achievement's,
 * the real achievement moved under its full IRI, out of sight. OB 3.0.0 and 3.0.1's contexts do not protect
 * their terms either: there `achievement` can be made the subject's `source` (a forward link, signed), and the
 * assessor's profile was shown as the achievement. A node is shown as a member only when its parent links it
 * under a property of that member's name.
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

const OB301 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/data-integrity/v2'];
const VOCAB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';

async function genuineWithSource(): Promise<Doc> {
  const alice = await generateSigner();
  return signCredential(
    {
      '@context': OB301,
      id: 'urn:uuid:0d7e4c1a-9b0e-4f43-8a4e-61f3a2b0c9d2',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Attended one session',
      issuer: { id: alice.did, type: ['Profile'], name: 'Example University' },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        source: { id: 'https://assessor.example/', type: ['Profile'], name: 'Master of Science, Example University' },
        achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Attended one session', description: 'Was there', criteria: { narrative: 'Signed in' } },
      },
    },
    alice,
  );
}

/** The subject's assessor (its `source`, a signed forward link) shown as its achievement. */
function sourceAsAchievement(vc: Doc): Doc {
  const t = structuredClone(vc);
  const scoped = { achievement: { '@id': `${VOCAB}source`, '@context': { type: '@index' } }, realAchievement: `${VOCAB}achievement-0` };
  t['@context'] = [...OB301, { SameSubject: { '@id': `${VOCAB}AchievementSubject`, '@context': scoped } }];
  const { achievement, ...subject } = t.credentialSubject;
  const { id, name } = subject.source;
  t.credentialSubject = { ...subject, type: ['AchievementSubject', 'SameSubject'], achievement: { id, type: 'Achievement', name }, realAchievement: achievement };
  return t;
}

describe('a shown node is the node the credential links there', () => {
  it('OB 3.0.1, the genuine credential with an assessor: valid, showing its achievement', async () => {
    const r = await run(await genuineWithSource());
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.badge?.name).toBe('Attended one session');
  });

  it('OB 3.0.1, the assessor shown as the achievement through a term made its source: not valid', async () => {
    const r = await run(sourceAsAchievement(await genuineWithSource()));
    expect(r.badge?.name).toBe('Master of Science, Example University');
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('indeterminate');
  });

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
