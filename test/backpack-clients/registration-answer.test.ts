/**
 * What Lanyard keeps of a registration answer (RFC 7591 §3.2.1; src/backpack/registration-answer.ts):
 * a hostile backpack writes the answer, and it goes into the `secrets` store. Stub fetches: what
 * the answer holds is the point, not the HTTP.
 */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { MAX_CLIENT_CREDENTIAL, trimKeptRegistration } from '../../src/backpack/registration-answer.ts';
import { registerClient } from '../../src/backpack/registration.ts';
import { clientAuth } from '../../src/backpack/client-auth.ts';

const SITE = 'https://wallet.example';
const CB = 'https://lanyard.example/cb';
const META = { clientName: 'L', clientUri: 'https://lanyard.example/', logoUri: 'https://lanyard.example/l', tosUri: 'https://lanyard.example/t', policyUri: 'https://lanyard.example/p', softwareId: 'l', softwareVersion: '1', redirectUris: [CB], scope: ['read', 'profile', 'offline_access'] };
const answering = (body: unknown): Fetch => async () => new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
const register = (body: unknown) => registerClient({ fetch: answering(body) }, `${SITE}/register`, META);
const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

describe('a registration answer keeps only what Lanyard uses (RFC 7591 §3.2.1)', () => {
  it('drops a registration_access_token, a huge field and every other member, and keeps the fields Lanyard reads', async () => {
    const c = await register({
      client_id: 'abc', client_secret: 'sss', client_id_issued_at: 1, client_secret_expires_at: 1_900_000_000,
      registration_access_token: 'rat-secret', registration_client_uri: `${SITE}/register/abc`,
      client_name: 'x'.repeat(1_000_000), scope: 'read profile offline_access', token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [CB], grant_types: ['authorization_code', 'refresh_token'],
    });
    expect(c.clientId).toBe('abc');
    expect(c.clientSecret).toBe('sss');
    expect(c.registration).toEqual({ client_secret_expires_at: 1_900_000_000, scope: 'read profile offline_access', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [CB] });
    expect(JSON.stringify(c)).not.toContain('rat-secret');
  });

  it('a scope wider than asked keeps only what was asked; redirect URIs Lanyard did not register are not kept', async () => {
    const c = await register({ client_id: 'a', client_secret: 's', scope: 'read admin:all profile', redirect_uris: [CB, 'https://wallet.example/steal'] });
    expect(c.registration).toEqual({ scope: 'read profile', redirect_uris: [CB] });
  });

  it('an answer whose redirect_uris leave out the one Lanyard registered is refused: the authorization could not come back', async () => {
    for (const uris of [[], ['https://wallet.example/steal']]) {
      const e = await failure(register({ client_id: 'a', client_secret: 's', redirect_uris: uris }));
      expect(e.code).toBe(C.REGISTRATION_REFUSED);
      expect(e.detail).toBe('redirect_uri');
    }
    // No redirect_uris in the answer: what was asked stands (§3.2.1 echoes what was registered; some servers do not).
    expect((await register({ client_id: 'a', client_secret: 's' })).clientId).toBe('a');
  });

  it('an optional field written as null is no value, as if absent (JSON serializers write an unset member as null)', async () => {
    const c = await register({ client_id: 'a', client_secret: 's', client_secret_expires_at: null, scope: null, token_endpoint_auth_method: null, redirect_uris: null });
    expect(c).toEqual({ clientId: 'a', clientSecret: 's', registration: {} });
  });

  it('a field of the wrong type is refused, the field named', async () => {
    const cases: [unknown, RegExp][] = [
      [{ client_id: 42, client_secret: 's' }, /client_id is not a string/],
      [{ client_id: 'a' }, /client_secret is missing/],
      [{ client_id: 'a', client_secret: ['s'] }, /client_secret is not a string/],
      [{ client_id: 'a', client_secret: 's', client_secret_expires_at: '0' }, /client_secret_expires_at/],
      [{ client_id: 'a', client_secret: 's', scope: ['read'] }, /scope is not a string/],
      [{ client_id: 'a', client_secret: 's', token_endpoint_auth_method: { m: 1 } }, /token_endpoint_auth_method/],
      [{ client_id: 'a', client_secret: 's', redirect_uris: CB }, /redirect_uris is not an array of strings/],
      [{ client_id: 'a', client_secret: 's', redirect_uris: [CB, 7] }, /redirect_uris is not an array of strings/],
      [['a', 's'], /not a JSON object/],
    ];
    for (const [body, why] of cases) {
      const e = await failure(register(body));
      expect(e.code).toBe(C.PROTOCOL);
      expect(e.message).toMatch(why);
    }
  });

  it('a client id or secret past MAX_CLIENT_CREDENTIAL characters is refused; one at the bound is kept', async () => {
    const long = 'k'.repeat(MAX_CLIENT_CREDENTIAL + 1);
    expect((await failure(register({ client_id: long, client_secret: 's' }))).message).toMatch(/client_id is \d+ characters long/);
    expect((await failure(register({ client_id: 'a', client_secret: long }))).message).toMatch(/client_secret is \d+ characters long/);
    expect((await register({ client_id: 'a', client_secret: long.slice(1) })).clientSecret).toHaveLength(MAX_CLIENT_CREDENTIAL);
  });
});

