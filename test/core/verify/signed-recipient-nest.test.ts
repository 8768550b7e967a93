/**
 * The recipient's identities Lanyard compares must be signed as the subject's identifier entries
 * (OB 3.0 §AchievementSubject `identifier`, §IdentityObject). OB 3.0.0 and 3.0.1's contexts do not
 * protect their terms: a holder can give the subject's type again (the same statement, so the proof
 * holds) with a scoped context of its own (JSON-LD 1.1 §4.1.8) making `identifier` an alias of `@nest`
 * (§4.4: its members are the subject's own) and `identityHash` one of `@index` (§4.6.1: no statement).
 * `"identifier": [{ "identityHash": <any address> }]` then states nothing, and someone else's genuine
 * badge read "Issued to" that address, valid (signed-reading.ts checks only that each signed entry is
 * read, not that each entry read is signed).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const OB301 = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/data-integrity/v2'];
const VOCAB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const asMallory = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW, identities: [{ type: 'email', value: 'mallory@example.com' }] });
const check = (r: Awaited<ReturnType<typeof asMallory>>, id: string) => r.checks.find((c) => c.id === id);

async function bobsBadge(identifier?: unknown[]): Promise<Doc> {
  const alice = await generateSigner();
  const subject: Doc = { id: 'did:example:bob', type: ['AchievementSubject'], achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Badge', description: 'Given', criteria: { narrative: 'Done' } } };
  if (identifier) subject.identifier = identifier;
  return signCredential(
    { '@context': OB301, id: 'urn:uuid:0d7e4c1a-9b0e-4f43-8a4e-61f3a2b0c9d3', type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Badge', issuer: { id: alice.did, type: ['Profile'], name: 'Example University' }, issuanceDate: '2024-01-01T00:00:00Z', credentialSubject: subject },
    alice,
  );
}

/** Mallory's address added as an identifier entry that states nothing. */
function claimed(vc: Doc): Doc {
  const t = structuredClone(vc);
  t['@context'] = [...OB301, { SameSubject: { '@id': `${VOCAB}AchievementSubject`, '@context': { identifier: '@nest', identityHash: '@index' } } }];
  t.credentialSubject.type = ['AchievementSubject', 'SameSubject'];
  t.credentialSubject.identifier = [{ identityHash: 'mallory@example.com' }];
  return t;
}

describe('an identifier entry read for the recipient is one the issuer signed', () => {
  it("Bob's genuine badge: valid, not Mallory's", async () => {
    const r = await asMallory(await bobsBadge());
    expect(r.verdict).toBe('valid');
    expect(check(r, 'recipient')?.outcome).toBe('skipped');
  });

  it('an entry signed as such: issued to Mallory', async () => {
    const r = await asMallory(await bobsBadge([{ type: ['IdentityObject'], identityType: 'emailAddress', hashed: false, identityHash: 'mallory@example.com' }]));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(check(r, 'recipient')?.outcome).toBe('pass');
  });

  it("Mallory's address as an entry made an alias of @nest and @index: not issued to her, not valid", async () => {
    const r = await asMallory(claimed(await bobsBadge()));
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
    expect(check(r, 'signature')?.message).toMatch(/its subject's identifiers shows a identityHash \("mallory@example.com"\)/);
  });

  // What the badge page and the command line say it was issued to comes from the recipient Lanyard
  // read (VerifyResult.recipient, Badge.recipients): an entry its proof does not sign is not named there.
  it("Mallory's address as an entry stating nothing: not named as the recipient, the signed subject still is", async () => {
    const r = await asMallory(claimed(await bobsBadge()));
    expect(r.recipient).toBeNull();
    expect(r.badge?.recipients.map((x) => x.identity)).toEqual(['did:example:bob']);
    expect(check(r, 'recipient')?.outcome).not.toBe('pass');
    expect(JSON.stringify(check(r, 'recipient'))).not.toMatch(/mallory/);
  });

  it("Bob's signed entry moved under its full IRI, Mallory's in its place: neither is named as the recipient", async () => {
    const signed = await bobsBadge([{ type: ['IdentityObject'], identityType: 'emailAddress', hashed: false, identityHash: 'bob@example.com' }]);
    const t = claimed(signed);
    t.credentialSubject[`${VOCAB}identifier`] = signed.credentialSubject.identifier;
    const r = await asMallory(t);
    expect(r.verdict).not.toBe('valid');
    expect(r.recipient).toBeNull();
    expect(r.badge?.recipients.map((x) => x.identity)).toEqual(['did:example:bob']);
  });
});
