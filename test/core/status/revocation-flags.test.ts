/**
 * A 1EdTech Revocation List entry's `revoked` as issuers write it: the list named a credential
 * "revoked": "false" (a string) and it was called revoked, so a reinstated badge read as invalid;
 * a value that is neither true nor false now leaves the status unsettled rather than settled.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { context, credential } from '../proofs/support.ts';

const url = 'https://issuer.example/revocations';
const vc = credential('did:example:issuer', { credentialStatus: { id: url, type: '1EdTechRevocationList' } });
const listing = (revoked: unknown) => checkCredentialStatus(vc, context(new FakeWeb().json(url, { revokedCredential: [{ id: vc.id, revoked }] })));

describe('1EdTechRevocationList: what an entry\'s revoked says', () => {
  it.each<[unknown]>([['false'], ['FALSE'], [0]])('revoked: %j is not revoked', async (v) => {
    expect((await listing(v)).outcome).toBe('pass');
  });
  it.each<[unknown]>([[true], ['true'], [1], [undefined]])('revoked: %j (or none: being listed) is revoked', async (v) => {
    expect(await listing(v)).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
  });
  it.each<[unknown]>([['maybe'], [[false]]])('revoked: %j is neither: unsettled', async (v) => {
    expect((await listing(v)).outcome).toBe('indeterminate');
  });
});