/**
 * RFC 7591 §3.2.1: the server may register the client for another `token_endpoint_auth_method` than
 * the `client_secret_basic` asked (OB 3.0 and OB 2.1 allow only that one). Lanyard can authenticate
 * with a secret in the header or in the form (client-auth.ts); registered for anything else
 * (`client_secret_jwt`, `private_key_jwt`, `tls_client_auth`…), it sent Basic all the same, and the
 * code exchange was refused `invalid_client` only after the user had signed in at the backpack: the
 * client forgotten, the next sign-in registered again, and failed the same way. Such an answer is now
 * a refused registration, before the user is sent anywhere.
 */
describe('a registration answer naming a client authentication Lanyard cannot do', () => {
  it.each(['client_secret_jwt', 'private_key_jwt', 'tls_client_auth'])('%s is a refused registration, naming the method', async (method) => {
    const e = await failure(register({ client_id: 'a', client_secret: 's', token_endpoint_auth_method: method, redirect_uris: [CB] }));
    expect(e.code).toBe(C.REGISTRATION_REFUSED);
    expect(e.detail).toBe('token_endpoint_auth_method');
    expect(e.message).toContain(method);
  });

  it.each(['client_secret_basic', 'client_secret_post'])('%s is kept', async (method) => {
    expect((await register({ client_id: 'a', client_secret: 's', token_endpoint_auth_method: method })).registration).toEqual({ token_endpoint_auth_method: method });
  });
});

/** RFC 7591 §3.2.1: `client_secret` is OPTIONAL, "used by confidential clients"; a public client (`none`) has none. */
describe('a registration answer for a public client (`none`)', () => {
  it('is kept without a secret, and its token requests name it by client_id in the form only (RFC 6749 §3.2.1)', async () => {
    const c = await register({ client_id: 'pub', token_endpoint_auth_method: 'none', redirect_uris: [CB] });
    expect(c).toEqual({ clientId: 'pub', clientSecret: '', registration: { token_endpoint_auth_method: 'none', redirect_uris: [CB] } });
    expect(clientAuth(c, { grant_type: 'refresh_token' })).toEqual({ headers: {}, form: { grant_type: 'refresh_token', client_id: 'pub' } });
    // As kept and read back at the next sign-in (oauth-client.ts keptOrRegistered): the same client, not a new registration.
    expect(trimKeptRegistration({ ...c.registration, client_id: c.clientId, client_secret: c.clientSecret }, { scope: [], redirectUris: [CB] })).toEqual(c.registration);
  });

  it('a confidential client without a secret is still refused', async () => {
    expect((await failure(register({ client_id: 'conf', token_endpoint_auth_method: 'client_secret_basic' }))).code).toBe(C.PROTOCOL);
    expect((await failure(register({ client_id: 'conf' }))).code).toBe(C.PROTOCOL);
  });
});
