/**
 * A refresh the provider refuses for good, with an error other than `invalid_grant` (RFC 6749 §5.2):
 * `invalid_scope` (the grant was narrowed at the provider, and §6 says a refresh "MUST NOT include any
 * scope not originally granted"), `unauthorized_client` or `unsupported_grant_type` (this client may
 * no longer refresh). Asking again can never succeed; a new sign-in can. It was a plain refusal
 * (REJECTED): the sync retried every 1…60 minutes for good and never asked the user to sign in.
 * Now the account asks for a new sign-in and keeps every cached badge, as for invalid_grant.
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { tokenRequest } from '../../src/backpack/oauth.ts';
import { failure } from '../backpack-clients/failure.ts';
import { harness, useBackpack } from './harness.ts';
import { expectSignInAgain } from './sign-in-again.ts';

const ctx = useBackpack({ badges: 3 });
const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';

describe('a refresh refused for good', () => {
  it('invalid_scope from the test backpack (the grant was narrowed there): sign in again, badges kept, no retry loop', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(view.id)).map((r) => r.key).sort();
    expect(cached.length).toBeGreaterThan(0);
    const kept = await h.db.secrets.get(`refresh:${view.id}`);
    if (kept?.kind !== 'refresh') throw new Error('no refresh token');
    // The user took the profile scope back at the provider: a refresh asking for it is invalid_scope.
    ctx.bp.control.stateForTests.tokenByRefresh(kept.refreshToken)!.scope = [READ];
    ctx.bp.control.failNext({ status: 401, path: '/ims/ob/v3p0/profile' });
    const s = await h.app.sync.run(view.id);
    expect(ctx.bp.control.requests.some((r) => r.path === '/oauth/token' && r.status === 400)).toBe(true);
    await expectSignInAgain(h, view.id, s, cached);
  });

  it('unauthorized_client and unsupported_grant_type on a refresh are UNAUTHORIZED too; on a code exchange they stay a refusal', async () => {
    for (const error of ['invalid_scope', 'unauthorized_client', 'unsupported_grant_type']) {
      const fetch = async (): Promise<Response> => new Response(JSON.stringify({ error }), { status: 400, headers: { 'content-type': 'application/json' } });
      const e = await failure(tokenRequest({ fetch }, 'https://bp.example/oauth/token', null, { grant_type: 'refresh_token', refresh_token: 'r' }, 'refresh'));
      expect(e).toMatchObject({ code: C.UNAUTHORIZED, detail: error });
      const code = await failure(tokenRequest({ fetch }, 'https://bp.example/oauth/token', null, { grant_type: 'authorization_code', code: 'c' }, 'code'));
      expect(code.code).toBe(C.REJECTED);
    }
  });
});
