/**
 * A twelfth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): the MIT Learn certificates the Digital Credentials Consortium publishes
 * as its OB 3.0 template, 1EdTech's own test vectors and examples from the Open Badges 3.0
 * implementation guide, and two Blockcerts v3 proofs of concept by Hyland (an ecdsa-sd-2023 base
 * and derived credential, and certificates signed by a did:key with no blockchain anchor). What
 * Lanyard says of each and why that is the right verdict. Nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const run = (file: string, identities: string[] = []) => verify(bytes(file), { fetch: offlineFetch(), now: NOW, identities });
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, any>;
const edited = (file: string, edit: (vc: Record<string, any>) => void) => {
  const vc = json(file);
  edit(vc);
  return verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
};
const ALL_PASS = { structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' };

/**
 * MIT Learn's course, module and program certificates (DCC's mit-learn-obv3-template, regenerated
 * on 2026-02-12 "so they continue to verify"), VC 2.0 with the OB 3.0.3 context, valid until 2030:
 * Ed25519Signature2020 or eddsa-rdfc-2022 by the issuer's own did:key, so every check can be made.
 * Valid. Their earner is named only by an IdentityObject of identityType `name` (OB 3.0
 * §IdentityObject), and their `id` is a `urn:uuid:` whose UUID is not hexadecimal (`4eao`): still a
 * URI, which is all VC DM 2.0 §4.4 asks of an id.
 */
describe('MIT Learn (DCC template): course, module and program certificates', () => {
  const MIT = 'mit-learn-obv3-template';

  it.each([
    ['courseCertificate.json', 'Ed25519Signature2020', 'Foundations of Universal AI'],
    ['moduleCertificate.json', 'eddsa-rdfc-2022', 'Deep Learning: Foundations and Application to Structured Data'],
    ['programCertificate.json', 'Ed25519Signature2020', 'AI and Precision Medicine'],
    ['courseCertificate.10f51e7.json', 'eddsa-rdfc-2022', 'Foundations of Universal AI'],
  ])('%s is valid (%s by the issuer\'s did:key)', async (file, suite, name) => {
    const r = await run(`${MIT}/${file}`);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(check(r, 'signature')?.message).toContain(suite);
    expect(check(r, 'validity')?.message).toContain('2030-01-01');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe(name);
    expect(r.badge?.issuer.name).toBe('MIT Learn');
  });

  /** The program certificate as first signed (2025-12-12): eddsa-rdfc-2022 and Ed25519Signature2020 side by side, both holding. */
  it('holds with two proofs by the same key, and not once the second is broken', async () => {
    const file = `${MIT}/programCertificate.10f51e7.json`;
    const r = await run(file);
    expect(r.verdict).toBe('valid');
    expect(check(r, 'signature')?.message).toContain('Proof 1 of 2');
    const broken = await edited(file, (vc) => {
      const v = vc.proof[1].proofValue as string;
      vc.proof[1].proofValue = `${v.slice(0, -2)}${v.endsWith('A') ? 'B' : 'A'}${v.slice(-1)}`;
    });
    expect(broken.verdict).not.toBe('valid');
    expect(check(broken, 'signature')?.message).toContain('Proof 2 of 2');
  });

  it('names its earner only by name: an address cannot be matched against it', async () => {
    const r = await run(`${MIT}/courseCertificate.json`, ['lucas@example.org']);
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'skipped' });
    expect(check(r, 'recipient')?.message).toContain('name');
    expect(r.verdict).toBe('valid');
  });

  it('fails once the earner\'s name is edited', async () => {
    const r = await edited(`${MIT}/courseCertificate.json`, (vc) => {
      vc.credentialSubject.identifier[0].identityHash = 'Someone Else';
    });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  /**
   * The README's annotated example is the course certificate as signed on 2025-09-12 (commit
   * 1fecb8c, both proofs kept) with its `validUntil` taken out: its authors' edit, not a forgery,
   * yet the proof no longer covers what the document says. Invalid; the same document with its
   * `validUntil` put back verifies, which shows the edit is the whole difference.
   */
  it('the README\'s annotated copy, edited after signing, is invalid', async () => {
    const file = `${MIT}/README_annotated-example.json`;
    const r = await run(file);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    const restored = await edited(file, (vc) => {
      vc.validUntil = '2030-01-01T00:00:00Z';
    });
    expect(fails(restored)).toEqual([]);
    expect(restored.verdict).toBe('valid');
  });
});

