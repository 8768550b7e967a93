/**
 * The issuer's place (issuer-site.ts) is what the checks tie the badge to, shown beside the name an
 * issuer gives itself. For a long DID it is shortened at both ends, so that a look-alike must match
 * the key's first characters and its last nine. But the whole issuer id was shortened, DID URL
 * included: an issuer id `did:key:<mine>#<anything>` resolves to `did:key:<mine>` (DID Core §3.2, a
 * DID URL's fragment names something within that DID's document; keys/did.ts didOf), its badges
 * verify, and the shown end was the fragment's, any nine characters the issuer chose: the end of
 * another issuer's DID. And a DID's characters were not checked, so a bidi override or a
 * zero-width space in one reached the popup unmarked (it shows the site without displayText).
 * Now the place is the DID itself, and only one written in DID Core §3.1 syntax.
 */
import { describe, expect, it } from 'vitest';
import { issuerSite, onIssuerSite } from '../../../src/core/share/issuer-site.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';

const VICTIM = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const NOW = new Date('2026-11-26T00:00:00Z');

describe('the place of a DID issuer is its DID', () => {
  it('a DID URL issuer id shows its DID, not the end of its fragment, path or query', async () => {
    const mallory = await generateSigner();
    for (const tail of ['#', '/', '?x=']) {
      const issuerId = `${mallory.did}${tail}${VICTIM.slice(-20)}`;
      const vc = await signCredential(credential(issuerId), mallory);
      const r = await verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });
      // The badge verifies: the DID URL names mallory's DID, whose document lists the key.
      expect(r.verdict, JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'))).toBe('valid');
      expect(r.badge?.issuer.id).toBe(issuerId);
      const site = issuerSite(r.badge?.issuer.id);
      expect(site, tail).toBe(issuerSite(mallory.did));
      expect(site?.endsWith(VICTIM.slice(-9))).toBe(false);
    }
  });

  it('a did:web the resolver refuses shows no host, even one the URL parser would make of it (a backslash, full-width letters, U+3002)', () => {
    // Each decodes to a string that new URL() reads as harvard.edu; keys/did.ts didWebUrl refuses them all, so no key of theirs is ever found.
    for (const id of ['did:web:harvard.edu%5Cevil.example', 'did:web:harvard.edu%5C.evil.example', 'did:web:%EF%BD%88arvard.edu', 'did:web:harvard%E3%80%82edu']) {
      expect(issuerSite(id), id).toBeUndefined();
      // Nor does the share card link the issuer's name to the homepage it claims there.
      expect(onIssuerSite('https://www.harvard.edu/', id), id).toBe(false);
    }
    // What the resolver reads is shown as before.
    expect(issuerSite('did:web:HARVARD.EDU')).toBe('harvard.edu');
    expect(issuerSite('did:web:example.com%3A8443:users:ada')).toBe('example.com:8443');
    expect(issuerSite('did:web:xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
  });

  it('a DID with characters DID Core does not allow (bidi controls, zero-width, other letters) has no place shown', () => {
    for (const id of ['did:example:abc\u202Edef', 'did:example:goo\u200Bgle', 'did:example:\u0430\u0440\u0440le', 'did:key:z6Mk\u2066haXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK']) {
      expect(issuerSite(id), JSON.stringify(id)).toBeUndefined();
    }
  });

  it('keeps what it showed: DIDs in DID Core syntax, shortened at both ends when long', () => {
    expect(issuerSite(VICTIM)).toBe('did:key:z6MkhaXgBZDv…nEGta2doK');
    expect(issuerSite('did:example:short')).toBe('did:example:short');
    expect(issuerSite('did:ion:EiA%3Aabc:def')).toBe('did:ion:EiA%3Aabc:def');
    expect(issuerSite('did:web:issuer.example#key-1')).toBe('issuer.example');
  });
});
