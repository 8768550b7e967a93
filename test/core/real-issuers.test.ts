/**
 * Credentials from real issuers and real producers (test/fixtures/real, provenance in
 * test/fixtures/README.md), each with the verdict its own project's tests give it or, where those do
 * not say, what the digitalbazaar reference libraries find. The documents they point at (status
 * lists, did:web documents, issuer profiles) are served from fixture hosts; nothing else answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMapFetch } from '../../src/cli/map-fetch.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const REAL = path.join(FIXTURES, 'real');
const NOW = new Date('2026-12-01T00:00:00Z');

/** Fixture hosts: URL prefix → folder. `dcc` serves DCC's status list and did:web documents; the others are the conformance corpus's issuers. */
const HOSTS = {
  dcc: [
    ['https://raw.githubusercontent.com/', path.join(REAL, 'hosts/raw.githubusercontent.com')],
    ['https://digitalcredentials.github.io/', path.join(REAL, 'hosts/digitalcredentials.github.io')],
  ],
  'example.com': [['https://example.com/', path.join(FIXTURES, 'conformance/hosts/example.com')]],
  '1edtech.edu': [['https://1edtech.edu/', path.join(FIXTURES, 'conformance/hosts/1edtech.edu')]],
} as const;
type Host = keyof typeof HOSTS;

type Outcome = 'pass' | 'fail' | 'indeterminate';
interface Case {
  input: string;
  hosts: Host[];
  verdict: VerifyResult['verdict'];
  checks: Partial<Record<'structure' | 'signature' | 'issuer-key' | 'validity' | 'revocation', Outcome>>;
  why: string;
}

async function run(input: string | Uint8Array, hosts: readonly Host[]): Promise<VerifyResult> {
  const maps = hosts.flatMap((h) => HOSTS[h].map(([prefix, dir]) => ({ prefix, dir })));
  const bytes = typeof input === 'string' ? new Uint8Array(readFileSync(path.join(REAL, input))) : input;
  return verify(bytes, { fetch: createMapFetch(maps, { offline: true, timeoutMs: 1000 }), now: NOW, identities: [] });
}

