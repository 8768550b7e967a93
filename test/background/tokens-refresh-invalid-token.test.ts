/**
 * A token endpoint that refuses an expired refresh token with HTTP 401 `invalid_token` rather than
 * RFC 6749 §5.2's 400 `invalid_grant` (Spring Security OAuth's DefaultTokenServices: "Invalid refresh
 * token (expired)"). Every 401 from the token endpoint was read as `invalid_client` (the provider
 * forgot Lanyard's registration), so tokens.ts forgot the registered client, which every account of
 * that backpack shares: one account's expired session made the others ask for a sign-in too. The
 * error says what it is: this session has ended; the client, and the other accounts, are untouched.
 * A 401 naming no error, or `invalid_client`, is still the client's (§5.2).
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { tokenRequest } from '../../src/backpack/oauth.ts';
import type { Identity } from '../../src/platform/identity.ts';
import { failure } from '../backpack-clients/failure.ts';
import { ADA, GRACE } from '../backpack/seed-data.ts';
import { formIdentity, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
const SPRING = { error: 'invalid_token', error_description: 'Invalid refresh token (expired): 7f3c…' };

function switchable(): { identity: Identity; who: { user: typeof ADA } } {
  const who = { user: ADA };
  const base = formIdentity();
  return { who, identity: { ...base, launchWebAuthFlow: (url: string, interactive: boolean) => formIdentity(who.user.username, who.user.password).launchWebAuthFlow(url, interactive) } };
}

describe('a refresh refused with 401 invalid_token', () => {
  it('ends that session only: the registered client is kept and another account of the backpack refreshes and syncs', async () => {
    const { identity, who } = switchable();
    const h = await harness({ identity: identity as never });
    const ada = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    who.user = GRACE;
    const grace = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const clientId = (await h.db.accounts.get(ada.id))!.clientSecretId!;
    expect((await h.db.accounts.get(grace.id))!.clientSecretId).toBe(clientId);
    expect(await h.app.sync.run(ada.id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(ada.id)).map((r) => r.key).sort();
    // Ada's access token is gone: her run refreshes, and the token endpoint refuses the refresh token as expired.
    h.platform.session.map.delete(ada.id);
    ctx.bp.control.failNext({ status: 401, path: '/oauth/token', body: SPRING });
    expect(await h.app.sync.run(ada.id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await h.app.accounts.list()).find((a) => a.id === ada.id)).toMatchObject({ needsSignIn: true });
    expect((await h.db.badges.byAccount(ada.id)).map((r) => r.key).sort()).toEqual(cached);
    expect((await h.db.secrets.get(clientId))?.kind).toBe('client');
    // Grace's session goes on: her refresh is made with the kept client.
    h.platform.session.map.delete(grace.id);
    expect(await h.app.sync.run(grace.id)).toMatchObject({ status: 'idle' });
    expect((await h.app.accounts.list()).find((a) => a.id === grace.id)).toMatchObject({ needsSignIn: false });
  });

  it('the client reads it as the session’s end; a 401 with invalid_client or no error word stays the client’s', async () => {
    const answer = (status: number, body: unknown) => async (): Promise<Response> => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const refresh = (fetch: () => Promise<Response>) => failure(tokenRequest({ fetch }, 'https://bp.example/oauth/token', null, { grant_type: 'refresh_token', refresh_token: 'r' }, 'refresh'));
    expect(await refresh(answer(401, SPRING))).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_token' });
    expect(await refresh(answer(401, { error: 'invalid_client' }))).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_client' });
    expect(await refresh(answer(401, { detail: 'Authentication credentials were not provided.' }))).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_client' });
  });
});
