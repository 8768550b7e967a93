import { describe, expect, it } from 'vitest';
import { statusOb3, structureOb3, validityOb3 } from '../../../src/core/formats/ob3-badge.ts';
import { toBadge } from '../../../src/core/formats/ob3-to-badge.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { createContext } from '../../../src/core/verify/context.ts';
import { credential, NOW } from '../keys/jwt-fixtures.ts';

describe('OB 3.0 → Badge', () => {
  it('maps the achievement, issuer, dates, recipients, evidence and alignments', () => {
    const c = credential(
      { id: 'https://issuer.test/i', type: 'Profile', name: 'Issuer', url: 'https://issuer.test', email: 'i@issuer.test', image: { id: 'https://issuer.test/logo.png', type: 'Image' } },
      {
        awardedDate: '2025-02-01T00:00:00Z',
        validUntil: '2030-01-01T00:00:00Z',
        evidence: [{ id: 'https://issuer.test/e/1', name: 'Test log', narrative: 'Drove well' }],
        credentialSubject: {
          id: 'mailto:Ada@Example.org',
          identifier: { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc', salt: 'pepper' },
          achievement: {
            id: 'https://issuer.test/a/1', name: 'Forklift', description: 'Lifts', image: { id: 'https://issuer.test/a.png' },
            criteria: { id: 'https://issuer.test/criteria', narrative: 'Pass' }, tag: ['safety', 7],
            alignment: [{ targetName: 'ESCO', targetUrl: 'https://esco.test/x', targetCode: 'X1' }, 'junk'],
          },
        },
      },
    );
    const b = toBadge(c, 'ob3.0-jwt');
    expect(b).toMatchObject({
      id: c.id, name: 'Forklift', description: 'Lifts', image: 'https://issuer.test/a.png',
      criteria: { url: 'https://issuer.test/criteria', narrative: 'Pass' },
      issuer: { id: 'https://issuer.test/i', name: 'Issuer', url: 'https://issuer.test', email: 'i@issuer.test', image: 'https://issuer.test/logo.png' },
      issuedOn: '2025-02-01T00:00:00Z', validFrom: '2025-01-01T00:00:00Z', expires: '2030-01-01T00:00:00Z',
      recipients: [
        { type: 'email', identity: 'Ada@Example.org', hashed: false },
        { type: 'email', identity: 'sha256$abc', hashed: true, salt: 'pepper' },
      ],
      evidence: [{ id: 'https://issuer.test/e/1', name: 'Test log', narrative: 'Drove well' }],
      alignments: [{ targetName: 'ESCO', targetUrl: 'https://esco.test/x', targetCode: 'X1' }],
      tags: ['safety'], format: 'ob3.0-jwt', achievementId: 'https://issuer.test/a/1',
    });
  });

  it('survives hostile shapes', () => {
    for (const junk of [{}, { credentialSubject: 'x', issuer: 5, evidence: 'e' }, { credentialSubject: [{ achievement: [] }], issuer: [null] }]) {
      expect(toBadge(junk, 'ob3.0-data-integrity')).toMatchObject({ name: '', recipients: [], issuer: {} });
    }
    expect(toBadge({ name: 'Credential name', credentialSubject: { identifier: [{ identityType: 'studentId', identityHash: '42' }] } }, 'ob3.0-jwt'))
      .toMatchObject({ name: 'Credential name', recipients: [{ type: 'studentId', identity: '42', hashed: false }] });
  });
});

describe('OB 3.0 structure, dates and status', () => {
  it('accepts a VC 1.1 credential with issuanceDate and an EndorsementCredential without achievement', () => {
    const { validFrom, ...rest } = credential('https://issuer.test/i');
    void validFrom;
    const checks = new CheckList();
    expect(structureOb3({ ...rest, '@context': ['https://www.w3.org/2018/credentials/v1'], issuanceDate: '2025-01-01T00:00:00Z' }, checks)).toBe(true);
    const e = new CheckList();
    expect(structureOb3(credential('did:example:x', { type: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: { id: 'https://x.test/a' } }), e)).toBe(true);
    expect(e.has('schema')).toBe(false);
  });

  it('notes a missing achievement under schema without failing structure', () => {
    const checks = new CheckList();
    expect(structureOb3(credential('did:example:x', { credentialSubject: { id: 'did:example:y' } }), checks)).toBe(true);
    expect(checks.get('schema')).toMatchObject({ outcome: 'warning', message: expect.stringContaining('achievement') });
  });

  it('a non-URI id is noted when a VC-JWT signs its text, malformed when it would drop out of signed RDF', () => {
    const c = credential('did:example:x', { id: 'b08d340b24f64fe2b1a4b8af6e9458bc' });
    const jwt = new CheckList();
    expect(structureOb3(c, jwt, { signedAsText: true })).toBe(true);
    expect(jwt.get('schema')).toMatchObject({ outcome: 'warning', message: expect.stringContaining('b08d340b24f64fe2b1a4b8af6e9458bc is not a URI') });
    const di = new CheckList();
    expect(structureOb3(c, di)).toBe(false);
    expect(di.get('structure')).toMatchObject({ outcome: 'fail', message: expect.stringContaining('id (a URI)') });
    // Not a string at all: malformed however it is signed.
    expect(structureOb3(credential('did:example:x', { id: 42 }), new CheckList(), { signedAsText: true })).toBe(false);
  });

  it('reads VC 1.1 dates', () => {
    const checks = new CheckList();
    validityOb3({ '@context': ['https://www.w3.org/2018/credentials/v1'], issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' }, checks, NOW);
    expect(checks.get('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    const bad = new CheckList();
    validityOb3({ validFrom: 'yesterday' }, bad, NOW);
    expect(bad.get('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
  });

  it('passes revocation without a status and is indeterminate when the list is unreachable', async () => {
    const ctx = createContext({ now: NOW });
    const a = new CheckList();
    await statusOb3({}, ctx, a);
    expect(a.get('revocation')?.outcome).toBe('pass');
    const b = new CheckList();
    await statusOb3({ credentialStatus: { type: '1EdTechRevocationList', id: 'https://x.test/r' } }, ctx, b);
    expect(b.get('revocation')?.outcome).toBe('indeterminate');
  });
});

/**
 * OB 3.0's context 3.0.2 was written for VC 1.1, 3.0.3 for VC 2.0 (ob_v3p0/context.md); 1EdTech's
 * validator warns of another OB context after VC 2.0's. The pairing is said (a warning on `schema`),
 * never failed: the badge's proof holds over whatever context it was signed with.
 */
describe('structureOb3: the OB 3.0.2 context beside VC 2.0', () => {
  const OB302 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
  const structure = (context: string[], extra: Record<string, unknown> = {}) => {
    const checks = new CheckList();
    const ok = structureOb3({ ...credential('https://issuer.example/1', extra), '@context': context }, checks);
    return { ok, schema: checks.get('schema') };
  };

  it('is a warning naming the pairing, the structure passing', () => {
    const r = structure(['https://www.w3.org/ns/credentials/v2', OB302]);
    expect(r.ok).toBe(true);
    expect(r.schema?.outcome).toBe('warning');
    expect(r.schema?.message).toContain(OB302);
    expect(r.schema?.message).toContain('https://www.w3.org/ns/credentials/v2');
  });

  it('is not said of 3.0.2 on VC 1.1, nor of 3.0.3 on VC 2.0', () => {
    const v1 = structure(['https://www.w3.org/2018/credentials/v1', OB302], { issuanceDate: '2025-01-01T00:00:00Z' });
    expect(v1.ok).toBe(true);
    expect(v1.schema?.message ?? '').not.toContain('3.0.2');
    expect(structure(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']).schema?.message ?? '').not.toContain('3.0.2');
  });
});
