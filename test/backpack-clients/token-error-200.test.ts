/**
 * A token endpoint that answers its error (RFC 6749 §5.2 `{error, error_description}`) with HTTP 200,
 * as some OAuth servers do (GitHub's token endpoint is the known one): the `error` is the server's
 * word and is read as the §5.2 error it names. Taken for a malformed answer (PROTOCOL), a refresh
 * refused with `invalid_grant` was a passing failure, retried at every sync, and the account never
 * asked to sign in again. Stub fetches: what the answer holds is the point.
 */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { tokenRequest } from '../../src/backpack/oauth.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';

const CLIENT: RegisteredClient = { clientId: 'c', clientSecret: 's', registration: {} };
const answering = (body: unknown) => async (): Promise<Response> => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

describe('a §5.2 error answered with HTTP 200', () => {
  it('a refresh refused with invalid_grant ends the session (sign in again)', async () => {
    const e = await failure(tokenRequest({ fetch: answering({ error: 'invalid_grant', error_description: 'The refresh token has expired' }) }, 'https://wallet.example/token', CLIENT, { grant_type: 'refresh_token', refresh_token: 'r' }, 'refresh'));
    expect(e.code).toBe(C.UNAUTHORIZED);
    expect(e.detail).toBe('invalid_grant');
  });

  it('a code exchange refused is a failed sign-in in the server\'s words', async () => {
    const e = await failure(tokenRequest({ fetch: answering({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }) }, 'https://wallet.example/token', CLIENT, { grant_type: 'authorization_code', code: 'x' }, 'code'));
    expect(e.code).toBe(C.REJECTED);
    expect(e.message).toContain('The code passed is incorrect or expired.');
  });

  it('an answer with neither access_token nor error is still malformed (PROTOCOL)', async () => {
    expect((await failure(tokenRequest({ fetch: answering({ token_type: 'Bearer' }) }, 'https://wallet.example/token', CLIENT, {}, 'refresh'))).code).toBe(C.PROTOCOL);
  });
});
