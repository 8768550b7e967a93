/**
 * A tenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): what the Digital Credentials Consortium publishes as examples and test
 * data for its wallet and verifiers, what Lanyard says of each and why that is the right verdict.
 * Every key is a did:key, so nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const run = (file: string, now = NOW) => verify(bytes(file), { fetch: offlineFetch(), now, identities: [] });
const ALL_PASS = { structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' };

/**
 * The LCW Experience Badge, which DCC's on-demand issuer (badging.dcconsortium.org) signs for anyone
 * who claims it in the Learner Credential Wallet (Ed25519Signature2020 by `did:key:z6MktL8X…`), as
 * the wallet exports it: a VerifiablePresentation with no proof of its own around the signed
 * credential. An unsigned presentation adds nothing and takes nothing away (VC DM 2.0 §4.13 makes a
 * presentation's proof the holder's, not the issuer's): the badge is its own proof. Both the one
 * issued to Kerri Lemoie (2025-05-08, in DCC's docs) and one issued 2026-08-02 (veri-good's test) hold.
 */
describe('DCC: LCW Experience badges as the wallet exports them', () => {
  it.each(['dcc-docs/kerri-lcw-experience-badge.json', 'dcc-veri-good/LCWExperience.json'])('%s is valid', async (file) => {
    const r = await run(file);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(check(r, 'signature')?.message).toContain('Ed25519Signature2020');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('LCW Experience Badge');
    expect(r.badge?.issuer.name).toBe('Digital Credentials Consortium');
  });

  /**
   * Both pair the OB 3.0.2 context (written for VC 1.1) with VC 2.0: said, as 1EdTech's validator
   * says it, never held against the badge, since the proof holds over the terms as they expand.
   */
  it('their context pairing is a warning, not a failure', async () => {
    const r = await run('dcc-docs/kerri-lcw-experience-badge.json');
    expect(check(r, 'schema')).toMatchObject({ outcome: 'warning' });
    expect(check(r, 'schema')?.message).toContain('pairs the OB 3.0.2 context');
  });

  it('fails once the earner in the presentation is edited', async () => {
    const vp = JSON.parse(readFileSync(path.join(REAL, 'dcc-docs/kerri-lcw-experience-badge.json'), 'utf8')) as { verifiableCredential: { credentialSubject: { name: string } }[] };
    vp.verifiableCredential[0]!.credentialSubject.name = 'Someone Else';
    const r = await verify(JSON.stringify(vp), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});

/**
 * veri-good's "locally signed fixture" (2026-09-15): an OpenBadgeCredential with no top-level `name`
 * (OB 3.0 §B.1.1 AchievementCredential: `name` 0..1 in the revision the context names) and an
 * achievement without `criteria`. Its Ed25519Signature2020 proof holds: valid, the badge's name taken
 * from its achievement, as veri-good's own test expects ("Advanced Cartography").
 */
describe('DCC veri-good: a badge named only by its achievement', () => {
  it('is valid and shows the achievement\'s name', async () => {
    const r = await run('dcc-veri-good/achievementNameOnly.json');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('Advanced Cartography');
    expect(r.badge?.issuer.name).toBe('Department of Cartography');
  });
});

/**
 * DCC's documented example credentials (docs `example-credentials/`), signed 2023-08-02 by its test
 * issuer `did:key:z6MkhVTX…`: "expired" (expirationDate one second after issuance) and "revoked",
 * which says so in its description but names no `credentialStatus`. A verifier can only know a
 * revocation through a status the credential names (VC DM 1.1 §7.1 "Status"): without one it is not
 * revoked, and Lanyard must not invent one from the description. It expires on 2025-07-26.
 */
describe('DCC docs: the expired and "revoked" examples', () => {
  it('the expired example is invalid (expired), its signature holding', async () => {
    const r = await run('dcc-docs/expired_credential.json');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });

  it('the "revoked" example, which names no status, is valid before its expiry and not called revoked', async () => {
    const r = await run('dcc-docs/revoked_credential.json', new Date('2025-01-01T00:00:00Z'));
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(check(r, 'revocation')?.message).toContain('names no status');
  });

  it('the "revoked" example is expired on 2026-12-06, not revoked', async () => {
    const r = await run('dcc-docs/revoked_credential.json');
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'revocation')?.outcome).toBe('pass');
  });
});

/**
 * DCC's signed render-method samples (2023-10-23, Ed25519Signature2020 by its test issuer
 * `did:key:z6MknNQD…`) for a "Tec de Monterrey" degree: their `renderMethod` has the type
 * `SvgRenderingTemplate2023`, which none of their contexts defines (their inline context maps only
 * `renderMethod`, `css3MediaQuery` and `digestMultibase`). JSON-LD cannot expand that type to an
 * IRI (JSON-LD 1.1 API "IRI Expansion": no term, no @vocab, no base), so safe mode refuses the document (jsonld-signatures
 * 11: "Safe mode validation error") and what the issuer signed cannot be known: invalid, as DESIGN.md
 * decides for documents safe mode refuses. Without safe mode sample 2's proof holds over the data
 * with that type dropped, sample 1's under no reading.
 */
describe('DCC docs: render-method samples whose template type no context defines', () => {
  it.each([
    ['dcc-docs/tec-de-monterrey-pdf-sample-1-svg-signed.json', 'renderMethod Rocks'],
    ['dcc-docs/tec-de-monterrey-pdf-sample-2-svg-signed.json', 'Título Profesional'],
  ])('%s is invalid, the reason naming the undefined type', async (file, name) => {
    const r = await run(file);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain('its type "SvgRenderingTemplate2023" is defined by none of its JSON-LD contexts');
    expect(r.badge?.name).toBe(name);
  });
});

/**
 * The revoked credential the Learner Credential Wallet's developer screen adds (2022-08-19, DCC's demo
 * issuer `did:key:z6MkhVTX…`): a VC of type `Assertion` under DCC's own `https://w3id.org/dcc/v1`
 * context, not an Open Badge. Lanyard checks Open Badges only, and does not fetch that context:
 * indeterminate, saying why, never valid and never called forged.
 */
describe('DCC Learner Credential Wallet: a revoked non-badge credential', () => {
  it('is indeterminate: not an Open Badge, its context not bundled', async () => {
    const r = await run('dcc-lcw/revokedCredential.json');
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NOT_OPEN_BADGE });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNKNOWN_CONTEXT });
    expect(check(r, 'signature')?.message).toContain('https://w3id.org/dcc/v1');
    expect(fails(r)).toEqual([]);
  });
});

