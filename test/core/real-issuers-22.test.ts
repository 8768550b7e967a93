/**
 * A twenty-second round of real issuers' credentials (test/fixtures/real, provenance in
 * test/fixtures/README.md): the rest of the Digital Credentials Consortium's published test credentials
 * (digitalcredentials/vc-test-fixtures, the set its VerifierPlus and Learner Credential Wallet are
 * checked against). Each file name says what DCC expects of it (signature suites, did:key or did:web,
 * registry, status, expiry); every one is what DCC's test issuer signed, so none may read forged.
 * Their did:web documents and the status list they share are served from fixture hosts; nothing is fetched.
 */
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const VTF = 'dcc-vc-test-fixtures';
const HOSTS = [
  { prefix: 'https://raw.githubusercontent.com/', dir: `${REAL}/hosts/raw.githubusercontent.com` },
  { prefix: 'https://digitalcredentials.github.io/', dir: `${REAL}/hosts/digitalcredentials.github.io` },
];
const run = (file: string) => verify(bytes(`${VTF}/${file}`), { fetch: offlineFetch(HOSTS), now: NOW, identities: [] });

/**
 * Plain VCs (type VerifiableCredential only, VC 2.0, no validFrom) that DCC's test issuer signed:
 * `minimal` with no status, the others to exercise its verifier's status-list errors. VC DM 2.0 §4.9
 * makes validFrom optional (only OB 3.0 asks for it), so none is malformed: each is no Open Badge,
 * and nothing in it is forged.
 */
const PLAIN_VCS = [
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-minimal.json',
  'v2_ed25519_didKey_legacy-expiredStatus-noExpiry.json',
  'v2_ed25519_didKey_legacy-missingTypeStatus-noExpiry.json',
  'v2_ed25519_didKey_legacy-notYetValidStatus-noExpiry.json',
  'v2_ed25519_didKey_legacy-tamperedStatus-noExpiry.json',
];

describe('DCC vc-test-fixtures: a plain VC 2.0 without validFrom is no Open Badge, not a malformed one', () => {
  for (const file of PLAIN_VCS) {
    it(`${file} → indeterminate (not an Open Badge), its proof holding`, async () => {
      const r = await run(file);
      expect(fails(r), JSON.stringify(r.checks, null, 1)).toEqual([]);
      expect(r.verdict).toBe('indeterminate');
      expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NOT_OPEN_BADGE });
      expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    });
  }
});

