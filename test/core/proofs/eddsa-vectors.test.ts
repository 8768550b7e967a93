/**
 * The W3C vc-di-eddsa test vectors not yet run (test/fixtures/suites/, provenance in
 * test/fixtures/README.md): the eddsa-rdfc-2022 Employment Authorization Document and the
 * Ed25519Signature2020 Alumni credential. Both are signed by the vectors' Ed25519 did:key, which is
 * not their issuer (a P-256 did:key, an https issuer): the proofs hold, the keys are not the issuers'.
 * Neither is an Open Badge, and each names a context Lanyard does not bundle: offline, indeterminate.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { offlineFetch } from '../../support/real-fixtures.ts';
import { context } from './support.ts';
import { edited, fixture, vectorContexts } from './suite-vectors.ts';

const EMPLOY = fixture('vc-di-eddsa_eddsa-rdfc-2022_employ_signedDataInt.json');
const ED2020 = fixture('vc-di-eddsa_Ed25519Signature2020_signedEdSig.json');
const best = async (vc: Record<string, unknown>) => (await verifyDataIntegrity(vc, context(), { contexts: vectorContexts })).best!;
const NOW = new Date('2026-12-07T00:00:00Z');

describe('W3C vc-di-eddsa vectors: eddsa-rdfc-2022 (employ) and Ed25519Signature2020', () => {
  // The employ issuer is another did:key (its key list, derived from the DID, lacks the signer); the alumni issuer is an https URL not served here.
  for (const [name, vc, suite, keyStatus] of [['eddsa-rdfc-2022 employment document', EMPLOY, 'eddsa-rdfc-2022', 'not-listed'], ['Ed25519Signature2020 alumni credential', ED2020, 'Ed25519Signature2020', 'unresolvable']] as const) {
    it(`${name}: the proof holds, by a key that is not the issuer's`, async () => {
      const r = await best(vc);
      expect(r.signature).toMatchObject({ outcome: 'pass' });
      expect(r.signature.message).toContain(suite);
      expect(r.issuerKey?.status).toBe(keyStatus);
    });

    it(`${name}: edited, the proof fails`, async () => {
      const r = await best(edited(vc, (c) => (c.credentialSubject.id = 'did:example:mallory')));
      expect(r.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    });

    it(`${name}: offline, with Lanyard's own contexts, indeterminate and never invalid`, async () => {
      const r = await verify(JSON.stringify(vc), { fetch: offlineFetch(), now: NOW, identities: [] });
      expect(r.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
      expect(r.verdict).toBe('indeterminate');
      expect(r.checks.find((c) => c.id === 'structure')?.code).toBe(ErrorCodes.NOT_OPEN_BADGE);
    });
  }
});
