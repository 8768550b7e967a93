/**
 * An outside review of the OB 2.0 verdicts against ob_v2p0/index.md §Verification (HostedBadge and
 * SignedBadge Verification, VerificationObject, CryptographicKey, IdentityHash) and the 1EdTech
 * reference validator (openbadges-validator-core, hosted_id_in_verification_scope), one crafted
 * badge per rule.
 */
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../../src/core/verify/md5.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { BADGE, CTX, ISSUER, KEY, NOW, REVOCATIONS, assertion, makeIssuer, sha256Identity, signJws } from '../formats/ob2-fixtures.ts';

type Result = Awaited<ReturnType<typeof verify>>;
const check = (r: Result, id: string) => r.checks.find((c) => c.id === id);
const show = (r: Result) => JSON.stringify(r.checks, null, 1);

describe('review: OB 2.0 SignedBadge Verification (steps 1-8)', () => {
  it('step 7: listed in the issuer revocationList → invalid; list unreachable → indeterminate', async () => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    const revoked = await signJws(await assertion({ id: 'urn:uuid:00000000-0000-4000-8000-00000000000b' }), privateKey);
    const r = await verify(revoked, { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
    web.pages.delete(REVOCATIONS);
    const u = await verify(revoked, { fetch: web.fetch, now: NOW });
    expect(check(u, 'revocation')?.outcome, show(u)).toBe('indeterminate');
    expect(u.verdict).toBe('indeterminate');
  });

  it('a legitimate JWS algorithm other than RS256 (PS256, ES256) is unchecked, not forged (none and HS256 still fail: ob2-signed.test.ts)', async () => {
    const { web } = await makeIssuer();
    for (const alg of ['PS256', 'ES256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      // The issuer's key at its creator address is the one that signed (an RSA key there makes no ES256 signature: ob2-signed-alg-swap.test.ts).
      web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: await exportSPKI(publicKey) });
      const r = await verify(await signJws(await assertion(), privateKey, { alg }), { fetch: web.fetch, now: NOW });
      expect(check(r, 'signature'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
      expect(check(r, 'revocation')?.outcome, alg).toBe('pass');
      expect(r.verdict).toBe('indeterminate');
    }
  });

  it('step 4: a key whose CryptographicKey names another owner is not confirmed as the issuer\'s (§CryptographicKey: two-way owner/publicKey link)', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: 'https://someone-else.test/issuer.json', publicKeyPem: pem });
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome, show(r)).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('step 4: the owner naming the issuer (or absent, or with a trailing slash or fragment) still binds', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    const jws = await signJws(await assertion(), privateKey);
    expect((await verify(jws, { fetch: web.fetch, now: NOW })).verdict).toBe('valid');
    for (const owner of [`${ISSUER}/`, `${ISSUER}#me`, ISSUER.replace('issuer.test', 'ISSUER.test')]) {
      web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner, publicKeyPem: pem });
      expect((await verify(jws, { fetch: web.fetch, now: NOW })).verdict, owner).toBe('valid');
    }
    web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, publicKeyPem: pem });
    expect((await verify(jws, { fetch: web.fetch, now: NOW })).verdict).toBe('valid');
  });

  it('an issuer profile that declares another id than the badge class names does not vouch for the key', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    web.json(ISSUER, { '@context': CTX, type: 'Issuer', id: 'https://university.test/issuer.json', name: 'University', url: 'https://university.test', email: 'x@university.test', publicKey: KEY });
    web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, publicKeyPem: pem });
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).not.toBe('valid');
  });
});