/**
 * DCC's signing service, as its README shows it signing with both suites at once (2025-04-02, its
 * test issuer `did:key:z6MknNQD…`): an Ed25519Signature2020 and an eddsa-rdfc-2022 proof side by
 * side, a proof set (VC DI 1.0 §2.1.1). Both verify, and the first names the suite that holds with the
 * issuer's key. A set is verified only when each of its proofs is (§4.5): with either proof corrupted
 * it is not valid, and since the other still holds over the same content, not forged either.
 */
describe('DCC signing service: one badge signed with both suites', () => {
  it('is valid', async () => {
    const r = await run('dcc-signing-service/README_both-suites.json');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(check(r, 'signature')?.message).toContain('Ed25519Signature2020');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.issuer.name).toBe('Digital Credentials Consortium Test Issuer');
  });

  it('fails once its content is edited: neither proof holds', async () => {
    const vc = JSON.parse(readFileSync(path.join(REAL, 'dcc-signing-service/README_both-suites.json'), 'utf8')) as { credentialSubject: { name: string } };
    vc.credentialSubject.name = 'John Doe';
    const r = await verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it.each([
    [0, 'Ed25519Signature2020', 2],
    [1, 'eddsa-rdfc-2022', 1],
  ] as const)('is not valid with proof %i corrupted, and not called forged: the other proof holds', async (i, suite, other) => {
    const vc = JSON.parse(readFileSync(path.join(REAL, 'dcc-signing-service/README_both-suites.json'), 'utf8')) as { proof: { proofValue: string }[] };
    // One base58 digit of the signature changed: still a 64-byte signature, no longer the issuer's.
    const value = vc.proof[i]!.proofValue;
    vc.proof[i]!.proofValue = value.slice(0, 30) + (value[30] === 'A' ? 'B' : 'A') + value.slice(31);
    const r = await verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain(`Proof ${i + 1} of 2 (${suite}) does not verify`);
    expect(check(r, 'signature')?.message).toContain(`proof ${other} does`);
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
  });
});

/**
 * What DCC's signing service answered its workflow coordinator's test on 2023-09-11: the "University
 * of Wonderful" badge under the unversioned OB 3.0 `context.json` (and the StatusList2021 context,
 * though it names no status), Ed25519Signature2020 by a tenant's did:key. It was signed under the
 * beta context that URL served then (Lanyard's ob3-beta fallback), so it is valid, and saying so.
 */
describe('DCC workflow coordinator: a 2023 badge signed under the beta context', () => {
  const FILE = 'dcc-workflow-coordinator/directTest_signedVcWithId.json';
  it('is valid under the beta context', async () => {
    const r = await run(FILE);
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject(ALL_PASS);
    expect(check(r, 'signature')?.message).toContain('beta context');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.issuer.name).toBe('University of Wonderful');
  });

  it('is invalid once edited: the beta reading does not rescue altered content', async () => {
    const vc = JSON.parse(readFileSync(path.join(REAL, FILE), 'utf8')) as { issuer: { name: string } };
    vc.issuer.name = 'University of Wonderland';
    const r = await verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
