/**
 * A second round of credentials from real issuers (continued from real-issuers-2.test.ts): VC-JWTs
 * from issuing platforms whose issuers are did:jwk or did:web, with the DID documents they published
 * (test/fixtures/real, provenance in test/fixtures/README.md). Nothing is fetched: only the
 * documents a test maps answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();

const NOW = new Date('2026-12-01T00:00:00Z');

/**
 * MATTR Launchpad (launchpad.vii.electron.mattrlabs.io): the JFF Plugfest 3 OB 3.0 VC-JWT it issued
 * over OpenID4VCI on 2024-01-21 (EdDSA, kid did:web:…#Ck99k8Rd75, valid one year), with the did:web
 * document the issuer served, as credo-ts recorded both for its holder tests. MATTR's document lists
 * its key under `publicKey`, the pre-DID Core name of verificationMethod (read since this session).
 */
describe('MATTR Launchpad: an OB 3.0 VC-JWT by a did:web issuer whose document uses the legacy publicKey', () => {
  const JWT = 'credo-openid4vc/mattr-launchpad_jwt_vc_json.jwt';
  const MATTR = offlineFetch([{ prefix: 'https://launchpad.vii.electron.mattrlabs.io/', dir: path.join(REAL, 'hosts/launchpad.vii.electron.mattrlabs.io') }]);

  it('is valid while it ran, its key read from MATTR\'s DID document and bound to the issuer; expired after 2025-01-21', async () => {
    const during = await verify(bytes(JWT), { fetch: MATTR, now: new Date('2024-06-01T00:00:00Z'), identities: [] });
    expect(during.verdict, JSON.stringify(during.checks, null, 1)).toBe('valid');
    expect(outcomes(during)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass' });
    expect(check(during, 'signature')?.message).toContain('did:web:launchpad.vii.electron.mattrlabs.io#Ck99k8Rd75');
    const after = await verify(bytes(JWT), { fetch: MATTR, now: NOW, identities: [] });
    expect(after.verdict).toBe('invalid');
    expect(check(after, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(after, 'signature')?.outcome).toBe('pass');
  });

  it('leaves MATTR\'s 2023 Plugfest 2 badge (Sphereon\'s copy) indeterminate: signed with #6BhFMCGTJg, a key the 2024 document no longer lists (rotated, not forged)', async () => {
    const r = await verify(bytes('sphereon-oid4vc/mattr.json'), { fetch: MATTR, now: new Date('2023-06-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate' });
    expect(check(r, 'signature')?.message).toContain('#6BhFMCGTJg');
    expect(fails(r)).toEqual([]);
  });

  it('with its 2023 DID document (which lists #6BhFMCGTJg), leaves MATTR\'s JSON-LD Plugfest 2 badges indeterminate: their MATTR context is not bundled', async () => {
    // credo-ts's earlier fixtures: the did:web document MATTR served in 2023 and the Ed25519Signature2018
    // OpenBadgeCredential it issued then; Sphereon's copy (2023-04) is signed with the same key.
    const MATTR_2023 = offlineFetch([{ prefix: 'https://launchpad.vii.electron.mattrlabs.io/', dir: path.join(REAL, 'credo-openid4vc/mattr-2023-did-web') }]);
    for (const f of ['credo-openid4vc/mattr-launchpad_ldp_vc_plugfest2.json', 'sphereon-oid4vc/mattr.json']) {
      const r = await verify(bytes(f), { fetch: MATTR_2023, now: new Date('2023-06-01T00:00:00Z'), identities: [] });
      expect(r.verdict, f).toBe('indeterminate');
      expect(check(r, 'signature')?.message, f).toContain('https://mattr.global/contexts/vc-extensions/v1');
      expect(fails(r), f).toEqual([]);
    }
  });

  it('is indeterminate without the DID document, and forged once its payload is edited', async () => {
    const alone = await verify(bytes(JWT), { fetch: offline, now: new Date('2024-06-01T00:00:00Z'), identities: [] });
    expect(alone.verdict).toBe('indeterminate');
    expect(check(alone, 'signature')?.message).toContain('https://launchpad.vii.electron.mattrlabs.io/.well-known/did.json');
    const [h, p, s] = readFileSync(path.join(REAL, JWT), 'utf8').trim().split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: { credentialSubject: { achievement: { name: string } } } };
    payload.vc.credentialSubject.achievement.name = 'Leadership';
    const r = await verify(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`, { fetch: MATTR, now: new Date('2024-06-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