describe('review: OB 2.0 HostedBadge Verification', () => {
  const HOSTED = 'https://issuer.test/assertions/1.json';
  const hosted = async (o: Record<string, unknown> = {}) => assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, ...o });

  it('the fetched assertion is the source of truth: a given copy that claims another recipient reads as the hosted one', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted({ recipient: { type: 'email', hashed: false, identity: 'bob@example.org' } }));
    const given = await hosted({ recipient: { type: 'email', hashed: false, identity: 'ada@example.org' } });
    const r = await verify(JSON.stringify(given), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(check(r, 'recipient')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
    expect(r.badge?.recipients[0]?.identity).toBe('bob@example.org');
  });

  it('the given copy altered (name, dates) does not change what is verified', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted({ expires: '2026-01-01T00:00:00Z' }));
    const r = await verify(JSON.stringify(await hosted({ expires: '2030-01-01T00:00:00Z' })), { fetch: web.fetch, now: NOW });
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });

  it('VerificationObject: startsWith and allowedOrigins both declared must both hold (VCORE hosted_id_in_verification_scope)', async () => {
    const inside = 'https://badges.cdn.test/issuer/1.json';
    const both = await makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://badges.cdn.test/issuer/', allowedOrigins: 'issuer.test' } });
    both.web.json(inside, await hosted({ id: inside }));
    const r = await verify(JSON.stringify(await hosted({ id: inside })), { fetch: both.web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, show(r)).toBe('fail');
    const agree = await makeIssuer({ verification: { type: 'VerificationObject', startsWith: 'https://badges.cdn.test/issuer/', allowedOrigins: ['badges.cdn.test'] } });
    agree.web.json(inside, await hosted({ id: inside }));
    expect((await verify(JSON.stringify(await hosted({ id: inside })), { fetch: agree.web.fetch, now: NOW })).verdict).toBe('valid');
  });

  it('an issuer profile that declares another id does not say where the issuer\'s badges may be hosted', async () => {
    const EVIL = 'https://evil.test';
    const { web } = await makeIssuer();
    const a = await hosted({ id: `${EVIL}/a.json`, badge: `${EVIL}/badge.json` });
    web.json(`${EVIL}/a.json`, a)
      .json(`${EVIL}/badge.json`, { '@context': CTX, type: 'BadgeClass', id: `${EVIL}/badge.json`, name: 'Forged', description: 'd', image: `${EVIL}/b.png`, criteria: `${EVIL}/c`, issuer: `${EVIL}/issuer.json` })
      .json(`${EVIL}/issuer.json`, { '@context': CTX, type: 'Issuer', id: 'https://university.test/issuer.json', name: 'University', url: 'https://university.test', email: 'a@university.test', verification: { allowedOrigins: 'evil.test' } });
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'hosted')?.outcome, show(r)).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('allowedOrigins is a host name: another port or a look-alike host is outside', async () => {
    const { web } = await makeIssuer({ verification: { allowedOrigins: ['issuer.test'] } });
    for (const id of ['https://issuer.test.evil.test/a.json', 'https://evil.test/issuer.test/a.json']) {
      web.json(id, await hosted({ id }));
      const r = await verify(JSON.stringify(await hosted({ id })), { fetch: web.fetch, now: NOW });
      expect(check(r, 'hosted')?.outcome, id).toBe('fail');
    }
  });
});

