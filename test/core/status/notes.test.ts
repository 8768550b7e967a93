import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEndorsements } from '../../../src/core/proofs/endorsement.ts';
import { checkRefresh } from '../../../src/core/status/refresh.ts';
import { checkSchema } from '../../../src/core/status/schema.ts';
import { CONFORMANCE_DIR } from '../../support/conformance.ts';
import { context, credential, generateSigner, signCredential } from '../proofs/support.ts';

const complete = JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'ob30/complete.json'), 'utf8')) as Record<string, unknown>;

describe('endorsement, refresh and schema: reported, never the verdict', () => {
  it('warns about complete.json\'s five endorsements, which do not verify', async () => {
    const r = await checkEndorsements(complete, context());
    expect(r?.outcome).toBe('warning');
    expect(r?.message).toMatch(/^5 of 5 endorsements do not verify/);
    expect(r?.message).toMatch(/eddsa-rdf-2022/);
  });
  it('passes endorsements signed by their issuer', async () => {
    const endorser = await generateSigner();
    const e = await signCredential(
      { ...credential(endorser.did), type: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: { id: 'https://issuer.example/1', type: ['EndorsementSubject'], endorsementComment: 'Good' } },
      endorser,
    );
    expect(await checkEndorsements(credential('https://issuer.example/1', { endorsement: [e] }), context())).toEqual({ outcome: 'pass', message: '1 endorsement verified' });
    expect(await checkEndorsements(credential('https://issuer.example/1'), context())).toBeNull();
  });
  it('an endorsement whose validUntil is no date, or has a day its month lacks, is not called verified (read as validity.ts reads dates)', async () => {
    // Before: Date.parse made 'next spring' NaN, read as "no expiry", and '2031-02-30' 2 March.
    const endorser = await generateSigner();
    for (const validUntil of ['next spring', '2031-02-30T00:00:00Z']) {
      const e = await signCredential(
        { ...credential(endorser.did), validUntil, type: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: { id: 'https://issuer.example/1', type: ['EndorsementSubject'], endorsementComment: 'Good' } },
        endorser,
      );
      const r = await checkEndorsements(credential('https://issuer.example/1', { endorsement: [e] }), context());
      expect(r, validUntil).toMatchObject({ outcome: 'warning', message: expect.stringMatching(/^1 of 1 endorsements do not verify.*validUntil/) });
    }
  });
  it('notes a refresh service that was not called', () => {
    expect(checkRefresh(complete)).toMatchObject({ outcome: 'warning', message: expect.stringMatching(/1EdTechCredentialRefresh.*not called/) });
    expect(checkRefresh(credential('x'))).toBeNull();
  });
  it('checks the OB 3.0 schema structurally, and says which schemas it did not check', () => {
    expect(checkSchema(complete)?.outcome).toBe('pass');
    const elsewhere = { credentialSchema: [{ id: 'https://schemas.example/s.json', type: '1EdTechJsonSchemaValidator2019' }] };
    expect(checkSchema(credential('x', elsewhere))).toMatchObject({ outcome: 'warning', message: expect.stringMatching(/not bundled and was not fetched/) });
    const named = { credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }] };
    expect(checkSchema(credential('https://issuer.example/1', named))?.outcome).toBe('pass');
    const broken = credential('https://issuer.example/1', named);
    delete (broken.credentialSubject as Record<string, unknown>).achievement;
    expect(checkSchema(broken)).toMatchObject({ outcome: 'warning', message: expect.stringMatching(/credentialSubject.achievement/) });
    expect(checkSchema(credential('x'))).toBeNull();
  });
});
