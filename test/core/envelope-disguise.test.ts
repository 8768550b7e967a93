/**
 * An Open Badge is read as one first (core/input/classify.ts): the envelopes of other credentials
 * that Lanyard reads and leaves unsettled (an OpenAttestation document's `data` and SHA3MerkleProof
 * `signature`, open-attestation.ts; a JWS in JSON serialization's `payload` and `signatures`,
 * jws-json.ts) are recognised by fields any JSON document may carry. Badge data is hostile input: a
 * forged or expired badge given those fields must stay invalid, never become "not verified". Real
 * credentials (test/fixtures/real, provenance in test/fixtures/README.md), edited; nothing is fetched.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const json = (file: string) => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, unknown>;
const run = (doc: unknown) => verify(JSON.stringify(doc), { fetch: offlineFetch(), now: NOW, identities: [] });

/** What makes a document an OpenAttestation 2.0 one (open-attestation.ts isOpenAttestation). */
const OPEN_ATTESTATION = {
  version: 'https://schema.openattestation.com/2.0/schema.json',
  data: { name: 'b1a2c3d4-0000-4000-8000-000000000000:string:Anything' },
  signature: { type: 'SHA3MerkleProof', targetHash: 'a'.repeat(64), proof: [], merkleRoot: 'a'.repeat(64) },
};
/** What makes one a flattened JWS in JSON serialization (jws-json.ts isJwsJson). */
const JWS_JSON = { payload: 'eyJ0eXBlIjoiVmVyaWZpYWJsZUNyZWRlbnRpYWwifQ', protected: 'eyJhbGciOiJFUzI1NiJ9', signature: 'AAAA' };

describe('a badge that borrows another envelope\'s fields is still read as a badge', () => {
  const EXPIRED = 'dcc-docs/expired_credential.json';

  it('the expired OB 3.0 credential is invalid (expired) as it is', async () => {
    const r = await run(json(EXPIRED));
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
  });

  it.each([
    ['an OpenAttestation document', OPEN_ATTESTATION],
    ['a JWS in JSON serialization', JWS_JSON],
  ])('given the fields of %s, the expired OB 3.0 credential stays invalid, not unsettled', async (_, fields) => {
    const r = await run({ ...json(EXPIRED), ...fields });
    expect(r.verdict).toBe('invalid');
    // The fields added are not what the issuer signed: its proof fails (and the checks after it are skipped).
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail' });
    expect(r.checks.some((c) => c.code === ErrorCodes.UNSUPPORTED)).toBe(false);
  });

  it.each([
    ['an OpenAttestation document', OPEN_ATTESTATION],
    ['a JWS in JSON serialization', JWS_JSON],
  ])('given the fields of %s, a valid OB 3.0 credential is no longer the one signed: invalid', async (_, fields) => {
    const file = 'dcc-veri-good/achievementNameOnly.json';
    expect((await run(json(file))).verdict).toBe('valid');
    const r = await run({ ...json(file), ...fields });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail' });
  });

  it('an OB 1.0 assertion (no @context, told by its fields) with an OpenAttestation envelope is read as a badge', async () => {
    const r = await run({ recipient: 'sha256$' + 'c'.repeat(64), badge: 'https://issuer.example/badge.json', verify: { type: 'hosted', url: 'https://issuer.example/a.json' }, issuedOn: '2016-01-01', ...OPEN_ATTESTATION });
    expect(r.checks.some((c) => c.code === ErrorCodes.UNSUPPORTED && /OpenAttestation/.test(c.message))).toBe(false);
  });

  it('a real OpenCerts certificate is still an OpenAttestation document (unsettled)', async () => {
    const r = await run(json('opencerts-website/demo_sepolia.opencert'));
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });
});
