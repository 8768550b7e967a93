/**
 * 1EdTech Revocation List (reference §3.7, DCPV RevocationListProbe): a credential listed in
 * `revokedCredential` is revoked unless its entry says `revoked: false`. A list naming the credential
 * twice, first with a `revoked` that is neither true nor false and then with `revoked: true`, was
 * unsettled (the first entry answered), where the second says revoked; and a list of one written
 * as the value alone (JSON-LD 1.1 §4.3.1) was "not a revocation list".
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential } from '../proofs/support.ts';

const url = 'https://issuer.example/revocations';
const vc = credential('did:example:issuer', { credentialStatus: { id: url, type: '1EdTechRevocationList' } });
const listing = (revokedCredential: unknown) => checkCredentialStatus(vc, context(new FakeWeb().json(url, { revokedCredential })));

describe('1EdTechRevocationList forms', () => {
  it('an entry saying revoked decides, wherever it stands among the credential\'s entries', async () => {
    expect(await listing([{ id: vc.id, revoked: 'maybe' }, { id: vc.id, revoked: true }])).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(await listing([{ id: vc.id, revoked: false }, { id: vc.id }])).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect((await listing([{ id: vc.id, revoked: 'maybe' }, { id: 'urn:other' }])).outcome).toBe('indeterminate');
  });

  it('reads a list of one written as the value alone', async () => {
    expect(await listing({ id: vc.id })).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(await listing(vc.id)).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect((await listing({ id: 'urn:other' })).outcome).toBe('pass');
    expect((await listing(7)).outcome).toBe('indeterminate');
  });
});
