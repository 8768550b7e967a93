/**
 * A signed status list (W3C Bitstring Status List v1.0, StatusList2021) read over plain http for an
 * issuer that is not itself a plain-http address: its proof says the issuer signed it once, not that
 * it is the list now. Anyone on the network path can answer the http read with a copy the issuer
 * signed earlier (from before the credential was revoked or suspended, or while it was suspended),
 * and the proof still holds; the list has no id or date that a stale copy lacks. So, as the unsigned
 * 1EdTech list (plain-http-list.test.ts), it settles nothing either way. It was a pass (revoked badge
 * valid) or a fail. An http address its issuer redirects to its own https form was read over TLS;
 * an issuer whose own address is plain http is taken as it serves itself.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, controllerDocument, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const HTTP_LIST = 'http://issuer.example/status/3';
const HTTPS_LIST = 'https://issuer.example/status/3';

let signer: Ed25519Signer;
beforeAll(async () => {
  signer = await generateSigner();
});

function bits(set: number[]): string {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return gzipSync(b).toString('base64url');
}

/** The issuer's list at `url` with bit 5 set or not, signed by it. */
function list(issuer: string, url: string, revoked: boolean, kind: 'Bitstring' | 'StatusList2021' = 'Bitstring') {
  const bitstring = kind === 'Bitstring';
  return signCredential({
    '@context': bitstring ? ['https://www.w3.org/ns/credentials/v2'] : ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: url,
    type: ['VerifiableCredential', bitstring ? 'BitstringStatusListCredential' : 'StatusList2021Credential'],
    issuer,
    ...(bitstring ? { validFrom: '2024-01-01T00:00:00Z' } : { issuanceDate: '2024-01-01T00:00:00Z' }),
    credentialSubject: { id: `${url}#list`, type: bitstring ? 'BitstringStatusList' : 'StatusList2021', statusPurpose: 'revocation', encodedList: `${bitstring ? 'u' : ''}${bits(revoked ? [5] : [])}` },
  }, signer, bitstring ? {} : { type: 'Ed25519Signature2020' });
}

async function outcome(issuer: string, url: string, revoked: boolean, web = new FakeWeb(), kind: 'Bitstring' | 'StatusList2021' = 'Bitstring') {
  web.json(url.replace('http:', 'https:'), await list(issuer, url, revoked, kind));
  if (url.startsWith('http:') && !web.pages.has(url)) web.json(url, await list(issuer, url, revoked, kind));
  const entry = { id: `${url}#5`, type: kind === 'Bitstring' ? 'BitstringStatusListEntry' : 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: url };
  return (await checkCredentialStatus(credential(issuer, { credentialStatus: entry }), context(web))).outcome;
}

describe('a signed status list over plain http for an issuer that is not plain http', () => {
  it('settles neither "not revoked" nor "revoked" (a did:key issuer, whose word is only its signature)', async () => {
    for (const kind of ['Bitstring', 'StatusList2021'] as const) {
      expect([await outcome(signer.did, HTTP_LIST, false, undefined, kind), await outcome(signer.did, HTTP_LIST, true, undefined, kind)], kind).toEqual(['indeterminate', 'indeterminate']);
      expect([await outcome(signer.did, HTTPS_LIST, false, undefined, kind), await outcome(signer.did, HTTPS_LIST, true, undefined, kind)], kind).toEqual(['pass', 'fail']);
    }
  });

  it('says why', async () => {
    const entry = { id: `${HTTP_LIST}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: HTTP_LIST };
    const web = new FakeWeb().json(HTTP_LIST, await list(signer.did, HTTP_LIST, false));
    const r = await checkCredentialStatus(credential(signer.did, { credentialStatus: entry }), context(web));
    expect(r.message).toMatch(/plain http.*anyone on the network path/);
  });

  it('an http list its issuer redirects to its own https form was read over TLS', async () => {
    const web = () => new FakeWeb().redirect(HTTP_LIST, HTTPS_LIST);
    expect([await outcome(signer.did, HTTP_LIST, false, web()), await outcome(signer.did, HTTP_LIST, true, web())]).toEqual(['pass', 'fail']);
    // Anywhere else, even on the same host over https, the plain http hop chose where it went.
    const w = new FakeWeb().redirect(HTTP_LIST, 'https://issuer.example/status/old');
    w.json('https://issuer.example/status/old', await list(signer.did, 'https://issuer.example/status/old', false));
    expect(await outcome(signer.did, HTTP_LIST, true, w)).toBe('indeterminate');
  });

  it('an issuer whose own address is plain http is taken as it serves itself', async () => {
    const issuer = 'http://issuer.example/issuer';
    const web = () => new FakeWeb().json(issuer, controllerDocument(issuer, [signer]));
    expect([await outcome(issuer, HTTP_LIST, false, web()), await outcome(issuer, HTTP_LIST, true, web())]).toEqual(['pass', 'fail']);
  });
});
