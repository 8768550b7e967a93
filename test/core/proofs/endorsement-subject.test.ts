/**
 * An embedded endorsement (OB 3.0 verification.md step 6; §EndorsementSubject: its `id` is "the
 * identifier of the individual, entity, organization, assertion, or achievement that is endorsed")
 * vouches for what its subject names: this badge, its issuer, its achievement or the achievement's
 * creator (1EdTech's complete.json places an endorsement of the issuer on the achievement). A genuine
 * EndorsementCredential of another achievement, or a genuine badge of another kind, copied into a
 * badge by its issuer must not show as an endorsement that verified; it never changes the verdict.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { OB3, credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const ACHIEVEMENT = 'https://example.com/achievements/1';
let issuer: Ed25519Signer;
let endorser: Ed25519Signer;
beforeAll(async () => {
  [issuer, endorser] = await Promise.all([generateSigner(), generateSigner()]);
});

const run = async (vc: unknown, web = new FakeWeb()) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);

function endorsementOf(subjectId: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return signCredential(
    {
      '@context': OB3,
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: endorser.did, type: ['Profile'], name: 'Famous University' },
      validFrom: '2024-01-01T00:00:00Z',
      name: 'Endorsement',
      credentialSubject: { id: subjectId, type: ['EndorsementSubject'], endorsementComment: 'Excellent' },
      ...extra,
    },
    endorser,
  );
}

/** The badge with `endorsement` on its achievement, signed by its issuer. */
async function badgeEndorsedBy(endorsement: Record<string, unknown>): Promise<Record<string, unknown>> {
  const c = credential(issuer.did);
  const s = c.credentialSubject as Record<string, unknown>;
  s.achievement = { ...(s.achievement as Record<string, unknown>), endorsement: [endorsement] };
  return signCredential(c, issuer);
}

describe('an embedded endorsement vouches only for this badge, its issuer or its achievement', () => {
  it('an endorsement of this achievement verifies', async () => {
    const r = await run(await badgeEndorsedBy(await endorsementOf(ACHIEVEMENT)));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')?.outcome, check(r, 'endorsement')?.message).toBe('pass');
  });

  it('a genuine endorsement of another achievement, copied into the badge, is not shown as verified', async () => {
    const r = await run(await badgeEndorsedBy(await endorsementOf('https://example.org/achievements/medicine')));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')?.outcome).toBe('warning');
    expect(check(r, 'endorsement')?.message).toMatch(/endorses .*another/);
  });

  it('a genuine credential of another kind, copied in as an endorsement, is not shown as verified', async () => {
    const other = await signCredential({ ...credential(endorser.did), credentialSubject: { id: ACHIEVEMENT, type: ['AchievementSubject'], achievement: { id: 'https://example.org/a/2', type: ['Achievement'], name: 'X', criteria: { narrative: 'n' } } } }, endorser);
    const r = await run(await badgeEndorsedBy(other));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')?.outcome).toBe('warning');
    expect(check(r, 'endorsement')?.message).toMatch(/EndorsementCredential/);
  });

  it('an endorsement of the issuer, on the issuer, verifies', async () => {
    const c = credential(issuer.did);
    c.issuer = { ...(c.issuer as Record<string, unknown>), endorsement: [await endorsementOf(issuer.did)] };
    const r = await run(await signCredential(c, issuer));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')?.outcome, check(r, 'endorsement')?.message).toBe('pass');
  });

  it('an endorsement of the issuer placed on the achievement (as 1EdTech complete.json does) verifies', async () => {
    const r = await run(await badgeEndorsedBy(await endorsementOf(issuer.did)));
    expect(check(r, 'endorsement')?.outcome, check(r, 'endorsement')?.message).toBe('pass');
  });
});

describe('more embedded endorsements than Lanyard checks', () => {
  it('33 endorsements: the 32 checked verify, and the one past them is said, the check a warning (hostile round 34: "32 endorsements verified" passed)', async () => {
    const c = credential(issuer.did);
    const s = c.credentialSubject as Record<string, unknown>;
    const one = await endorsementOf(ACHIEVEMENT);
    s.achievement = { ...(s.achievement as Record<string, unknown>), endorsement: Array.from({ length: 33 }, () => one) };
    const r = await run(await signCredential(c, issuer));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')).toMatchObject({ outcome: 'warning', message: '32 endorsements verified; 1 more not checked (Lanyard checks the first 32)' });
    s.achievement = { ...(s.achievement as Record<string, unknown>), endorsement: Array.from({ length: 32 }, () => one) };
    expect(check(await run(await signCredential(c, issuer)), 'endorsement')).toMatchObject({ outcome: 'pass', message: '32 endorsements verified' });
  });
});

describe("an embedded endorsement is checked as a credential (verification.md step 6: the same steps), its status too", () => {
  const LIST = 'https://endorser.example/status/1';
  /** The endorser's Bitstring status list (Bitstring Status List v1.0 §2.2) with bit 3 set. */
  const list = () => {
    const bits = new Uint8Array(16 * 1024);
    bits[0] = 0x80 >> 3;
    return signCredential({
      '@context': ['https://www.w3.org/ns/credentials/v2'], id: LIST, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: endorser.did, validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
    }, endorser);
  };
  const status = (index: number) => ({ credentialStatus: { id: `${LIST}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST } });

  it('an endorsement its endorser revoked is not shown as verified; one not revoked is', async () => {
    const web = new FakeWeb().json(LIST, await list());
    const revoked = await run(await badgeEndorsedBy(await endorsementOf(ACHIEVEMENT, status(3))), web);
    expect(revoked.verdict).toBe('valid');
    expect(check(revoked, 'endorsement')?.outcome).toBe('warning');
    expect(check(revoked, 'endorsement')?.message).toMatch(/revoked/i);
    const kept = await run(await badgeEndorsedBy(await endorsementOf(ACHIEVEMENT, status(4))), web);
    expect(check(kept, 'endorsement')?.outcome, check(kept, 'endorsement')?.message).toBe('pass');
  });

  it('an endorsement whose status cannot be read is not shown as verified', async () => {
    const r = await run(await badgeEndorsedBy(await endorsementOf(ACHIEVEMENT, status(3))));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'endorsement')?.outcome).toBe('warning');
  });
});
