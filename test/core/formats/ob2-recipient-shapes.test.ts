/** OB 2.0 / OB 3.0 IdentityObjects as real issuers write them, beyond the conformance corpus. */
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { isHashedIdentity } from '../../../src/core/verify/recipient.ts';
import { generateSigner, signCredential } from '../../../src/core/proofs/sign.ts';
import { assertion, makeIssuer, NOW, sha256Identity } from './ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/7.json';
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

async function hostedWith(recipient: Record<string, unknown>) {
  const { web } = await makeIssuer();
  const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, recipient });
  web.json(HOSTED, a);
  return (ids: string[]) => verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities: ids });
}

describe('IdentityObject.hashed written as a string', () => {
  it('reads "true" / "True" as hashed, so the hash is compared, not the text', async () => {
    for (const flag of ['true', 'True', ' TRUE ']) {
      const run = await hostedWith({ type: 'email', hashed: flag, salt: 'pepper', identity: await sha256Identity('ada@example.org', 'pepper') });
      const r = await run(['ada@example.org']);
      expect(check(r, 'structure')?.outcome, JSON.stringify(r.checks)).toBe('pass');
      expect(check(r, 'recipient')?.outcome, flag).toBe('pass');
      expect(r.verdict).toBe('valid');
      expect(check(await run(['eve@example.org']), 'recipient')?.outcome).toBe('fail');
    }
  });

  it('still fails the structure of a "hashed": "true" identity that is not a hash', async () => {
    const run = await hostedWith({ type: 'email', hashed: 'true', identity: 'ada@example.org' });
    expect(check(await run([]), 'structure')?.outcome).toBe('fail');
  });

  it('decides from the flag first, then from the alg$hex shape', () => {
    expect(isHashedIdentity(true, 'ada@example.org')).toBe(true);
    expect(isHashedIdentity('false', 'sha256$00')).toBe(false);
    expect(isHashedIdentity(undefined, 'SHA256$ABCDEF')).toBe(true);
    expect(isHashedIdentity(null, 'ada@example.org')).toBe(false);
  });

  it('reads an OB 3.0 identifier with hashed "true" as a hash', async () => {
    const s = await generateSigner();
    const c = await signCredential({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:0b0e3f1c-2d5a-4c8e-9f6b-3a1d2c4e5f60',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: s.did, type: ['Profile'], name: 'Issuer' },
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: 'true', salt: 'Kosher', identityHash: await sha256Identity('a@example.com', 'Kosher') }],
        achievement: { id: 'https://example.com/a', type: ['Achievement'], name: 'A', description: 'd', criteria: { narrative: 'n' } },
      },
    }, s);
    const r = await verify(JSON.stringify(c), { now: NOW, identities: ['A@example.com'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.recipient).toBe('A@example.com');
  });
});

describe('OB 3.0 subject id as a web address', () => {
  it('is compared with the user\'s URL identities', async () => {
    const s = await generateSigner();
    const c = await signCredential({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:0b0e3f1c-2d5a-4c8e-9f6b-3a1d2c4e5f61',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: s.did,
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: 'https://ada.example.org/me',
        type: ['AchievementSubject'],
        achievement: { id: 'https://example.com/a', type: ['Achievement'], name: 'A', description: 'd', criteria: { narrative: 'n' } },
      },
    }, s);
    const mine = await verify(JSON.stringify(c), { now: NOW, identities: ['https://ada.example.org/me'] });
    expect(mine.verdict, JSON.stringify(mine.checks)).toBe('valid');
    expect(mine.recipient).toBe('https://ada.example.org/me');
    const other = await verify(JSON.stringify(c), { now: NOW, identities: ['https://eve.example.org/'] });
    expect(check(other, 'recipient')?.outcome).toBe('fail');
  });
});

describe('IdentityObject with hashed false but an alg$hex identity (hostile40)', () => {
  // VCORE validation.py calls a hash with hashed:false an error of the issuer's; its hash of the
  // user's address is still of the user's address: not "issued to someone else".
  it('compares the hash it is: the user\'s address matches, another does not', async () => {
    for (const flag of [false, 'false', 'False', 0]) {
      const run = await hostedWith({ type: 'email', hashed: flag, salt: 'pepper', identity: await sha256Identity('ada@example.org', 'pepper') });
      const mine = await run(['ada@example.org']);
      expect(check(mine, 'recipient')?.outcome, String(flag)).toBe('pass');
      expect(check(await run(['eve@example.org']), 'recipient')?.outcome, String(flag)).toBe('fail');
    }
  });
});