describe('review: OB 2.0 IdentityHash (sha256$ / md5$ of identity ‖ salt)', () => {
  const HOSTED = 'https://issuer.test/assertions/2.json';
  async function withRecipient(recipient: Record<string, unknown>, identities: string[]) {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, recipient });
    web.json(HOSTED, a);
    return verify(JSON.stringify(a), { fetch: web.fetch, now: NOW, identities });
  }
  const md5 = (s: string) => md5Hex(new TextEncoder().encode(s));

  it.each<[string, () => Promise<Record<string, unknown>>, string, 'pass' | 'fail']>([
    ['sha256 with salt', async () => ({ type: 'email', hashed: true, salt: 'pepper', identity: await sha256Identity('ada@example.org', 'pepper') }), 'ada@example.org', 'pass'],
    ['sha256 without salt', async () => ({ type: 'email', hashed: true, identity: await sha256Identity('ada@example.org', '') }), 'ada@example.org', 'pass'],
    ['sha256 upper-case hex', async () => ({ type: 'email', hashed: true, salt: 's', identity: (await sha256Identity('ada@example.org', 's')).replace(/[0-9a-f]+$/, (h) => h.toUpperCase()) }), 'ada@example.org', 'pass'],
    ['md5 with salt', async () => ({ type: 'email', hashed: true, salt: 's', identity: `md5$${await md5('ada@example.orgs')}` }), 'ada@example.org', 'pass'],
    ['md5 without salt, user types upper case', async () => ({ type: 'email', hashed: true, identity: `md5$${await md5('ada@example.org')}` }), 'Ada@Example.org', 'pass'],
    ['plain e-mail, other case', async () => ({ type: 'email', hashed: false, identity: 'ADA@example.org' }), 'ada@example.org', 'pass'],
    ['sha256 of someone else', async () => ({ type: 'email', hashed: true, salt: 's', identity: await sha256Identity('bob@example.org', 's') }), 'ada@example.org', 'fail'],
    ['the salt left out by the verifier would not match', async () => ({ type: 'email', hashed: true, salt: 'pepper', identity: await sha256Identity('ada@example.org', '') }), 'ada@example.org', 'fail'],
  ])('%s', async (_, recipient, mine, want) => {
    const r = await withRecipient(await recipient(), [mine]);
    expect(check(r, 'recipient')?.outcome, show(r)).toBe(want);
  });
});

describe('review: OB 2.0 revocation for hosted badges', () => {
  it('the issuer revocationList applies to hosted assertions too', async () => {
    const HOSTED = 'https://issuer.test/assertions/3.json';
    const { web } = await makeIssuer({ revocationList: true });
    web.json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [{ id: HOSTED, revocationReason: 'Mistake' }] });
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, badge: BADGE });
    web.json(HOSTED, a);
    const r = await verify(JSON.stringify(a), { fetch: web.fetch, now: NOW });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });
});

describe('review: the OB 2.0 signing key (§SignedBadge Verification step 4, §CryptographicKey)', () => {
  it('the JWS header\'s own kid and jwk are never used: a badge signed by another key fails under the issuer\'s', async () => {
    const { web } = await makeIssuer();
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const { exportJWK } = await import('jose');
    web.json('https://evil.test/key.json', { '@context': CTX, type: 'CryptographicKey', id: 'https://evil.test/key.json', owner: ISSUER, publicKeyPem: 'x' });
    const r = await verify(await signJws(await assertion(), privateKey, { alg: 'RS256', kid: 'https://evil.test/key.json', jwk: await exportJWK(publicKey) }), { fetch: web.fetch, now: NOW });
    expect(check(r, 'signature')?.outcome, show(r)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('a CryptographicKey that says it is revoked or expired vouches for nothing: not valid, not called forged', async () => {
    // OB 2.0 defines no such member; its CryptographicKey is the security vocabulary's Key (sec:revoked, sec:expiration).
    const { web, privateKey, pem } = await makeIssuer();
    const jws = await signJws(await assertion(), privateKey);
    for (const said of [{ revoked: true }, { revoked: '2025-06-01T00:00:00Z' }, { expires: '2026-01-01T00:00:00Z' }]) {
      web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: pem, ...said });
      const r = await verify(jws, { fetch: web.fetch, now: NOW });
      expect(check(r, 'signature')?.outcome, JSON.stringify(said)).toBe('pass');
      expect(check(r, 'issuer-key')?.outcome, show(r)).toBe('indeterminate');
    }
    for (const said of [{ revoked: false }, { expires: '2030-01-01T00:00:00Z' }]) {
      web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: pem, ...said });
      expect((await verify(jws, { fetch: web.fetch, now: NOW })).verdict, JSON.stringify(said)).toBe('valid');
    }
  });

  it('a revoked key embedded in the hosted profile vouches for nothing either', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    web.json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', publicKey: [{ id: KEY, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: pem, revoked: true }] });
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(check(r, 'issuer-key')?.outcome, show(r)).toBe('indeterminate');
  });
});
