/**
 * OB 2.0 §RevocationList: `revokedAssertions` lists an assertion's id as a string or as an object
 * with `id` (or the legacy `uid`). JSON-LD writes a list of one as the value alone (JSON-LD 1.1 §4.3.1:
 * a property's single value need not be in an array), so a list naming one revoked assertion may be
 * `"revokedAssertions": "urn:uuid:…"` or `{ "id": "urn:uuid:…" }`. Such a list was taken for an OB 1.1
 * uid map (its keys "@context", "id", "type" as uids), and the revoked badge read as not revoked. And a
 * document that is neither form (an error object answered with 200, a node of another type) is no list: not settled, never a pass.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, ISSUER, makeIssuer, NOW, REVOCATIONS, signJws } from './ob2-fixtures.ts';

const ID = 'urn:uuid:00000000-0000-4000-8000-00000000000c';

async function verdictWith(list: unknown) {
  const { web, privateKey } = await makeIssuer({ revocationList: true });
  web.json(REVOCATIONS, list);
  const jws = await signJws(await assertion({ id: ID }), privateKey);
  const r = await verify(jws, { fetch: web.fetch, now: NOW });
  return { verdict: r.verdict, revocation: r.checks.find((c) => c.id === 'revocation') };
}

const listOf = (revokedAssertions: unknown) => ({ '@context': CTX, type: 'RevocationList', id: REVOCATIONS, issuer: 'https://issuer.test/issuer.json', revokedAssertions });

describe('OB 2.0 RevocationList forms', () => {
  it.each<[string, unknown]>([
    ['a string alone', ID],
    ['an object alone', { id: ID, revocationReason: 'Issued in error' }],
    ['a legacy uid object alone', { uid: ID }],
    ['a list of strings', ['urn:uuid:other', ID]],
    ['a list of objects', [{ id: 'urn:uuid:other' }, { id: ID }]],
  ])('revokes an assertion the list names as %s', async (_, revoked) => {
    const r = await verdictWith(listOf(revoked));
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it.each<[string, unknown]>([
    ['a string alone', 'urn:uuid:other'],
    ['an object alone', { id: 'urn:uuid:other' }],
    ['an empty list', []],
    ['absent (a RevocationList naming none)', undefined],
  ])('passes an assertion the list does not name, the list being %s', async (_, revoked) => {
    const r = await verdictWith(listOf(revoked));
    expect(r.revocation?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('reads an OB 1.1 list, a map of uid to reason', async () => {
    expect((await verdictWith({ [ID]: 'Issued in error', 'urn:uuid:other': 'x' })).revocation?.outcome).toBe('fail');
    expect((await verdictWith({ 'urn:uuid:other': 'x' })).revocation?.outcome).toBe('pass');
  });

  it.each<[string, unknown]>([
    ['an error object', { error: 'Internal error', status: 500 }],
    ['a node of another type', { '@context': CTX, type: 'Issuer', id: REVOCATIONS, name: 'x' }],
    ['revokedAssertions as a number', listOf(3)],
  ])('settles nothing from a document that is no revocation list: %s', async (_, doc) => {
    const r = await verdictWith(doc);
    expect(r.revocation?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });
});

/** The issuer's profile with `revocationList` as given (makeIssuer's profile otherwise). */
async function verdictWithProfileList(revocationList: unknown) {
  const { web, privateKey } = await makeIssuer();
  web.json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', publicKey: 'https://issuer.test/key.json', revocationList });
  const r = await verify(await signJws(await assertion({ id: ID }), privateKey), { fetch: web.fetch, now: NOW });
  return { verdict: r.verdict, revocation: r.checks.find((c) => c.id === 'revocation') };
}

describe('OB 2.0 RevocationList embedded in the issuer\'s profile', () => {
  // Read as "the issuer publishes no revocation list" when the embedded list had no id of its own.
  it.each<[string, unknown]>([
    ['without an id', { type: 'RevocationList', revokedAssertions: [ID] }],
    ['without an id, one entry alone', { type: 'RevocationList', revokedAssertions: { id: ID } }],
    ['with an id, one entry alone', { type: 'RevocationList', id: 'https://issuer.test/unfetched.json', revokedAssertions: ID }],
  ])('revokes an assertion a list %s names', async (_, list) => {
    const r = await verdictWithProfileList(list);
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it('passes one it does not name, and settles nothing from a list with neither entries nor address', async () => {
    expect((await verdictWithProfileList({ type: 'RevocationList', revokedAssertions: ['urn:uuid:other'] })).verdict).toBe('valid');
    expect((await verdictWithProfileList({ type: 'RevocationList' })).revocation?.outcome).toBe('indeterminate');
    expect((await verdictWithProfileList(null)).verdict).toBe('valid');
  });
});
