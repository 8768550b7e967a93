/**
 * An unsigned revocation list (1EdTech Revocation List, reference §3.7) read over plain http for an
 * issuer served over TLS is anyone's on the network path (verify/plain-http.ts): a list that omits the badge read "not revoked" (a revoked badge valid),
 * one that names it "revoked" (a genuine badge invalid). Neither settles; an issuer whose own address
 * is plain http is still taken as it serves itself, and an https list as before.
 */
import { describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential } from '../proofs/support.ts';

const HTTP_LIST = 'http://issuer.example/revocations';
const HTTPS_LIST = 'https://issuer.example/revocations';

async function ob3(issuer: string, list: string, listed: boolean) {
  const vc = credential(issuer, { credentialStatus: { id: list, type: '1EdTechRevocationList' } });
  const web = new FakeWeb().json(list, { revokedCredential: listed ? [vc.id] : [] });
  return (await checkCredentialStatus(vc, context(web))).outcome;
}

describe('an unsigned revocation list over plain http for a TLS issuer', () => {
  it('OB 3.0 1EdTechRevocationList: neither "not revoked" nor "revoked" is settled by it', async () => {
    for (const issuer of ['https://issuer.example/issuer', 'did:web:issuer.example']) {
      expect([await ob3(issuer, HTTP_LIST, false), await ob3(issuer, HTTP_LIST, true)], issuer).toEqual(['indeterminate', 'indeterminate']);
      expect([await ob3(issuer, HTTPS_LIST, false), await ob3(issuer, HTTPS_LIST, true)], issuer).toEqual(['pass', 'fail']);
    }
    expect([await ob3('http://issuer.example/issuer', HTTP_LIST, false), await ob3('http://issuer.example/issuer', HTTP_LIST, true)]).toEqual(['pass', 'fail']);
  });

  it('nor for a credential naming no issuer id', async () => {
    const vc = credential('https://issuer.example/issuer', { credentialStatus: { id: HTTP_LIST, type: '1EdTechRevocationList' } });
    delete (vc as { issuer?: unknown }).issuer;
    const web = new FakeWeb().json(HTTP_LIST, { revokedCredential: [] });
    expect((await checkCredentialStatus(vc, context(web))).outcome).toBe('indeterminate');
  });

  it('nor for an issuer with no web address of its own (did:key, did:jwk, urn:): its list is its word only over TLS', async () => {
    for (const issuer of ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:jwk:eyJrdHkiOiJPS1AifQ', 'urn:uuid:6f1c8a5e-2b4d-4c1e-9f3a-7d2e1b0c9a88']) {
      expect([await ob3(issuer, HTTP_LIST, false), await ob3(issuer, HTTP_LIST, true)], issuer).toEqual(['indeterminate', 'indeterminate']);
      expect([await ob3(issuer, HTTPS_LIST, false), await ob3(issuer, HTTPS_LIST, true)], issuer).toEqual(['pass', 'fail']);
    }
  });
});