/** Signed OB 3.0 credentials with no status to check, not expired: did:key and did:web issuers (their documents served), VC 1.1 and 2.0, Ed25519Signature2020, eddsa-rdfc-2022 or both, "registry" naming only the issuer registries DCC's verifier consults. */
const VALID = [
  'v1_bothSignatureTypes_didKey_fourRegistry-noStatus-noExpiry.json',
  'v1_bothSignatureTypes_didKey_legacy-noStatus-noExpiry-basicOBv3.json',
  'v1_bothSignatureTypes_didKey_legacy-noStatus-noExpiry.json',
  'v1_bothSignatureTypes_didKey_noRegistry-noStatus-noExpiry.json',
  'v1_bothSignatureTypes_didKey_oidf-noStatus-noExpiry.json',
  'v1_bothSignatureTypes_didWeb_legacy-noStatus-noExpiry.json',
  'v1_bothSignatureTypes_didWeb_oidf-noStatus-noExpiry.json',
  'v1_dataIntegrityProof_didKey_fourRegistry-noStatus-noExpiry.json',
  'v1_dataIntegrityProof_didKey_legacy-noStatus-noExpiry.json',
  'v1_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-OBSpecExample.json',
  'v1_dataIntegrityProof_didKey_noRegistry-noStatus-noExpiry.json',
  'v1_dataIntegrityProof_didKey_oidf-noStatus-noExpiry.json',
  'v1_dataIntegrityProof_didWeb_legacy-noStatus-noExpiry.json',
  'v1_ed25519_didKey_fourRegistry-noStatus-noExpiry.json',
  'v1_ed25519_didKey_legacyRegistry-noStatus-noExpiry-issuerImageId.json',
  'v1_ed25519_didKey_noRegistry-noStatus-noExpiry.json',
  'v1_ed25519_didKey_oidf-noStatus-noExpiry.json',
  'v1_ed25519_didWeb_oidf-noStatus-noExpiry.json',
  'v2_bothSignatureTypes_didkey_legacy-noStatus-notExpired-endorsement-withSchema.json',
  'v2_bothSignatureTypes_didweb_oidf-noStatus-notExpired.json',
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-OBSpecExample.json',
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-achievementTypeExample.json',
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-credName.json',
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-credSubjName.json',
  'v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-notExpired-withSchema.json',
  'v2_ed25519_didKey_legacy-noStatus-noExpiry-stringIssuerId.json',
];
/** Expired (expirationDate 2025-01-09 or validUntil 2010/2011), some also revoked: the signature holds, the badge is over. */
const EXPIRED = [
  'v1_bothSignatureTypes_didKey_oidf-noStatus-expired.json',
  'v1_bothSignatureTypes_didKey_oidf-revokedStatus-expired.json',
  'v1_dataIntegrityProof_didKey_oidf-noStatus-expired.json',
  'v1_dataIntegrityProof_didKey_oidf-revokedStatus-expired.json',
  'v1_ed25519_didKey_legacy-noStatus-expired.json',
  'v1_ed25519_didKey_oidf-noStatus-expired.json',
  'v1_ed25519_didKey_oidf-revokedStatus-expired.json',
  'v2_bothSignatureTypes_didkey_noRegistry-revokedStatus-expired.json',
  'v2_bothSignatureTypes_didweb_legacy-revokedStatus-expired.json',
  'v2_dataIntegrityProof_didKey_noRegistry-revokedStatus-noExpiry.json',
  'v2_dataIntegrityProof_didweb_legacy-revokedStatus-expired.json',
  'v2_ed25519_didKey_legacy-noStatus-expired.json',
  'v2_ed25519_didKey_noRegistry-revokedStatus-expired.json',
  'v2_ed25519_didWeb_legacy-revokedStatus-expired.json',
];
/**
 * Status-listed (valid or revoked) in the list DCC's test issuer did:key:z6MknNQD… signs, while the
 * credential's issuer is another did:key or a did:web: a list its issuer did not sign settles nothing
 * either way (Lanyard's rule, as for the earlier fixtures of this set in real-issuers.test.ts).
 */
const OTHER_ISSUERS_LIST = [
  'v1_bothSignatureTypes_didKey_mixedRegistry-validStatus-noExpiry.json',
  'v1_bothSignatureTypes_didWeb_legacy-revokedStaus-noExpiry.json',
  'v1_bothSignatureTypes_didWeb_oidf-revokedStatus-noExpiry.json',
  'v1_bothSignatureTypes_didWeb_oidf-validStatus-noExpiry.json',
  'v1_dataIntegrityProof_didWeb_legacy-revokedStatus-noExpiry.json',
  'v1_dataIntegrityProof_didWeb_legacy-validStatus-noExpiry.json',
  'v1_dataIntegrityProof_didWeb_oidf-revokedStatus-noExpiry.json',
  'v1_dataIntegrityProof_didWeb_oidf-validStatus-noExpiry.json',
  'v1_ed25519_didKey_mixedRegistry-validStatus-noExpiry.json',
  'v1_ed25519_didWeb_legacy-validStatus-noExpiry.json',
  'v1_ed25519_didWeb_oidf-revokedStatus-noExpiry.json',
  'v1_ed25519_didWeb_oidf-validStatus-noExpiry.json',
  'v2_bothSignatureTypes_didkey_noRegistry-revokedStatus-notExpired.json',
  'v2_bothSignatureTypes_didkey_oidf-revokedStatus-noExpiry.json',
  'v2_bothSignatureTypes_didweb_legacy-revokedStatus-noExpiry.json',
  'v2_dataIntegrityProof_didKey_noRegsitry-revokedStatus-notExpired.json',
  'v2_dataIntegrityProof_didKey_oidf-revokedStatus-noExpiry.json',
  'v2_dataIntegrityProof_didweb_legacy-revokedStatus-noExpiry.json',
  'v2_ed25519_didKey_noRegistry-revokedStatus-notExpired.json',
  'v2_ed25519_didKey_oidf-revokedStatus-noExpiry.json',
  'v2_ed25519_didWeb_legacy-revokedStatus-noExpiry.json',
];