const DCC = 'dcc-verifier-core';
const VTF = 'dcc-vc-test-fixtures';
const CASES: Case[] = [
  // digitalcredentials/verifier-core test/Verify.v1.spec.ts and Verify.v2.spec.ts: what DCC's own verifier says of each.
  { input: `${DCC}/v2WithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' }, why: 'Ed25519Signature2020 by did:key, BitstringStatusList bit 9 clear' },
  { input: `${DCC}/v2Revoked.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'fail' }, why: 'bit 8 of the same list is set' },
  { input: `${DCC}/v1WithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'pass' }, why: 'VC 1.1 with a BitstringStatusListEntry, bit 7 clear' },
  { input: `${DCC}/v1Revoked.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'pass', revocation: 'fail' }, why: 'VC 1.1, bit 6 set' },
  { input: `${DCC}/v1ExpiredWithValidStatus.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'pass', validity: 'fail', revocation: 'pass' }, why: 'expirationDate 2025-01-09' },
  { input: `${DCC}/v2ExpiredWithValidStatus.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'pass', validity: 'fail', revocation: 'pass' }, why: 'validUntil 2012-01-01' },
  { input: `${DCC}/v2EddsaWithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'pass' }, why: 'eddsa-rdfc-2022 under the Ed25519Signature2020 context' },
  { input: `${DCC}/v2DoubleSigWithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'pass' }, why: 'two proofs (eddsa-rdfc-2022 and Ed25519Signature2020), both holding' },
  { input: `${DCC}/v2DoubleSigWithBadStatusUrl.json`, hosts: ['dcc'], verdict: 'indeterminate', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'indeterminate' }, why: 'its status list URL answers 404 (DCC: STATUS_LIST_NOT_FOUND)' },
  { input: `${DCC}/v2didWebWithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'pass' }, why: 'a did:web issuer (Ed25519VerificationKey2020); its list is issued by the did:key of the very key its DID document lists' },
  { input: `${DCC}/v2didWebMultikeyWithValidStatus.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'pass' }, why: 'the same with a Multikey DID document' },
  { input: `${DCC}/v2WithBadDidWeb.json`, hosts: ['dcc'], verdict: 'indeterminate', checks: { signature: 'indeterminate', 'issuer-key': 'indeterminate' }, why: 'its did:web document answers 404 (DCC: DID_WEB_UNRESOLVED)' },
  { input: `${DCC}/safeModeBreaker.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'fail' }, why: 'a StatusList2021Entry under the VC 2.0 context: a relative @type (DCC: jsonld.ValidationError); the proof does not verify with jsonld.js outside safe mode either' },
  { input: `${DCC}/testVC.json`, hosts: ['dcc'], verdict: 'invalid', checks: { signature: 'fail' }, why: 'neither of its two proofs verifies with jsonld-signatures 11 either (an experiment fixture DCC never verifies)' },
  // digitalcredentials/vc-test-fixtures: the file name says what DCC expects (registry, status, expiry).
  { input: `${VTF}/v1_ed25519_didWeb_legacy-noStatus-noExpiry.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'a did:web issuer (Ed25519VerificationKey2020 document), VC 1.1' },
  { input: `${VTF}/v1_dataIntegrityProof_didWeb_oidf-noStatus-noExpiry.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'a did:web issuer, eddsa-rdfc-2022, VC 1.1' },
  { input: `${VTF}/v2_dataIntegrityProof_didweb_oidf-noStatus-notExpired.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', validity: 'pass' }, why: 'a did:web issuer, eddsa-rdfc-2022, VC 2.0' },
  { input: `${VTF}/v2_ed25519_didWeb_oidf-noStatus-notExpired.json`, hosts: ['dcc'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'a did:web issuer, Ed25519Signature2020, VC 2.0' },
  { input: `${VTF}/v1_bothSignatureTypes_didWeb_legacy-validStatus-noExpiry.json`, hosts: ['dcc'], verdict: 'indeterminate', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'indeterminate' }, why: 'its status list is issued by a did:key that is not its did:web issuer, and signed with another key' },
  { input: `${VTF}/v1_ed25519_didWeb_legacy-revokedStatus-noExpiry.json`, hosts: ['dcc'], verdict: 'indeterminate', checks: { signature: 'pass', revocation: 'indeterminate' }, why: 'revoked in a list its issuer did not sign: never valid' },
  { input: `${VTF}/v1_dataIntegrityProof_didKey_mixedRegistry-validStatus-noExpiry.json`, hosts: ['dcc'], verdict: 'indeterminate', checks: { signature: 'pass', 'issuer-key': 'pass', revocation: 'indeterminate' }, why: 'its status list is issued by another did:key' },
  { input: `${VTF}/v2_bothSignatureTypes_didkey_legacy-noStatus-notExpired-endorsement.json`, hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass', validity: 'pass' }, why: 'an EndorsementCredential, two proofs' },
  { input: `${VTF}/v2_ed25519_didKey_legacy-noStatus-noExpiry-lcwExperience.json`, hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'the Learner Credential Wallet experience badge' },
  { input: `${VTF}/v1_ed25519_didKey_legacy-noStatus-noExpiry-stringIssuerId.json`, hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'issuer given as a bare string' },
  { input: `${VTF}/v2_dataIntegrityProof_didKey_oidf-noStatus-notExpired-complexIssuer.json`, hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'an issuer profile with address, otherIdentifier and more' },
  { input: `${VTF}/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-alignments.json`, hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'an achievement with alignments' },
  { input: `${VTF}/v2_dataIntegrityProof_didKey_twoOIDF-revoked-notExpired-badSchema.json`, hosts: ['dcc'], verdict: 'invalid', checks: { structure: 'fail', signature: 'pass' }, why: 'OB 3.0 on VC 2.0 without validFrom (DCC: bad schema); its proof still holds, and says so' },
  // Sphereon OID4VC client test data: OB 3.0 credentials real issuers' services returned to Sphereon's wallet (JFF Plugfest 2, 2023).
  { input: 'sphereon-oid4vc/walt.jwt', hosts: [], verdict: 'valid', checks: { structure: 'pass', signature: 'pass', 'issuer-key': 'pass' }, why: 'walt.id: an EdDSA VC-JWT by a did:jwk issuer' },
  { input: 'sphereon-oid4vc/diwala.json', hosts: [], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'Diwala: Ed25519Signature2018 by the JFF did:key' },
  { input: 'sphereon-oid4vc/mattr.json', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate', revocation: 'indeterminate' }, why: 'MATTR: Ed25519Signature2018 by a did:web that cannot be fetched, MATTR contexts, a RevocationList2020Status' },
  { input: 'sphereon-oid4vc/uniissuer.jwt', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate', 'issuer-key': 'pass' }, why: 'Danube Tech Universal Issuer: an ES256 VC-JWT whose signature is DER-encoded, not R||S (RFC 7518 §3.4); it holds in DER, so not forged, yet not a valid JWS' },
  // 1EdTech digital-credentials-public-validator (DCPV) inspector-vc and inspector-clr test resources.
  { input: '1edtech-dcpv/ob30_velocity.jwt', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate', revocation: 'indeterminate' }, why: 'a Velocity Network VC-JWT: its kid is a did:velocity, its status a VelocityRevocationListJan2021 on a blockchain; Lanyard resolves neither' },
  { input: '1edtech-dcpv/ob30_simple-multiple-proofs.json', hosts: ['example.com'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'an unknown SomeProofType beside an eddsa-rdfc-2022 proof that holds (DCPV: valid but for the unknown type\'s context)' },
  { input: '1edtech-dcpv/ob30_simple-did-web-method.json', hosts: ['1edtech.edu'], verdict: 'valid', checks: { signature: 'pass', 'issuer-key': 'pass' }, why: 'a method under the issuer\'s https profile' },
  { input: '1edtech-dcpv/ob30_endorsement-valid.json', hosts: [], verdict: 'indeterminate', checks: { signature: 'pass', 'issuer-key': 'indeterminate' }, why: 'an EndorsementCredential; its issuer state.gov cannot be fetched' },
  { input: '1edtech-dcpv/clr20_simple.json', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate' }, why: 'a CLR 2.0 ClrCredential (DCPV: valid); the CLR context is not bundled' },
  { input: '1edtech-dcpv/clr20_simple.jwt', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'pass', 'issuer-key': 'indeterminate' }, why: 'a CLR 2.0 VC-JWT (DCPV: valid) signed with the key in its jwk header; its issuer cannot be fetched' },
  { input: '1edtech-dcpv/clr20_complex.json', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate' }, why: 'a CLR 2.0 holding six credentials, VC 1.1' },
  { input: '1edtech-dcpv/clr20_simple_v1.json', hosts: [], verdict: 'indeterminate', checks: { structure: 'pass', signature: 'indeterminate' }, why: 'a CLR 2.0 whose method is under a urn:uuid: issuer' },
];

describe('credentials from real issuers and producers (test/fixtures/real)', () => {
  for (const c of CASES) {
    it(`${c.input} → ${c.verdict}: ${c.why}`, async () => {
      const r = await run(c.input, c.hosts);
      const detail = JSON.stringify(r.checks, null, 1);
      expect(r.verdict, detail).toBe(c.verdict);
      for (const [id, outcome] of Object.entries(c.checks)) expect(r.checks.find((k) => k.id === id)?.outcome, `${id}\n${detail}`).toBe(outcome);
    });
  }

  it('leaves a status-listed credential indeterminate when its list cannot be fetched', async () => {
    const r = await run(`${DCC}/v2WithValidStatus.json`, []);
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((k) => k.id === 'revocation')).toMatchObject({ outcome: 'indeterminate' });
  });

  it('fails each DCC credential once its content is edited', async () => {
    for (const name of ['v2WithValidStatus', 'v1WithValidStatus', 'v2EddsaWithValidStatus', 'v2DoubleSigWithValidStatus']) {
      const vc = JSON.parse(readFileSync(path.join(REAL, DCC, `${name}.json`), 'utf8')) as { credentialSubject: { name: string } };
      vc.credentialSubject.name = 'Mallory';
      const r = await run(new TextEncoder().encode(JSON.stringify(vc)), ['dcc']);
      expect(r.verdict, name).toBe('invalid');
      expect(r.checks.find((k) => k.id === 'signature')?.outcome, name).toBe('fail');
    }
  });

  it('reads a CLR 2.0 as a credential, and fails one whose JWT payload is edited', async () => {
    const clr = await run('1edtech-dcpv/clr20_simple.jwt', []);
    expect(clr.badge?.name).toBe('Sample Transcript');
    expect(clr.checks.find((k) => k.id === 'schema')?.message).toMatch(/CLR 2\.0 ClrCredential holding 1 credential/);
    const [h, p, s] = readFileSync(path.join(REAL, '1edtech-dcpv/clr20_simple.jwt'), 'utf8').trim().split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: { name: string } };
    payload.vc.name = 'Forged Transcript';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const r = await run(new TextEncoder().encode(forged), []);
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((k) => k.id === 'signature')?.outcome).toBe('fail');
  });

  it('fails the Universal Issuer VC-JWT once its payload is edited, DER signature or not', async () => {
    const [h, p, sig] = readFileSync(path.join(REAL, 'sphereon-oid4vc/uniissuer.jwt'), 'utf8').trim().split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: { name: string } };
    payload.vc.name = 'Forged';
    const r = await run(new TextEncoder().encode(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`), []);
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((k) => k.id === 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('still fails a CLR with no credentials in it, and an OB 3.0 credential of no known type', async () => {
    const clr = JSON.parse(readFileSync(path.join(REAL, '1edtech-dcpv/clr20_simple.json'), 'utf8')) as { credentialSubject: Record<string, unknown>; type: string[] };
    delete clr.credentialSubject.verifiableCredential;
    const r = await run(new TextEncoder().encode(JSON.stringify(clr)), []);
    expect(r.checks.find((k) => k.id === 'structure')).toMatchObject({ outcome: 'fail' });
    expect(r.verdict).toBe('invalid');
    const other = JSON.parse(readFileSync(path.join(REAL, '1edtech-dcpv/clr20_simple.json'), 'utf8')) as { type: string[] };
    other.type = ['VerifiableCredential', 'SomeOtherCredential'];
    expect((await run(new TextEncoder().encode(JSON.stringify(other)), [])).checks.find((k) => k.id === 'structure')).toMatchObject({ outcome: 'fail' });
  });
});
