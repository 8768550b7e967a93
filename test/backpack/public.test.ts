/** The public OB 2.0 objects (Badgr's /public/...) and the OB 3.0 documents the credentials point at. */
import { gunzipSync } from 'node:zlib';
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPngText } from './crypto/png.ts';
import { useBackpack } from './helpers.ts';

const ctx = useBackpack();
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;

describe('/public/assertions/{id}', () => {
  it('answers OB 2.0 JSON-LD by default, application/json for Accept: application/json, HTML for a browser', async () => {
    let res = await fetch(url('/public/assertions/ada-programmer'), { headers: { accept: 'application/ld+json' } });
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    const a = await res.json();
    expect(a).toMatchObject({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: url('/public/assertions/ada-programmer'), badge: url('/public/badges/bc-programmer'), verification: { type: 'HostedBadge' } });
    res = await fetch(url('/public/assertions/ada-programmer'), { headers: { accept: 'application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    res = await fetch(url('/public/assertions/ada-programmer'), { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('og:image');
    res = await fetch(url('/public/assertions/ada-programmer.json'), { headers: { accept: 'text/html' } });
    expect((await res.json()).id).toBe(url('/public/assertions/ada-programmer'));
    // badgr-server's is_requesting_html: any Accept that contains */* or text/html gets the web app,
    // whatever its q-values or ?v= (Node's fetch sends */* when told nothing).
    for (const accept of ['*/*', 'application/ld+json, application/json;q=0.9, */*;q=0.1']) {
      for (const p of ['/public/assertions/ada-programmer', '/public/assertions/ada-programmer?v=2_0', '/public/badges/bc-programmer', '/public/issuers/iss-analytical']) {
        res = await fetch(url(p), { headers: { accept } });
        expect(res.headers.get('content-type'), `${accept} ${p}`).toContain('text/html');
      }
    }
  });

  it('embeds the badge class and its issuer on expand=badge.issuer', async () => {
    const a = await (await fetch(url('/public/assertions/ada-programmer?expand=badge&expand=badge.issuer'), { headers: { accept: 'application/ld+json' } })).json();
    expect(a.badge).toMatchObject({ type: 'BadgeClass', issuer: { type: 'Issuer', name: 'Analytical Society' } });
  });

  it('answers the minimal revoked form, 404 while pending, 404 when unknown', async () => {
    expect(await (await fetch(url('/public/assertions/ada-retired-revoked'), { headers: { accept: 'application/ld+json' } })).json()).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: url('/public/assertions/ada-retired-revoked'),
      revoked: true,
      revocationReason: 'Issued in error',
    });
    expect((await fetch(url('/public/assertions/ada-bernoulli-pending'))).status).toBe(404);
    expect((await fetch(url('/public/assertions/nope'))).status).toBe(404);
    expect((await fetch(url('/public/assertions/ada-retired-revoked/image'))).status).toBe(404);
  });

  it('bakes the assertion JSON into /image and /baked, and a signed badge\'s JWS', async () => {
    for (const p of ['/image', '/baked']) {
      const res = await fetch(url(`/public/assertions/ada-programmer${p}`));
      expect(res.headers.get('content-type')).toBe('image/png');
      const text = readPngText(Buffer.from(await res.arrayBuffer()), 'openbadges')!;
      expect(JSON.parse(text).id).toBe(url('/public/assertions/ada-programmer'));
    }
    const signed = readPngText(Buffer.from(await (await fetch(url('/public/assertions/ada-notes-signed/baked'))).arrayBuffer()), 'openbadges')!;
    expect(signed.split('.')).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(signed.split('.')[1]!, 'base64url').toString());
    expect(payload.verification).toEqual({ type: 'SignedBadge', creator: url('/public/issuers/iss-analytical/keys/1') });
  });
});

