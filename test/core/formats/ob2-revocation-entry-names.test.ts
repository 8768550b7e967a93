/**
 * How an OB 2.0 RevocationList names the assertion it revokes (OB 2.0 §RevocationList
 * `revokedAssertions`: an id, `{id}` or the legacy `{uid}`). The list is JSON-LD under the OB 2.0
 * context, where `id` is the alias of `@id` (JSON-LD 1.1 §4.1.2 keyword aliasing): an entry written
 * `{"@id": …}` names the same node, and a revoked badge must not read valid because its issuer's list
 * used the keyword. An issuer that moved to https may still list the http form of the id it serves
 * over https (ob2-common.ts isSecureFormOf: one address): listed is revoked.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, CTX, makeIssuer, NOW, REVOCATIONS, signJws } from './ob2-fixtures.ts';

async function revocationWith(id: string, revokedAssertions: unknown) {
  const { web, privateKey } = await makeIssuer({ revocationList: true });
  web.json(REVOCATIONS, { '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions });
  const r = await verify(await signJws(await assertion({ id }), privateKey), { fetch: web.fetch, now: NOW });
  return { verdict: r.verdict, revocation: r.checks.find((c) => c.id === 'revocation') };
}

const URN = 'urn:uuid:00000000-0000-4000-8000-00000000000d';
const HTTPS = 'https://issuer.test/assertions/7';

describe('OB 2.0 RevocationList entries in JSON-LD keyword form', () => {
  it.each<[string, unknown]>([
    ['{"@id"} alone', { '@id': URN }],
    ['a list of {"@id"}', [{ '@id': 'urn:uuid:other' }, { '@id': URN, revocationReason: 'Issued in error' }]],
    ['a {"@set": […]} of ids', { '@set': ['urn:uuid:other', URN] }],
    ['a {"@list": […]} of {"@id"}', { '@list': [{ '@id': URN }] }],
  ])('revokes an assertion the list names as %s', async (_, revoked) => {
    const r = await revocationWith(URN, revoked);
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it('passes an assertion a keyword-form list does not name', async () => {
    const r = await revocationWith(URN, [{ '@id': 'urn:uuid:other' }, { '@set': ['urn:uuid:other2'] }]);
    expect(r.revocation?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});

describe('OB 2.0 RevocationList entries naming another form of an https id', () => {
  it.each<[string, unknown]>([
    ['its http form', ['http://issuer.test/assertions/7']],
    ['its host in capitals', [{ id: 'https://ISSUER.test/assertions/7' }]],
    ['the default port written', ['https://issuer.test:443/assertions/7']],
  ])('revokes an assertion the list names by %s', async (_, revoked) => {
    const r = await revocationWith(HTTPS, revoked);
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });

  it.each<[string, unknown]>([
    ['another path', ['https://issuer.test/assertions/70']],
    ['another fragment of one document', ['https://issuer.test/assertions/7#a']],
    ['the http form on another port', ['http://issuer.test:8080/assertions/7']],
  ])('passes an assertion the list does not name: %s', async (_, revoked) => {
    const r = await revocationWith(HTTPS, revoked);
    expect(r.revocation?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});

/**
 * Hostile review (hostile40): an entry written with white space around the id (a list made from a
 * spreadsheet or a text file: " urn:uuid:…", "https://…\n") names that id: a URL parser strips it
 * (WHATWG URL §basic URL parser: leading and trailing C0 control or space), and no id holds it. It
 * was compared as written, so the badge the issuer revoked read valid.
 */
describe('OB 2.0 RevocationList entries with white space around the id', () => {
  it.each<[string, string, unknown]>([
    ['a URN string with a trailing newline', URN, [`${URN}\n`]],
    ['a URN {id} with spaces, in capitals', URN, [{ id: `  ${URN.toUpperCase()} ` }]],
    ['an https {uid} with a tab', HTTPS, [{ uid: `\t${HTTPS}` }]],
    ['an https string with a trailing space', HTTPS, [`${HTTPS} `]],
  ])('revokes an assertion the list names as %s', async (_, id, revoked) => {
    const r = await revocationWith(id, revoked);
    expect(r.revocation).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it('space inside an id is no trim: another id, not revoked', async () => {
    const r = await revocationWith(HTTPS, [`${HTTPS.replace('assertions', 'asser tions')}`, ` ${URN} `]);
    expect(r.revocation?.outcome).toBe('pass');
  });
});

/**
 * Hostile review (hostile40): a `uid` written as a number (OB 1.0 §Assertion says Text; issuers that
 * numbered their assertions wrote `"uid": 42`) was no id at all, on the assertion or in the list's
 * entry, so a list naming it, as `{"uid": 42}`, `"42"` or an OB 1.1 map key "42", did not revoke it.
 */
describe('a numeric uid', () => {
  async function withUid(uid: unknown, list: Record<string, unknown>) {
    const { web, privateKey } = await makeIssuer({ revocationList: true });
    web.json(REVOCATIONS, list);
    const r = await verify(await signJws(await assertion({ id: URN, uid }), privateKey), { fetch: web.fetch, now: NOW });
    return r.checks.find((c) => c.id === 'revocation');
  }
  const ob2 = (revokedAssertions: unknown) => ({ '@context': CTX, type: 'RevocationList', id: REVOCATIONS, revokedAssertions });

  it.each<[string, unknown, Record<string, unknown>]>([
    ['{"uid": 42} for uid 42', 42, ob2([{ uid: 42 }])],
    ['{"uid": "42"} for uid 42', 42, ob2([{ uid: '42' }])],
    ['{"uid": 42} for uid "42"', '42', ob2([{ uid: 42 }])],
    ['an OB 1.1 map key "42" for uid 42', 42, { '42': 'Issued in error' }],
  ])('%s: revoked', async (_, uid, list) => {
    expect(await withUid(uid, list)).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
  });

  it('another number, or digits that only begin alike, is another uid', async () => {
    expect((await withUid(42, ob2([{ uid: 43 }, '420'])))?.outcome).toBe('pass');
  });
});
