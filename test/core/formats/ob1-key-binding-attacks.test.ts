/**
 * Adversarial OB 1.x signed badges: the key at verify.url is the issuer's only when it is served from
 * the issuer's own site (ob2-signed.ts bindLegacyKey). These try to have a key read elsewhere, or
 * over a channel anyone on the network path can answer, bound to the issuer.
 */
import { createHash } from 'node:crypto';
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { NOW, sha256Identity, signJws } from './ob2-fixtures.ts';

const O = 'https://issuer.test';
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);

/**
 * An OB 1.0 issuer organization at `${O}/org.json` (no keys), its badge class, and a key served at
 * `keyAt`: the PEM, or (`asKey`) a CryptographicKey document holding it with those members.
 */
async function signedWithKeyAt(keyAt: string, asKey?: Record<string, unknown>) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportSPKI(publicKey);
  const web = new FakeWeb()
    .json(`${O}/org.json`, { name: 'Org', url: O, email: 'badges@issuer.test' })
    .json(`${O}/badge.json`, { name: 'Legacy', description: 'd', image: `${O}/b.png`, criteria: `${O}/c`, issuer: `${O}/org.json` });
  if (asKey) web.json(keyAt, { '@context': 'https://w3id.org/openbadges/v2', id: keyAt, type: 'CryptographicKey', publicKeyPem: pem, ...asKey });
  else web.status(keyAt, 200, pem);
  const a = {
    uid: 'abc-1',
    recipient: { type: 'email', hashed: true, salt: 's', identity: await sha256Identity('ada@example.org', 's') },
    badge: `${O}/badge.json`,
    verify: { type: 'signed', url: keyAt },
    issuedOn: 1359217910,
  };
  return verify(await signJws(a, privateKey), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
}

describe('OB 1.x: binding the key at verify.url to the issuer\'s site', () => {
  it('a key read over plain http while the issuer\'s document is https is not bound: anyone on the path could have served it', async () => {
    const r = await signedWithKeyAt('http://issuer.test/public.pem');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED' });
    expect(r.verdict).toBe('indeterminate');
  });

  it.each([
    ['another port', 'https://issuer.test:8443/public.pem'],
    ['a trailing dot', 'https://issuer.test./public.pem'],
    ['a subdomain', 'https://keys.issuer.test/public.pem'],
    ['a look-alike suffix', 'https://issuer.test.evil.test/public.pem'],
  ])('a key on %s is not bound', async (_, keyAt) => {
    const r = await signedWithKeyAt(keyAt);
    expect(check(r, 'issuer-key')?.outcome, JSON.stringify(r.checks)).not.toBe('pass');
    expect(r.verdict).not.toBe('valid');
  });

  it.each<[string, Record<string, unknown>]>([
    ['names another owner (a tenant\'s key on a shared host)', { owner: `${O}/other-org.json` }],
    ['says it is revoked', { revoked: true }],
    ['expired', { expires: '2020-01-01T00:00:00Z' }],
  ])('a CryptographicKey on the issuer\'s host that %s is not bound to the issuer', async (_, members) => {
    // OB 2.0 §CryptographicKey: owner names the profile the key belongs to; the same rule keysOf
    // applies to a listed key (ob2-key-read.ts withdrawnBy for revoked and expired).
    const r = await signedWithKeyAt(`${O}/keys/1.json`, members);
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'issuer-key'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED' });
    expect(r.verdict).toBe('indeterminate');
    // Its own owner, not withdrawn: bound as a PEM on the host is.
    expect(check(await signedWithKeyAt(`${O}/keys/1.json`, { owner: `${O}/org.json` }), 'issuer-key')?.outcome).toBe('pass');
  });

  it.each([
    ['another site', 'https://evil.test/key.pem'],
    ['plain http on the issuer\'s host', 'http://issuer.test/public.pem'],
  ])('a key at verify.url on the issuer\'s host that redirects to %s is not read there', async (_, target) => {
    // fetch-once.ts: a redirect off the site (or down from https) is not followed.
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const web = new FakeWeb()
      .json(`${O}/org.json`, { name: 'Org', url: O, email: 'badges@issuer.test' })
      .json(`${O}/badge.json`, { name: 'Legacy', description: 'd', image: `${O}/b.png`, criteria: `${O}/c`, issuer: `${O}/org.json` })
      .status(target, 200, await exportSPKI(publicKey));
    const fetch = async (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response> => {
      if (url !== `${O}/public.pem`) return web.fetch(url, init);
      const res = await web.fetch(target, init);
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: target });
      return res;
    };
    const a = { uid: 'abc-1', recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: `${O}/badge.json`, verify: { type: 'signed', url: `${O}/public.pem` }, issuedOn: 1359217910 };
    const r = await verify(await signJws(a, privateKey), { fetch, now: NOW, identities: ['ada@example.org'] });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(check(r, 'signature')?.message).toMatch(/redirects to another site/);
    expect(r.verdict).toBe('indeterminate');
  });

  it('userinfo in the key URL does not change the site it is read from: bound, as on the issuer\'s host', async () => {
    // https://evil@issuer.test/ is fetched from issuer.test (RFC 3986 §3.2.1): the issuer's host served it.
    const r = await signedWithKeyAt('https://evil.test@issuer.test/public.pem');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
  });
});

/** X.690 DER: a definite length, then an element. */
const derLength = (n: number): number[] => {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v >>= 8) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
};
const der = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag, ...derLength(body.length)]), body]);
const derInt = (hex: string): Buffer => {
  const b = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  return der(0x02, b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
};

describe('OB 1.x: a PKCS #1 key at verify.url that vouches for nothing', () => {
  it('an RSA key with public exponent 1 (every padded hash its own signature) verifies nothing, even on the issuer\'s site', async () => {
    // RFC 8017 §3.1: e is odd and at least 3. Under e = 1, s^e mod n = s: whoever writes the
    // EMSA-PKCS1-v1_5 encoding (§9.2) of a message's hash as its signature has "signed" it.
    const n = (1n << 2047n) | 0xabcdefn;
    const pkcs1 = der(0x30, Buffer.concat([derInt(n.toString(16)), derInt('01')]));
    const pem = `-----BEGIN RSA PUBLIC KEY-----\n${pkcs1.toString('base64')}\n-----END RSA PUBLIC KEY-----`;
    const keyAt = `${O}/public.pem`;
    const web = new FakeWeb()
      .json(`${O}/org.json`, { name: 'Org', url: O, email: 'badges@issuer.test' })
      .json(`${O}/badge.json`, { name: 'Legacy', description: 'd', image: `${O}/b.png`, criteria: `${O}/c`, issuer: `${O}/org.json` })
      .status(keyAt, 200, pem);
    const b64u = (s: string) => Buffer.from(s).toString('base64url');
    const forged = { uid: 'forged-1', recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' }, badge: `${O}/badge.json`, verify: { type: 'signed', url: keyAt }, issuedOn: 1359217910 };
    const input = `${b64u(JSON.stringify({ alg: 'RS256' }))}.${b64u(JSON.stringify(forged))}`;
    const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), createHash('sha256').update(input).digest()]);
    const em = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(256 - 3 - digestInfo.length, 0xff), Buffer.from([0]), digestInfo]);
    const r = await verify(`${input}.${em.toString('base64url')}`, { fetch: web.fetch, now: NOW, identities: ['mallory@example.org'] });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).not.toBe('pass');
    expect(r.verdict).not.toBe('valid');
  });
});