describe('DCC vc-test-fixtures: every credential DCC\'s test issuer signed reads as its name says, none forged', () => {
  for (const file of VALID) {
    it(`${file} → valid`, async () => {
      const r = await run(file);
      expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
      expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass' });
    });
  }
  for (const file of EXPIRED) {
    it(`${file} → invalid: expired, its proof holding`, async () => {
      const r = await run(file);
      expect(r.verdict).toBe('invalid');
      expect(fails(r).map((c) => c.code)).toEqual([ErrorCodes.EXPIRED]);
      expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
    });
  }
  for (const file of OTHER_ISSUERS_LIST) {
    it(`${file} → indeterminate: its status list is another issuer's`, async () => {
      const r = await run(file);
      expect(fails(r)).toEqual([]);
      expect(r.verdict).toBe('indeterminate');
      expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass', revocation: 'indeterminate' });
      expect(check(r, 'revocation')?.message).toContain('not by the credential\'s issuer');
    });
  }

  it('the OB 3.0 spec example and the basic OB 3.0 badge show their issuer and achievement', async () => {
    const r = await run('v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-OBSpecExample.json');
    expect(r.badge).toMatchObject({ name: 'Teamwork', issuer: { name: 'Example Corp' } });
    const img = await run('v1_ed25519_didKey_legacyRegistry-noStatus-noExpiry-issuerImageId.json');
    expect(img.badge).toMatchObject({ name: 'Introduction to Wonderfullness', issuer: { name: 'University of Wonderful' } });
  });

  it('an OB-context VC of another type (an endorsement-like "SDE endorsement") is no Open Badge, its proofs holding', async () => {
    const r = await run('v2_bothSignatureTypes_didkey_legacy-noStatus-noExpiry-nonOBWithOBContext.json');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    expect(outcomes(r)).toMatchObject({ signature: 'pass', 'issuer-key': 'pass' });
  });

  it('DCC\'s old example under its own https://w3id.org/dcc/v1 context is unsettled offline, not forged', async () => {
    const r = await run('v1_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-oldDCCExample.json');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')?.code).toBe(ErrorCodes.UNKNOWN_CONTEXT);
  });

  it('a did:web issuer whose document is not served is unsettled, not forged', async () => {
    const r = await run('v2_ed25519_didWeb_badDidWeb.json');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ signature: 'indeterminate', 'issuer-key': 'indeterminate' });
  });

  it('an altered copy of each kind is never valid, and its signature fails', async () => {
    for (const file of [VALID[0]!, VALID[VALID.length - 1]!, PLAIN_VCS[0]!]) {
      const vc = JSON.parse(new TextDecoder().decode(bytes(`${VTF}/${file}`))) as { credentialSubject: Record<string, unknown> };
      vc.credentialSubject.name = 'Mallory';
      const r = await verify(new TextEncoder().encode(JSON.stringify(vc)), { fetch: offlineFetch(HOSTS), now: NOW, identities: [] });
      expect(r.verdict, file).toBe('invalid');
      expect(check(r, 'signature')?.outcome, file).toBe('fail');
    }
  });
});
