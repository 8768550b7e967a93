/**
 * A backpack that registers Lanyard for another client authentication than the `client_secret_basic`
 * it asked for (RFC 7591 §3.2.1: the server "MAY reject or replace any of the client's requested
 * metadata values", and its answer says what it registered):
 *
 * - `client_secret_post`: the credentials then go in the form only (RFC 6749 §2.3.1). Lanyard kept the
 *   answer's method but always sent Basic: the code exchange was refused `invalid_client`, the
 *   registration forgotten, and every sign-in registered again and failed the same way;
 * - `none`, a public client, with no `client_secret` in the answer (§3.2.1: OPTIONAL, "used by
 *   confidential clients"): it names itself by `client_id` in the token and revocation forms (RFC 6749
 *   §3.2.1, §4.1.3; RFC 7009 §2.1), PKCE binding the code (RFC 7636). Lanyard required a secret of every
 *   answer: the registration was refused as "not what RFC 7591 says" and no sign-in could start.
 */
import { describe, expect, it } from 'vitest';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });

const METHODS = [
  { method: 'client_secret_post', toggle: 'registersSecretPost' },
  { method: 'none', toggle: 'registersPublic' },
] as const;

describe.each(METHODS)('a client registered for $method', ({ toggle }) => {
  describe.each(API_KINDS.filter((k) => k.kind !== 'badgr'))('$kind', ({ kind, token }) => {
    it('signs in, syncs, refreshes and signs out (its session revoked) authenticating as registered', async () => {
      ctx.bp.control.stateForTests[toggle] = true;
      try {
        const h = await harness();
        const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
        expect((await h.app.sync.run(id)).status).toBe('idle');
        expect((await h.db.badges.byAccount(id)).length).toBeGreaterThan(0);
        const before = ctx.bp.control.requests.filter((r) => r.path === token).length;
        const old = await h.db.secrets.get(refreshId(id));
        // A refresh (the access token refused once).
        ctx.bp.control.failNext({ status: 401, path: kind === 'ob3' ? '/ims/ob/v3p0/credentials' : '/ims/ob/v2p1/assertions', challenge: 'invalid_token' });
        expect((await h.app.sync.run(id)).status).toBe('idle');
        expect(ctx.bp.control.requests.filter((r) => r.path === token).length).toBeGreaterThan(before);
        const now = await h.db.secrets.get(refreshId(id));
        expect(now).not.toEqual(old);
        const live = now?.kind === 'refresh' ? now.refreshToken : '';
        expect(ctx.bp.control.isTokenLive(live)).toBe(true);
        expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true, revoked: 'revoked' });
        expect(ctx.bp.control.isTokenLive(live)).toBe(false);
      } finally {
        ctx.bp.control.stateForTests[toggle] = false;
      }
    });
  });
});