/**
 * 1EdTech's Open Badges 3.0 implementation guide: its eddsa-rdfc-2022 test vectors (an
 * OpenBadgeCredential and a ClrCredential, both by `https://example.edu/issuers/565049`), and the
 * specification's "Complete OpenBadgeCredential" example as its source holds it.
 */
describe('1EdTech OB 3.0 implementation guide: test vectors and examples', () => {
  const SPEC = '1edtech-ob-spec';

  /**
   * The signature holds with the Ed25519 key the method's fragment spells, but only the issuer's
   * document (never published: example.edu is a placeholder) can say the key is the issuer's
   * (VC DI 1.0 §5.10). Indeterminate, never invalid.
   */
  it('the OpenBadgeCredential test vector verifies, but its key is not shown to be the issuer\'s', async () => {
    const r = await run(`${SPEC}/impl_linked-data-proof-ob_signed.json`);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'signature')?.message).toContain('eddsa-rdfc-2022');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(r.badge?.name).toBe('Teamwork');
  });

  it('the OpenBadgeCredential test vector fails once its achievement is edited', async () => {
    const r = await edited(`${SPEC}/impl_linked-data-proof-ob_signed.json`, (vc) => {
      vc.credentialSubject.achievement.name = 'Leadership';
    });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  /** The CLR 2.0.1 context is not bundled and contexts are never fetched: the proof cannot be canonicalized. */
  it('the ClrCredential test vector is indeterminate: its CLR context is not one Lanyard holds', async () => {
    const r = await run(`${SPEC}/impl_linked-data-proof-clr_signed.json`);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.message).toContain('CLR 2.0');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNKNOWN_CONTEXT });
    expect(check(r, 'signature')?.message).toContain('clr/v2p0/context-2.0.1.json');
    expect(r.badge?.name).toBe('Sample Transcript');
  });

  /** The example as written carries no proof (the specification's build signs it when it renders the page): OB 3.0 §8 asks for one. */
  it('the Complete OpenBadgeCredential example, unsigned, is not valid', async () => {
    const r = await run(`${SPEC}/examples_fullOpenBadge.json`);
    expect(r.format).toBe('ob3.0-unsigned');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  /**
   * Its endorsement's proof is a placeholder: cryptosuite `eddsa-rdf-2022` (no such suite) and a
   * method whose fragment is the proofValue itself. A placeholder proves nothing, and naming a suite
   * off the allow-list fails (DESIGN.md signature row); with the suite's name corrected, it is still
   * never valid.
   */
  it('the placeholder proof of its endorsement is never valid', async () => {
    const file = `${SPEC}/examples_fullOpenBadge_endorsement-0.json`;
    const r = await run(file);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
    expect(check(r, 'signature')?.message).toContain('eddsa-rdf-2022');
    const renamed = await edited(file, (vc) => {
      vc.proof[0].cryptosuite = 'eddsa-rdfc-2022';
    });
    expect(renamed.verdict).not.toBe('valid');
    expect(check(renamed, 'signature')?.outcome).not.toBe('pass');
  });
});

/**
 * Hyland's Blockcerts v3 proofs of concept. A Blockcerts certificate is vouched for by its
 * MerkleProof2019 anchor (real-issuers-5.test.ts): one signed only by a key, whatever the suite,
 * is never valid, only indeterminate, and says why.
 */
describe('Blockcerts proofs of concept: signed without a blockchain anchor', () => {
  it.each([
    ['blockcerts-poc-proofchain/cert-ed25519.json', 'Ed25519Signature2020 by its did:key issuer'],
    ['blockcerts-poc-proofchain/cert-secp256k1.json', 'EcdsaSecp256k1Signature2019 by its did:key issuer'],
    ['blockcerts-poc-ecdsa-sd/signed-credential.json', 'an ecdsa-sd-2023 base proof, meant for the holder'],
  ])('%s (%s) is indeterminate', async (file) => {
    const r = await run(file);
    expect(r.format).toBe('blockcerts3');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.BLOCKCHAIN_ANCHOR });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(r.badge?.name).toBe('Master of Puppets');
  });

  /**
   * The credential derived from that base proof discloses only its subject's id and name: no
   * issuer, no issuance date. VC DM 1.1 §4.5 and §4.6 make both required, so what is presented is
   * not a credential at all, whoever signed the base. Invalid on its structure, nothing else judged.
   */
  it('the derived credential, which withholds its issuer, is malformed', async () => {
    const r = await run('blockcerts-poc-ecdsa-sd/derived-credential.json');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: ErrorCodes.STRUCTURE_INVALID });
    expect(check(r, 'structure')?.message).toContain('issuer');
    expect(check(r, 'signature')?.outcome).toBe('skipped');
  });
});
