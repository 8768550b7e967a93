/**
 * OB 3.0: the status list is fetched while the credential's proof is checked (ob3-data-integrity.ts
 * laterChecks) or while a VC-JWT's key is fetched (ob3-jwt.ts), and counts only when the proof holds.
 */
import { gzipSync } from 'node:zlib';
import { CompactSign } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { controllerDocument, credential, generateSigner, signCredential, signedStatusList } from '../proofs/support.ts';

const LIST = 'https://issuer.example/status/7';
const NOW = new Date('2026-11-26T00:00:00Z');
const encoded = (set: number[]) => {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return `u${Buffer.from(gzipSync(b)).toString('base64url')}`;
};
const entry = (index: number) => ({ credentialStatus: { id: `${LIST}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST } });

const subtle = globalThis.crypto.subtle;
const original = subtle.verify;
afterEach(() => {
  subtle.verify = original;
});

describe('OB 3.0 Data Integrity: the status worked out while the proof is checked', () => {
  it('asks for the status list before WebCrypto has answered for the proof, then reports it', async () => {
    const signer = await generateSigner();
    const web = new FakeWeb().json(LIST, await signedStatusList(signer, LIST, encoded([3])));
    const revoked = JSON.stringify(await signCredential(credential(signer.did, entry(3)), signer));
    const kept = JSON.stringify(await signCredential(credential(signer.did, entry(4)), signer));
    // Every WebCrypto verify waits until released; what was fetched meanwhile is recorded.
    const held: (() => void)[] = [];
    const fetchedWhileHeld: string[][] = [];
    subtle.verify = ((...args: Parameters<SubtleCrypto['verify']>) => {
      fetchedWhileHeld.push([...web.requested]);
      return new Promise<void>((r) => held.push(r)).then(() => original.apply(subtle, args));
    }) as SubtleCrypto['verify'];
    const pending = verify(revoked, { fetch: web.fetch, now: NOW });
    while (held.length === 0) await new Promise((r) => setTimeout(r, 5));
    // The first verify asked for is the credential's own proof: the list was already asked for.
    expect(fetchedWhileHeld[0]).toContain(LIST);
    const release = setInterval(() => held.splice(0).forEach((r) => r()), 2);
    try {
      const r = await pending;
      expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('pass');
      expect(r.checks.find((c) => c.id === 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
      expect(r.verdict).toBe('invalid');
      const ok = await verify(kept, { fetch: web.fetch, now: NOW });
      expect(ok.verdict, JSON.stringify(ok.checks)).toBe('valid');
      expect(ok.checks.find((c) => c.id === 'revocation')?.outcome).toBe('pass');
    } finally {
      clearInterval(release);
    }
  });

  it('a broken proof is reported as such, with no status from the work done meanwhile', async () => {
    const signer = await generateSigner();
    const signed = await signCredential(credential(signer.did, entry(4)), signer);
    const tampered = JSON.stringify({ ...signed, name: 'Something else' });
    const r = await verify(tampered, { fetch: new FakeWeb().fetch, now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('fail');
    expect(r.checks.find((c) => c.id === 'revocation')?.outcome).toBe('skipped');
    expect(r.checks.find((c) => c.id === 'validity')?.outcome).toBe('skipped');
    expect(r.verdict).toBe('invalid');
  });

  it('a VC-JWT whose kid is a did:web key: the list is asked for before the DID document answers', async () => {
    const signer = await generateSigner();
    const did = 'did:web:issuer.example';
    const kid = `${did}#${signer.multibase}`;
    const web = new FakeWeb()
      .json('https://issuer.example/.well-known/did.json', controllerDocument(did, [signer]))
      .json(LIST, await signedStatusList(signer, LIST, encoded([3])));
    const token = async (index: number) => {
      const c = credential(did, entry(index));
      const payload = { ...c, iss: did, jti: c.id, nbf: Date.parse(c.validFrom as string) / 1000, sub: 'did:example:learner' };
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid }).sign(signer.privateKey);
    };
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetch: typeof web.fetch = async (url, init) => {
      if (url.startsWith('https://issuer.example/.well-known/did.json')) await gate;
      return web.fetch(url, init);
    };
    const pending = verify(await token(3), { fetch, now: NOW });
    await new Promise((r) => setTimeout(r, 20));
    expect(web.requested).toContain(LIST);
    release();
    const r = await pending;
    expect(r.checks.find((c) => c.id === 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('pass');
    expect(r.checks.find((c) => c.id === 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect((await verify(await token(4), { fetch: web.fetch, now: NOW })).verdict).toBe('valid');
  });
});
