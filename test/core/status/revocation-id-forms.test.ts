/**
 * A revocation list naming the credential by another spelling of its id. A UUID URN's hex digits
 * are "case insensitive on input" (RFC 9562 §4, RFC 4122 §3), as is the URN's "urn" and namespace id
 * (RFC 8141 §3.1), and an http(s) URL's scheme and host (RFC 3986 §6.2.2.1): an issuer whose list
 * writes `urn:uuid:A953…` for the credential `urn:uuid:a953…` revoked it, and it read valid.
 * Applies to the 1EdTech Revocation List (status/revocation-list.ts) and the OB 2.0 RevocationList
 * (formats/ob2-revocation-list.ts). Other ids stay exact: their case may matter.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { checkCredentialStatus } from '../../../src/core/status/check.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { assertion, CTX, makeIssuer, NOW, REVOCATIONS, signJws } from '../formats/ob2-fixtures.ts';
import { context, credential } from '../proofs/support.ts';

const url = 'https://issuer.example/revocations';
const ID = 'urn:uuid:a953b2c4-0000-4000-8000-00000000abcd';
const UPPER = 'URN:UUID:A953B2C4-0000-4000-8000-00000000ABCD';

describe('1EdTechRevocationList: an id spelled otherwise', () => {
  const listing = (id: string, revokedCredential: unknown) =>
    checkCredentialStatus(credential('did:example:issuer', { id, credentialStatus: { id: url, type: '1EdTechRevocationList' } }), context(new FakeWeb().json(url, { revokedCredential })));

  it('a UUID URN in capitals names the credential: revoked', async () => {
    expect(await listing(ID, [{ id: UPPER }])).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(await listing(UPPER, [ID])).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
    expect(await listing('https://issuer.example/credentials/1', ['https://ISSUER.example/credentials/1'])).toMatchObject({ outcome: 'fail' });
  });

  it('another UUID, or another path\'s case, is another credential', async () => {
    expect((await listing(ID, [{ id: 'urn:uuid:a953b2c4-0000-4000-8000-00000000abce' }])).outcome).toBe('pass');
    expect((await listing('https://issuer.example/credentials/a', ['https://issuer.example/credentials/A'])).outcome).toBe('pass');
    expect((await listing('urn:example:abc', ['urn:example:ABC'])).outcome).toBe('pass');
  });
});

describe('OB 2.0 RevocationList: a UUID URN in capitals', () => {
  it('revokes the assertion it names', async () => {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    web.json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [UPPER] });
    const r = await verify(await signJws(await assertion({ id: ID }), privateKey), { fetch: web.fetch, now: NOW });
    expect(r.checks.find((c) => c.id === 'revocation')).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
  });
});

/**
 * Hostile review (hostile40): the 1EdTech list is JSON-LD too, and its entries may be written as the
 * OB 2.0 RevocationList's are read (ob2-revocation-list.ts): `{"@id": …}` (the keyword `id` aliases,
 * JSON-LD 1.1 §4.1.2), or the whole list as `{"@set": […]}` / `{"@list": […]}` (§4.3.1-2). Read as one
 * entry naming nothing, each let a listed credential read "not revoked". A list that names its
 * entries in no way read is not settled "not revoked" by them.
 */
describe('1EdTechRevocationList: entries in JSON-LD keyword form', () => {
  const listing = (revokedCredential: unknown) =>
    checkCredentialStatus(credential('did:example:issuer', { id: ID, credentialStatus: { id: url, type: '1EdTechRevocationList' } }), context(new FakeWeb().json(url, { revokedCredential })));

  it.each<[string, unknown]>([
    ['{"@id"}', [{ '@id': ID, revocationReason: 'Issued in error' }]],
    ['a lone {"@id"}', { '@id': UPPER }],
    ['a {"@set": […]} of ids', { '@set': ['urn:uuid:other', ID] }],
    ['a {"@list": […]} of {"@id"}', { '@list': [{ '@id': ID }] }],
  ])('%s naming the credential: revoked', async (_, revoked) => {
    expect(await listing(revoked)).toMatchObject({ outcome: 'fail', code: ErrorCodes.REVOKED });
  });

  it('the same forms naming others: not revoked', async () => {
    expect((await listing({ '@set': ['urn:uuid:other'] })).outcome).toBe('pass');
    expect((await listing([{ '@id': 'urn:uuid:other' }])).outcome).toBe('pass');
  });
});
