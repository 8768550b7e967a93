/**
 * The user withholds the scope that reads the badges (OB 3.0 security.html "Authorization
 * Response": the scope "MAY be a subset of the scopes in the request"; OB 2.1 likewise). A token
 * without it lists nothing (403 insufficient_scope, RFC 6750 §3.1): a sign-in that went through
 * would fail every sync with "sign in again", and signing in again the same way would change
 * nothing. The sign-in is refused, saying what is missing, and nothing is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
afterEach(() => {
  ctx.bp.control.stateForTests.withheldScopes = [];
});

describe.each([
  ['ob3', 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly'],
  ['badge-connect', 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly'],
] as const)('%s: the user does not grant the scope that reads the badges', (kind, readScope) => {
  it('the sign-in is refused, naming what was not allowed; no account, no token, no code exchange', async () => {
    ctx.bp.control.stateForTests.withheldScopes = [readScope];
    const h = await harness();
    const before = ctx.bp.control.requests.length;
    const e = await failure(h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl }));
    expect(e.code).toBe('AUTHORIZATION_FAILED');
    expect(e.message).toMatch(/read your badges/);
    expect(await h.db.accounts.all()).toEqual([]);
    expect(ctx.bp.control.requests.slice(before).some((r) => r.path === '/oauth/token')).toBe(false);
  });
});
