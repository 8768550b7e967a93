/**
 * A VC-JWT in VC DM 1.1's form (§6.3.1: the credential in `vc`, its id as `jti`, its issuer as `iss`, its
 * start as `nbf`) baked beside the credential's JSON is one badge: the JSON is the `vc` with what the
 * claims stand for put back (same-badge.ts isDecodedVcJwt). `nbf` stands for `issuanceDate`; a credential
 * that writes no `issuanceDate` (OB 3.0 writes `validFrom`) was given the claim's number as one, and the
 * genuine image read as two badges, indeterminate. A claim stands only for a member the JSON writes, as the
 * JWT claims beside a credential that is the payload itself (baked-vc-jwt-direct.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgeName, namesOtherBadge } from '../../../src/core/input/same-badge.ts';
import { makeJws } from './make-jws.ts';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:7f0c1d2e-3a4b-4c5d-8e6f-9a0b1c2d3e4f',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Example University' },
  validFrom: '2024-01-01T00:00:00Z',
  credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.com/a/1', type: ['Achievement'], name: 'Course' } },
};
const NBF = Date.parse(credential.validFrom) / 1000;
const { id, ...withoutId } = credential;

const same = (payload: Record<string, unknown>, json: unknown) =>
  !namesOtherBadge(badgeName(makeJws({ alg: 'EdDSA' }, payload))!, badgeName(JSON.stringify(json))!);

describe('a VC DM 1.1 VC-JWT beside its credential JSON', () => {
  it('its vc without the id (as jti) and an nbf, the JSON with validFrom and no issuanceDate: one badge', () => {
    expect(same({ iss: credential.issuer.id, nbf: NBF, jti: id, vc: withoutId }, credential)).toBe(true);
    expect(same({ iss: credential.issuer.id, nbf: NBF, exp: NBF + 86400, jti: id, vc: withoutId }, credential)).toBe(true);
  });

  it('a JSON that writes issuanceDate must give the nbf instant; another credential is another badge', () => {
    const dated = { ...credential, issuanceDate: credential.validFrom };
    expect(same({ nbf: NBF, jti: id, vc: withoutId }, dated)).toBe(true);
    expect(same({ nbf: NBF + 1, jti: id, vc: withoutId }, dated)).toBe(false);
    expect(same({ nbf: NBF, jti: id, vc: withoutId }, { ...credential, name: 'Another' })).toBe(false);
  });
});
