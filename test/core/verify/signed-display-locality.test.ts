/**
 * The issuer's address as shown (OB 3.0 §Profile `address`, formats/ob3-profile.ts) must be signed as
 * shown (src/core/proofs/signed-display.ts), each part under a property of its name. JFF Plugfest 1's
 * context and the OB 3.0 beta context (imsglobal.github.io …/ob_v3p0.html) state `addressLocality` as
 * `https://schema.org/addresLocality` (sic): the issuer signed the town under that spelling, and a
 * genuine badge whose issuer gives its town read indeterminate ("shows a addressLocality … that it
 * does not sign as its addressLocality").
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const DI = 'https://w3id.org/security/data-integrity/v2';
const CONTEXTS = [
  ['JFF Plugfest 1', ['https://www.w3.org/2018/credentials/v1', 'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json', DI]],
  ['the OB 3.0 beta context', ['https://www.w3.org/2018/credentials/v1', 'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html', DI]],
  ['OB 3.0.0', ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json', DI]],
] as const;
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
const signature = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');

async function withTown(context: readonly string[]): Promise<Doc> {
  const alice = await generateSigner();
  return (await signCredential(
    {
      '@context': context,
      id: 'urn:uuid:3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Badge',
      issuer: { id: alice.did, type: 'Profile', name: 'Example University', address: { type: 'Address', streetAddress: '1 Main Street', addressLocality: 'Springfield', addressCountry: 'USA' } },
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:bob', type: 'AchievementSubject', achievement: { id: 'https://example.com/achievements/1', type: 'Achievement', name: 'Badge', description: 'Given', criteria: { type: 'Criteria', narrative: 'Done' } } },
    },
    alice,
  )) as Doc;
}

describe("the issuer's town, as its context spells it", () => {
  it.each(CONTEXTS)('%s: a genuine badge giving its town is valid, and the town shown', async (_, context) => {
    const r = await run(await withTown(context));
    expect(r.verdict, JSON.stringify(signature(r))).toBe('valid');
    expect(r.badge?.issuer.address).toEqual({ streetAddress: '1 Main Street', addressLocality: 'Springfield', addressCountry: 'USA' });
  });

  it.each(CONTEXTS)('%s: the town changed after signing is refused', async (_, context) => {
    const vc = await withTown(context);
    vc.issuer.address.addressLocality = 'Shelbyville';
    const r = await run(vc);
    expect(r.verdict).toBe('invalid');
    expect(signature(r)?.outcome).toBe('fail');
  });
});
