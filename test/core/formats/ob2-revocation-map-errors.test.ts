/**
 * An OB 1.1 revocation list is a map of uid → reason, every value a string (OB 1.1
 * §IssuerOrganization `revocationList`). A server's error answer whose members are all strings is
 * such a map to the eye: the keys ERROR_MEMBERS names were refused (status-key-answers.test.ts), but
 * AWS Lambda's `{"errorMessage": "… Task timed out after 30.00 seconds"}`, `{"errorType", "errorMessage"}`,
 * a SOAP-style `{"faultstring"}` or `{"exception"}` were read as lists that do not name the badge:
 * a revoked badge read "not revoked" whenever its issuer's list timed out. A map one of whose keys
 * names an error, a fault, an exception or a timeout is no list: unsettled. A genuine map decides as before.
 */
import { describe, expect, it } from 'vitest';
import { checkRevocationList } from '../../../src/core/formats/ob2-revocation-list.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { createContext } from '../../../src/core/verify/context.ts';
import { NOW } from './ob2-fixtures.ts';

const LIST_URL = 'https://issuer.example/revoked.json';
const assertion = { id: 'https://issuer.example/assertions/1', uid: 'abc-1' };
const issuerProfile = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://issuer.example/issuer', type: 'Issuer', name: 'Example', revocationList: LIST_URL };

async function revocation(answer: unknown): Promise<string | undefined> {
  const checks = new CheckList();
  const ctx = createContext({ fetch: async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }), now: NOW });
  await checkRevocationList(checks, assertion, issuerProfile, ctx);
  return checks.outcome('revocation');
}

describe('a server\'s error answer whose members are all strings is no OB 1.1 revocation map', () => {
  it.each<[string, Record<string, string>]>([
    ['AWS Lambda, timed out', { errorMessage: '2026-12-06T15:00:00.000Z 1f2e Task timed out after 30.00 seconds' }],
    ['AWS Lambda, an exception', { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: connect ECONNREFUSED' }],
    ['a SOAP-style fault', { faultcode: 'Server', faultstring: 'Internal Error' }],
    ['a Java exception', { exception: 'java.lang.NullPointerException', path: '/revoked.json' }],
    ['a timeout', { timeout: 'upstream request timeout' }],
    ['an error description', { error_description: 'invalid_token' }],
  ])('%s: unsettled', async (_, answer) => {
    expect(await revocation(answer)).toBe('indeterminate');
  });

  it('a genuine OB 1.1 map still decides', async () => {
    expect(await revocation({ 'abc-1': 'Issued in error', 'def-2': 'Misconduct' })).toBe('fail');
    expect(await revocation({ 'def-2': 'Misconduct' })).toBe('pass');
    expect(await revocation({ 'https://issuer.example/assertions/9': 'Error in the name' })).toBe('pass');
  });
});
