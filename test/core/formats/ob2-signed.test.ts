import { describe, expect, it } from 'vitest';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { assertion, BADGE, CTX, ISSUER, KEY, makeIssuer, NOW, rawJws, signJws } from './ob2-fixtures.ts';

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

describe('OB 2.0 signed', () => {
  it('verifies a signed assertion whose key the hosted issuer lists; mixed-case addresses match', async () => {
    const { web, privateKey } = await makeIssuer();
    const jws = await signJws(await assertion(), privateKey);
    const r = await verify(jws, { fetch: web.fetch, now: NOW, identities: ['Ada@Example.ORG'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.format).toBe('ob2.0-signed');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(check(r, 'hosted')?.outcome).toBe('skipped');
    expect(r.recipient).toBe('Ada@Example.ORG');
    expect(r.badge?.name).toBe('Safe Lifting');
    expect(r.badge?.issuer.name).toBe('Test Issuer');
  });

  it('fails alg none without looking for a key', async () => {
    const { web } = await makeIssuer();
    const r = await verify(rawJws({ alg: 'none' }, await assertion(), new Uint8Array([1])), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(web.requested).not.toContain(KEY);
  });

  it('fails an HMAC signature keyed with the issuer public key (algorithm confusion)', async () => {
    const { web, pem } = await makeIssuer();
    const secret = new TextEncoder().encode(pem);
    const jws = await new SignJWT(await assertion()).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
  });

  it('fails issuer-key when the creator is a key the issuer profile does not list', async () => {
    const { web, privateKey } = await makeIssuer();
    const rogue = 'https://issuer.test/rogue-key.json';
    web.json(rogue, { '@context': CTX, type: 'CryptographicKey', id: rogue, owner: ISSUER, publicKeyPem: 'x' });
    const jws = await signJws(await assertion({ verification: { type: 'SignedBadge', creator: rogue } }), privateKey);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    // The signature is still checked against the key it names (here an unusable PEM: nothing to check with).
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });

  it('still reports a signature that holds under a key the issuer does not list', async () => {
    const { web } = await makeIssuer();
    const rogueKey = await generateKeyPair('RS256', { extractable: true });
    const rogue = 'https://issuer.test/rogue-key.json';
    web.json(rogue, { '@context': CTX, type: 'CryptographicKey', id: rogue, owner: ISSUER, publicKeyPem: await exportSPKI(rogueKey.publicKey) });
    const jws = await signJws(await assertion({ verification: { type: 'SignedBadge', creator: rogue } }), rogueKey.privateKey);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'fail', code: 'ERR_KEY_NOT_OWNED' });
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('invalid');
  });

  it('does not trust a publicKey from an embedded issuer: only the hosted profile counts', async () => {
    const { web, privateKey } = await makeIssuer();
    const other = 'https://issuer.test/other-key.json';
    const embedded = { id: BADGE, type: 'BadgeClass', name: 'X', issuer: { id: ISSUER, type: 'Issuer', name: 'T', publicKey: other } };
    const jws = await signJws(await assertion({ badge: embedded, verification: { type: 'SignedBadge', creator: other } }), privateKey);
    const r = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(check(r, 'issuer-key')?.outcome).toBe('fail');
  });

  it('fails a tampered payload', async () => {
    const { web, privateKey } = await makeIssuer();
    const [h, , s] = (await signJws(await assertion(), privateKey)).split('.');
    const forged = Buffer.from(JSON.stringify(await assertion({ issuedOn: '2024-01-01T00:00:00Z' }))).toString('base64url');
    const r = await verify(`${h}.${forged}.${s}`, { fetch: web.fetch, now: NOW });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });

  it.each([
    ['a string entry', 'urn:uuid:00000000-0000-4000-8000-00000000000a'],
    ['an {id} entry', 'urn:uuid:00000000-0000-4000-8000-00000000000b'],
  ])('is revoked when the issuer revocationList holds it as %s', async (_, id) => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    const r = await verify(await signJws(await assertion({ id }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it('matches a legacy {uid} revocation entry', async () => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    const r = await verify(await signJws(await assertion({ uid: 'legacy-3' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome).toBe('fail');
  });

  it('is indeterminate when the revocation list cannot be fetched', async () => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    web.pages.delete('https://issuer.test/revocations.json');
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('fails expired and not-yet-valid assertions against the injected clock', async () => {
    const { web, privateKey } = await makeIssuer();
    const expired = await verify(await signJws(await assertion({ expires: '2026-01-01T00:00:00Z' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(expired, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    const future = await verify(await signJws(await assertion({ issuedOn: '2027-01-01T00:00:00Z' }), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(future, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
    const later = await verify(await signJws(await assertion({ expires: '2026-01-01T00:00:00Z' }), privateKey), { fetch: web.fetch, now: new Date('2025-06-01T00:00:00Z') });
    expect(later.verdict).toBe('valid');
  });

  it('fails the recipient check for someone else, and skips it when no address is given', async () => {
    const { web, privateKey } = await makeIssuer();
    const jws = await signJws(await assertion(), privateKey);
    const other = await verify(jws, { fetch: web.fetch, now: NOW, identities: ['bob@example.org'] });
    expect(check(other, 'recipient')).toMatchObject({ outcome: 'fail', code: 'ERR_RECIPIENT_MISMATCH' });
    const none = await verify(jws, { fetch: web.fetch, now: NOW });
    expect(check(none, 'recipient')?.outcome).toBe('skipped');
    expect(none.recipient).toBeNull();
  });

  it('is indeterminate, not invalid, when the issuer profile cannot be fetched', async () => {
    const { web, privateKey } = await makeIssuer();
    web.pages.delete(ISSUER);
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'issuer-key')?.outcome).toBe('indeterminate');
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });
});
