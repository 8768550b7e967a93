/**
 * Adversarial SD-JWT inputs (RFC 9901): what a holder, or whoever relays the badge, can do to an
 * issuer's SD-JWT to make Lanyard call it valid when what the issuer signed does not say so.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { disclose } from '../../../src/core/formats/sd-jwt.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { gzipSync } from 'node:zlib';
import { credential, makeKey, NOW, sign, type TestKey } from '../keys/jwt-fixtures.ts';
import { generateSigner, signedStatusList } from '../proofs/support.ts';
import { FakeWeb } from '../../support/fake-web.ts';

const disclosure = (...parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');
const digest = (d: string): string => createHash('sha256').update(d).digest('base64url');
const sdJwt = (jwt: string, ...disclosures: string[]): string => `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
const run = async (text: string, identities: string[] = []) => {
  const r = await verify(new TextEncoder().encode(text), { now: NOW, identities, fetch: () => Promise.reject(new Error('offline')) });
  return { ...r, check: (id: string) => r.checks.find((c) => c.id === id) };
};
const didKey = async (): Promise<TestKey & { did: string; multibase: string }> => {
  const k = await makeKey('ES256');
  if (!k.did || !k.multibase) throw new Error('no did:key');
  return { ...k, did: k.did, multibase: k.multibase };
};
const issuerOf = (k: { did: string }) => ({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
const STATUS = { id: 'https://issuer.test/status/1#5', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: 'https://issuer.test/status/1' };
const EXPIRY = disclosure('salt-exp', 'validUntil', '2026-01-01T00:00:00Z');
const STATUS_D = disclosure('salt-status', 'credentialStatus', STATUS);

describe('SD-JWT attacks', () => {
  it('the issuer JWT sent alone, without its ~: what it hides behind digests is still withheld, never valid', async () => {
    // The issuer made the expiry and the status selectively disclosable; the holder strips every
    // disclosure and the ~, and sends the issuer JWT as a plain VC-JWT (typ JWT, as walt.id writes it).
    const k = await didKey();
    const payload = { ...credential(issuerOf(k)), _sd: [digest(EXPIRY), digest(STATUS_D)], _sd_alg: 'sha-256' };
    const jwt = await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'JWT' });
    const r = await run(jwt);
    expect(r.verdict, JSON.stringify(r.checks)).not.toBe('valid');
    expect(r.check('validity')?.outcome).toBe('indeterminate');
    expect(r.check('revocation')?.outcome).toBe('indeterminate');
    // As an SD-JWT with nothing disclosed it says the same.
    const sd = await run(`${jwt}~`);
    expect(sd.verdict).toBe('indeterminate');
  });

  it('disclosures chained thousands deep (each in the one before) end as a verdict that says so, not a stack overflow called forgery', async () => {
    // Every disclosure is the issuer's (its digest is in the one that holds it): nothing is forged,
    // the credential is only deeper than Lanyard reads any JSON (input/json.ts MAX_JSON_DEPTH).
    const chain = (n: number) => {
      let inner: unknown = 'leaf';
      const ds: string[] = [];
      for (let i = 0; i < n; i++) {
        const d = disclosure(`salt-${i}`, 'x', inner);
        ds.push(d);
        inner = { _sd: [digest(d)] };
      }
      return { top: inner as Record<string, unknown>, ds };
    };
    for (const n of [150, 20000]) {
      const { top, ds } = chain(n);
      const out = disclose(top, ds);
      expect(out, `${n} deep`).toMatchObject({ ok: false, reason: 'unsupported' });
      expect((out as { message: string }).message).toMatch(/deeper than 100 levels/);
    }
    // Signed, end to end: unsettled, never valid nor a crash.
    const k = await didKey();
    const { top, ds } = chain(20000);
    const payload = { ...credential(issuerOf(k)), evidence: [top] };
    const r = await run(sdJwt(await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' }), ...ds));
    expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(r.check('signature')?.outcome).toBe('indeterminate');
  });

  it('a status list entry withheld beside one shown: the shown one settles nothing of the other, never valid', async () => {
    // The issuer lists two entries and makes each selectively disclosable; the holder shows the one
    // whose bit is clear and withholds the one whose bit is set (revoked).
    const signer = await generateSigner();
    const LIST = 'https://issuer.test/status/1';
    const bits = new Uint8Array(16 * 1024);
    bits[0] = 0x04; // index 5, MSB first (Bitstring Status List §4.1)
    const web = new FakeWeb().json(LIST, await signedStatusList(signer, LIST, `u${Buffer.from(gzipSync(bits)).toString('base64url')}`));
    const at = (i: number) => ({ id: `${LIST}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: LIST });
    const shown = disclosure('salt-4', at(4));
    const hidden = disclosure('salt-5', at(5));
    const payload = { ...credential({ id: signer.did, type: ['Profile'], name: 'Key Issuer' }), validUntil: '2030-01-01T00:00:00Z', credentialStatus: [{ '...': digest(shown) }, { '...': digest(hidden) }], _sd_alg: 'sha-256' };
    const jwt = await sign(payload, { privateKey: signer.privateKey, alg: 'EdDSA' } as TestKey, { kid: signer.didMethod, typ: 'vc+sd-jwt' });
    const verifyWith = async (...ds: string[]) => {
      const r = await verify(new TextEncoder().encode(sdJwt(jwt, ...ds)), { now: NOW, identities: [], fetch: web.fetch });
      return { ...r, check: (id: string) => r.checks.find((c) => c.id === id) };
    };
    // Both shown: revoked, as the issuer's list says.
    const both = await verifyWith(shown, hidden);
    expect(both.check('revocation')?.outcome, JSON.stringify(both.checks)).toBe('fail');
    // The revoked one withheld: unknown, not 'not revoked'.
    const r = await verifyWith(shown);
    expect(r.check('revocation')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('a recipient identity withheld beside one shown: a user whose address is the withheld one is not told it is someone else\'s', async () => {
    // The issuer lists two addresses, each an array element disclosure (RFC 9901 §4.2.4.2); the one
    // shown is not the user's, the one withheld is. What is shown cannot say the badge is not theirs.
    const k = await didKey();
    const c = credential(issuerOf(k), { validUntil: '2030-01-01T00:00:00Z' });
    const subject = c.credentialSubject as Record<string, unknown>;
    delete subject.id;
    const email = (a: string) => ({ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: a });
    const shown = disclosure('salt-a', email('a@example.org'));
    const hidden = disclosure('salt-b', email('b@example.org'));
    subject.identifier = [{ '...': digest(shown) }, { '...': digest(hidden) }];
    const jwt = await sign({ ...c, _sd_alg: 'sha-256' }, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' });
    const r = await run(sdJwt(jwt, shown), ['b@example.org']);
    expect(r.check('recipient'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_RECIPIENT_WITHHELD' });
    expect(r.verdict).not.toBe('invalid');
    // Both shown, it is compared as any recipient is: B's, and not C's.
    expect((await run(sdJwt(jwt, shown, hidden), ['b@example.org'])).check('recipient')?.outcome).toBe('pass');
    expect((await run(sdJwt(jwt, shown, hidden), ['c@example.org'])).check('recipient')?.outcome).toBe('fail');
  });
});