describe('badge classes, issuers, keys, revocation lists', () => {
  it('serves the BadgeClass, its image and criteria', async () => {
    const bc = await (await fetch(url('/public/badges/bc-programmer'), { headers: { accept: 'application/ld+json' } })).json();
    expect(bc).toMatchObject({ type: 'BadgeClass', name: 'Analytical Engine Programmer', issuer: url('/public/issuers/iss-analytical'), criteria: { narrative: expect.any(String) } });
    expect((await fetch(bc.image)).headers.get('content-type')).toBe('image/png');
    expect((await fetch(bc.criteria.id)).status).toBe(200);
  });

  it('serves the issuer with its CryptographicKey, which verifies the signed badge', async () => {
    const issuer = await (await fetch(url('/public/issuers/iss-analytical'), { headers: { accept: 'application/ld+json' } })).json();
    expect(issuer).toMatchObject({ type: 'Issuer', publicKey: url('/public/issuers/iss-analytical/keys/1'), revocationList: url('/public/issuers/iss-analytical/revocations') });
    const key = await (await fetch(issuer.publicKey)).json();
    expect(key).toMatchObject({ type: 'CryptographicKey', owner: issuer.id, publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    const jws = ctx.bp.control.stateForTests.badges.get('ada-notes-signed')!.compact!;
    const [h, p, s] = jws.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString()).alg).toBe('RS256');
    expect(verifySignature('sha256', Buffer.from(`${h}.${p}`), createPublicKey(key.publicKeyPem), Buffer.from(s!, 'base64url'))).toBe(true);
    expect((await fetch(url('/public/issuers/iss-engine-guild/keys/1'))).status).toBe(404);
  });

  it('lists revoked badges in the issuer\'s RevocationList', async () => {
    const list = await (await fetch(url('/public/issuers/iss-analytical/revocations'))).json();
    expect(list).toMatchObject({ type: 'RevocationList', issuer: url('/public/issuers/iss-analytical') });
    expect(list.revokedAssertions).toEqual([{ id: url('/public/assertions/ada-bernoulli-signed-revoked'), revocationReason: 'Superseded by a newer badge' }]);
    const guild = await (await fetch(url('/public/issuers/iss-engine-guild/revocations'))).json();
    expect(guild.revokedAssertions.map((r: { id: string }) => r.id)).toEqual([url('/public/assertions/ada-retired-revoked')]);
  });
});

describe('OB 3.0 documents', () => {
  it('serves the issuer profile listing its keys in verificationMethod and assertionMethod', async () => {
    const doc = await (await fetch(url('/ob3/issuers/1'))).json();
    expect(doc.id).toBe(url('/ob3/issuers/1'));
    expect(doc.assertionMethod).toEqual([url('/ob3/issuers/1#key-1'), url('/ob3/issuers/1/keys/eddsa'), url('/ob3/issuers/1/keys/es256')]);
    expect(doc.verificationMethod.map((m: { publicKeyMultibase: string }) => m.publicKeyMultibase.slice(0, 4))).toEqual(['z6Mk', 'z6Mk', 'zDna']);
  });

  it('serves each JWT key as a JWK at its kid', async () => {
    expect(await (await fetch(url('/ob3/issuers/1/keys/eddsa'))).json()).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: url('/ob3/issuers/1/keys/eddsa'), alg: 'EdDSA' });
    const ec = await (await fetch(url('/ob3/issuers/1/keys/es256'))).json();
    expect(ec).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(ec.d).toBeUndefined();
  });

  it('serves a VC-JWT as text/plain and a Data Integrity credential as application/vc+ld+json', async () => {
    const jwt = await fetch(url('/ob3/credentials/ob3-ada-jwt-eddsa'));
    expect(jwt.headers.get('content-type')).toContain('text/plain');
    const [h, p] = (await jwt.text()).split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ kid: url('/ob3/issuers/1/keys/eddsa'), typ: 'JWT', alg: 'EdDSA' });
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    expect(claims).toMatchObject({ iss: url('/ob3/issuers/1'), jti: url('/ob3/credentials/ob3-ada-jwt-eddsa'), nbf: Date.parse('2026-06-01T10:00:00Z') / 1000 });
    const di = await fetch(url('/ob3/credentials/ob3-ada-di'));
    expect(di.headers.get('content-type')).toBe('application/vc+ld+json');
    expect((await di.json()).proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: url('/ob3/issuers/1#key-1') });
    const baked = readPngText(Buffer.from(await (await fetch(url('/ob3/credentials/ob3-ada-di/baked'))).arrayBuffer()), 'openbadgecredential')!;
    expect(JSON.parse(baked).id).toBe(url('/ob3/credentials/ob3-ada-di'));
  });

  it('serves a signed BitstringStatusList with bit 5 set and bit 3 clear', async () => {
    const list = await (await fetch(url('/ob3/status/1'))).json();
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBe(16384);
    const bit = (i: number): number => ((bits[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
    expect([bit(3), bit(5)]).toEqual([0, 1]);
  });

  it('serves achievements and the terms and privacy pages the discovery document names', async () => {
    expect((await (await fetch(url('/ob3/achievements/ach-difference'))).json()).name).toBe('Difference Engine Design');
    expect((await fetch(url('/ob3/achievements/ach-difference/image'))).headers.get('content-type')).toBe('image/png');
    expect((await fetch(url('/terms'))).status).toBe(200);
    expect((await fetch(url('/privacy'))).status).toBe(200);
  });
});

describe('HTTP details', () => {
  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    expect((await fetch(url('/nowhere'))).status).toBe(404);
    const res = await fetch(url('/o/token'));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
