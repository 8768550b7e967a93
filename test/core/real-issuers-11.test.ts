/**
 * An eleventh round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): an OB 3.0 badge Arizona State University's Trusted Learner Network
 * issued, one that Indicio's ACA-Py agent (Hyperledger Aries) issued under a did:indy, and
 * 1EdTech's own selectively disclosed (ecdsa-sd-2023) example; what Lanyard says of each and why
 * that is the right verdict. Nothing is fetched: no document these credentials need is published
 * where a test could serve it from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const run = (file: string) => verify(bytes(file), { fetch: offlineFetch(), now: NOW, identities: [] });
const edited = (file: string, edit: (vc: Record<string, unknown>) => void) => {
  const vc = JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, unknown>;
  edit(vc);
  return verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
};

/**
 * "2024 TLN Unconference Change Agent", issued on 2024-04-04 by the Trusted Learner Network
 * Unconference issuer (tln.asu.edu) with Ed25519Signature2020 by its did:key, OB 3.0.3 context on
 * VC 1.1, no expiry and no status. Dock's credential SDK verifies it in its own example; so does
 * jsonld-signatures 11 with @digitalbazaar/ed25519-signature-2020. Its key is the issuer's DID itself
 * (did:key, Ed25519 multicodec 0xed), so nothing needs fetching: valid. Its subject's id
 * (`did:key:7af2…`, hex rather than multibase) is no DID anyone can resolve, but OB 3.0
 * §AchievementSubject asks only for a URI, and no recipient is checked without the user's identities.
 */
describe('ASU Trusted Learner Network: a did:key OB 3.0 badge', () => {
  const TLN = 'docknetwork-sdk/open-badges_asu-tln-unconference.json';

  it('is valid, signed by the issuer\'s own did:key', async () => {
    const r = await run(TLN);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain('Ed25519Signature2020');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('2024 TLN Unconference Change Agent');
    expect(r.badge?.issuer.name).toBe('Trusted Learner Network (TLN) Unconference Issuer');
  });

  it('names its earner by the subject id as written, whatever DID method it claims', async () => {
    const earner = 'did:key:7af28a8b2b9684073a0884aacd8c31eb5908baf4a1ba7e2ca60582bf585c68ad';
    const r = await verify(bytes(TLN), { fetch: offlineFetch(), now: NOW, identities: [earner] });
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('fails once the achievement it awards is edited', async () => {
    const r = await edited(TLN, (vc) => {
      ((vc.credentialSubject as Record<string, unknown>).achievement as Record<string, unknown>).name = '2024 TLN Unconference Keynote Speaker';
    });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});

/**
 * An OpenBadgeCredential (the JFF x VC-EDU PlugFest 3 achievement, "Cred Attempt SDK 5") that an
 * ACA-Py agent of Indicio's issued on 2025-03-25: Ed25519Signature2020 by
 * `did:indy:indicio:test:Y4zm…#assert`, a BitstringStatusListEntry on a zrok tunnel. Its developer
 * posted it, with the DID document, because spruceid/ssi did not verify it while ACA-Py and
 * @digitalbazaar/vc did; jsonld-signatures 11 with @digitalbazaar/ed25519-signature-2020 verifies it
 * with that document's `#assert` key (Ed25519VerificationKey2020 under `assertionMethod`). A did:indy
 * resolves only by reading an Indy ledger, which Lanyard does not do (it resolves did:key, did:jwk
 * and did:web): no key can be bound to the issuer, and a genuine badge must not be called forged for it.
 * Indeterminate, saying why, never valid.
 */
describe('Indicio (ACA-Py, Hyperledger Aries): a did:indy issuer', () => {
  const INDY = 'spruceid-ssi/issue-667_indicio-acapy-openbadge.json';

  it('is indeterminate: its DID method is one Lanyard does not resolve', async () => {
    const r = await run(INDY);
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NO_KEY });
    expect(check(r, 'signature')?.message).toContain('did:indy');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(r.badge?.name).toBe('Cred Attempt SDK 5');
  });

  it('leaves revocation unsettled while its status list cannot be read', async () => {
    const r = await run(INDY);
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(check(r, 'revocation')?.message).toContain('mepeltierindicio.share.zrok.io');
  });

  it('is not made valid by moving its proof to a key Lanyard can resolve', async () => {
    const r = await edited(INDY, (vc) => {
      const did = 'did:key:z6MkoFBQkXuBwcKygrCgAzsZ7Dua1UEtGuUiRazvWxd64EHK';
      (vc.issuer as Record<string, unknown>).id = did;
      (vc.proof as Record<string, unknown>).verificationMethod = `${did}#z6MkoFBQkXuBwcKygrCgAzsZ7Dua1UEtGuUiRazvWxd64EHK`;
    });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});

/**
 * 1EdTech's validator's selectively disclosed example (inspector-vc `ob30/sd/derivedcredential.json`,
 * which it counts valid): an ecdsa-sd-2023 derived proof by
 * `https://1edtech.edu/issuers/565049#zDnaek…`. 1edtech.edu publishes no controller document there
 * (the domain is the specification's placeholder), and a key is the issuer's only when the issuer's
 * own document lists it under assertionMethod (VC DI 1.0 §5.10; DESIGN.md "Nothing is trusted from
 * the credential itself"): the method's fragment naming a key is no proof of whose it is.
 * Indeterminate, never invalid. A derived proof (VC DI ECDSA §3.5) signs only what the holder
 * disclosed, and the issuer's mandatory pointers need not cover an expiry or a status: without them
 * validity and revocation stay open too, whatever the key (src/core/proofs/withheld.ts).
 */
describe('1EdTech: an ecdsa-sd-2023 derived credential', () => {
  const SD = '1edtech-dcpv/ob30_sd_derivedcredential.json';

  it('is indeterminate: the issuer\'s document cannot be read, and what the holder withheld cannot be known', async () => {
    const r = await run(SD);
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NO_KEY });
    expect(check(r, 'signature')?.message).toContain('https://1edtech.edu/issuers/565049');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.ISSUER_UNRESOLVED });
    expect(check(r, 'validity')?.outcome).toBe('indeterminate');
    expect(check(r, 'validity')?.message).toContain('ecdsa-sd-2023');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(r.badge?.name).toBe('Teamwork');
  });
});
