/**
 * A twenty-third round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): 1EdTech's validator samples not yet run, a Hyperledger Identus VC-JWT
 * (ES256K, did:prism), DCC verifier-core's remaining credentials and VerifierPlus's minimal VC 2.0.
 * Nothing is fetched: the documents they name are the fixture hosts'.
 */
import { createPublicKey, ECDH, verify as ecVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const HOSTS = [
  { prefix: 'https://raw.githubusercontent.com/', dir: `${REAL}/hosts/raw.githubusercontent.com` },
  { prefix: 'https://digitalcredentials.github.io/', dir: `${REAL}/hosts/digitalcredentials.github.io` },
];

/**
 * 1EdTech's validator (DCPV, inspector-vc) test resources not yet run here, beside `1edtech-dcpv/`'s
 * earlier ones: what DCPV's own tests (OB30Tests, Endorsement30Tests) say of each, and Lanyard's
 * honest offline reading. The issuers' documents are the conformance corpus's hosts.
 */
const CONF_HOSTS = ['example.com', 'example.edu', '1edtech.edu'].map((h) => ({ prefix: `https://${h}/`, dir: `${REAL}/../conformance/hosts/${h}` }));
const runDcpv = (file: string) => verify(bytes(`1edtech-dcpv/${file}`), { fetch: offlineFetch(CONF_HOSTS), now: NOW, identities: [] });

describe('1EdTech validator samples: the .1ob file, a VC 1.1 complete badge, an altered endorsement, the error samples', () => {
  it('simple.1ob (DCPV: valid), the OB 3.0 badge under the .1ob extension, reads valid', async () => {
    const r = await runDcpv('ob30_simple.1ob');
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Teamwork', issuer: { name: 'Example Corp' } });
  });

  it('complete_v1.json (DCPV: invalid, its inline schema 404s) expired in 2020: invalid for that, its key unsettled offline', async () => {
    const r = await runDcpv('ob30_complete_v1.json');
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.code)).toEqual([ErrorCodes.EXPIRED]);
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });

  // Its Ed25519Signature2020 proof fails with jsonld-signatures 11 and @digitalbazaar/ed25519-signature-2020
  // too ("Invalid signature."), the key taken from its verification method's fragment: the content was changed after signing.
  it('endorsement-err-schema-status-refresh.json (DCPV: invalid) is invalid: its proof does not hold', async () => {
    const r = await runDcpv('ob30_endorsement-err-schema-status-refresh.json');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('the error samples are never valid: no proof, not yet valid, another type, a method that is no URL', async () => {
    const noProof = await runDcpv('ob30_simple-noproof.json');
    expect(noProof.verdict).toBe('invalid');
    expect(check(noProof, 'signature')?.outcome).toBe('fail');
    const issued = await runDcpv('ob30_simple-err-issued.json');
    expect(issued.verdict).toBe('invalid');
    expect(fails(issued).map((c) => c.code)).toEqual([ErrorCodes.NOT_YET_VALID]);
    const other = await runDcpv('ob30_simple-err-type.json');
    expect(other.verdict).toBe('invalid');
    expect(check(other, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    for (const f of ['ob30_simple-err-proof-method-no-scheme.json', 'ob30_simple-err-proof-method-unknown-scheme.json']) {
      const r = await runDcpv(f);
      expect(r.verdict, f).toBe('indeterminate');
      expect(check(r, 'signature')?.code, f).toBe(ErrorCodes.NO_KEY);
    }
  });
});

/**
 * A VC-JWT that Hyperledger Identus's cloud agent issued on 2024-06-18 (Blocktrust Credential Badges'
 * parser test): ES256K (RFC 8812) by a long-form did:prism whose "my-issuing-key" (secp256k1) is
 * written in the DID itself, an AchievementSubject under type VerifiableCredential alone, and a
 * StatusList2021Entry on the agent's private address. The signature holds (checked here with node's
 * crypto); Lanyard cannot check ES256K yet, and the type names no Open Badge: indeterminate, never invalid.
 */
describe('Hyperledger Identus: an ES256K VC-JWT by a did:prism issuer', () => {
  const FILE = 'blocktrust-credentialbadges/identus_CredentialParserTests.jwt';
  const jwt = new TextDecoder().decode(bytes(FILE)).trim();
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss: string; vc: Record<string, any> };
  /** The compressed secp256k1 key after the "my-issuing-key" entry of the long-form DID's encoded state (a protobuf: field 2, 33 bytes). */
  const issuingKey = () => {
    const state = Buffer.from(payload.iss.split(':').pop()!, 'base64url');
    const at = state.indexOf(Buffer.from([0x12, 0x21]), state.indexOf(Buffer.from('my-issuing-key')));
    const point = ECDH.convertKey(state.subarray(at + 2, at + 35), 'secp256k1', undefined, undefined, 'uncompressed') as Buffer;
    return createPublicKey({ key: { kty: 'EC', crv: 'secp256k1', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  };
  const signedByIssuer = (head: string, body: string, sig: string) => ecVerify('sha256', Buffer.from(`${head}.${body}`), { key: issuingKey(), dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));

  it('is what its did:prism issuer signed', () => {
    expect(JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))).toEqual({ alg: 'ES256K' });
    expect(payload.vc).toMatchObject({ type: ['VerifiableCredential'], credentialSubject: { type: ['AchievementSubject'], achievement: { name: 'Badge' } } });
    expect(signedByIssuer(h, p, s)).toBe(true);
  });

  it('reads indeterminate: no Open Badge type, ES256K not checked, nothing failed', async () => {
    const r = await verify(bytes(FILE), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });

  it('an altered copy (another achievement, the signature kept) is never valid', async () => {
    const altered = { ...payload, vc: { ...payload.vc, credentialSubject: { ...payload.vc.credentialSubject, achievement: { ...payload.vc.credentialSubject.achievement, name: 'Forged' } } } };
    const body = Buffer.from(JSON.stringify(altered)).toString('base64url');
    expect(signedByIssuer(h, body, s)).toBe(false);
    const r = await verify(new TextEncoder().encode(`${h}.${body}.${s}`), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).not.toBe('valid');
  });
});

/**
 * DCC verifier-core's remaining test credentials (`dcc-verifier-core/`): the Teamwork and DCC badges with
 * no status on VC 1.1 and 2.0 (its presentation tests expect both verified), and the revoked-and-expired
 * ones, revoked in the list their issuer signs (served from the fixture host). Judged as DCC's tests say.
 */
describe('DCC verifier-core: no status, and revoked and expired', () => {
  const runCore = (file: string) => verify(bytes(`dcc-verifier-core/${file}`), { fetch: offlineFetch(HOSTS), now: NOW, identities: [] });
  it.each(['v1NoStatus.json', 'v2NoStatus.json'])('%s → valid', async (file) => {
    const r = await runCore(file);
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
  });
  it.each([
    ['v1RevokedAndExpired.json', 6],
    ['v2RevokedAndExpired.json', 8],
  ])('%s → invalid: expired, and bit %i of its issuer\'s list set', async (file, bit) => {
    const r = await runCore(file);
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.code).sort()).toEqual([ErrorCodes.EXPIRED, ErrorCodes.REVOKED].sort());
    expect(check(r, 'revocation')?.message).toContain(`bit ${bit} `);
    expect(check(r, 'signature')?.outcome).toBe('pass');
  });
});

/**
 * VerifierPlus's own minimal credential (`dcc-verifier-plus/minimalVCv2.json`, the template literal's text):
 * a plain VC 2.0 with no validFrom that DCC's test issuer signed with eddsa-rdfc-2022, which its display
 * tests render without an issuance date, and whose copy naming "Taylor Tuna" its log tests call tampered.
 */
describe('VerifierPlus: the minimal VC 2.0', () => {
  const FILE = 'dcc-verifier-plus/minimalVCv2.json';
  it('is no Open Badge, its proof holding: indeterminate', async () => {
    const r = await verify(bytes(FILE), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
  });
  it('its tampered copy (VerifierPlus\'s getTamperedVC) is invalid', async () => {
    const vc = JSON.parse(new TextDecoder().decode(bytes(FILE))) as { credentialSubject: { name: string } };
    vc.credentialSubject.name = 'Taylor Tuna';
    const r = await verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
