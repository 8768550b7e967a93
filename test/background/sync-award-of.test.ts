/**
 * The award a listed credential is (providers/award.ts), read unverified from its text only to key
 * it (sync-award-key.ts): OB 3.0 JSON and VC-JWT (the credential as the payload, or in its `vc`
 * claim), an OB 2.0 assertion as JSON or signed, and what names none.
 */
import { describe, expect, it } from 'vitest';
import { achievementIdOf, awardOf } from '../../src/background/services/providers/award.ts';

const b64 = (j: unknown) => Buffer.from(JSON.stringify(j)).toString('base64url');
const jws = (payload: unknown) => `${b64({ alg: 'EdDSA' })}.${b64(payload)}.c2ln`;
const ob3 = (achievement: unknown) => ({ id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { achievement } });

describe('achievementIdOf', () => {
  it('reads the achievement of an OB 3.0 credential, as JSON or a VC-JWT', () => {
    expect(achievementIdOf(JSON.stringify(ob3({ id: 'https://x.example/a/1' })))).toBe('https://x.example/a/1');
    expect(achievementIdOf(jws(ob3({ id: 'https://x.example/a/2' })))).toBe('https://x.example/a/2');
    expect(achievementIdOf(jws({ jti: 'urn:uuid:1', vc: ob3({ id: 'https://x.example/a/3' }) }))).toBe('https://x.example/a/3');
    // credentialSubject as a list of one, as the engine reads it (ob3-badge.ts subjectOf).
    expect(achievementIdOf(JSON.stringify({ credentialSubject: [{ achievement: { id: 'https://x.example/a/4' } }] }))).toBe('https://x.example/a/4');
  });

  it('reads the BadgeClass of an OB 2.0 assertion, as JSON (its id or embedded) or signed', () => {
    expect(achievementIdOf(JSON.stringify({ id: 'urn:uuid:2', badge: 'https://x.example/b/1' }))).toBe('https://x.example/b/1');
    expect(achievementIdOf(JSON.stringify({ id: 'urn:uuid:2', badge: { id: 'https://x.example/b/2', name: 'B' } }))).toBe('https://x.example/b/2');
    expect(achievementIdOf(jws({ id: 'urn:uuid:2', badge: 'https://x.example/b/3' }))).toBe('https://x.example/b/3');
  });

  it('names none for what it cannot read', () => {
    for (const t of ['', 'not json', '{', 'a.b.c', JSON.stringify({ id: 'x' }), JSON.stringify([1]), jws('text')]) expect(achievementIdOf(t)).toBeUndefined();
  });
});

describe('awardOf', () => {
  it('is one mark per achievement, the same for every text of it, another for another', async () => {
    const a = await awardOf(JSON.stringify(ob3({ id: 'https://x.example/a/1', name: 'One' })));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await awardOf(jws(ob3({ id: 'https://x.example/a/1', name: 'One, renamed' })))).toBe(a);
    expect(await awardOf(JSON.stringify(ob3({ id: 'https://x.example/a/9' })))).not.toBe(a);
    expect(await awardOf('not json')).toBe(await awardOf(JSON.stringify({ id: 'x' })));
  });
});
