/**
 * The provider takes back the scope that reads the badges after sign-in (the user withdrew it on
 * the provider's consent page): the OB 3.0 API answers 403 with `WWW-Authenticate: Bearer
 * error="insufficient_scope"` (RFC 6750 §3.1). A refresh cannot widen a grant (RFC 6749 §6: it "MUST
 * NOT include any scope not originally granted"), so Lanyard made one anyway for nothing (the token
 * endpoint asked again, the pair rotated or refused). Now none: the run ends asking for a sign-in,
 * which can grant the scope, and every cached badge stays.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });
const READ = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';

describe('ob3: the read scope taken back at the provider', () => {
  it('no refresh is asked for; the account asks for a sign-in, badges kept; a new sign-in syncs again', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    expect(cached.length).toBeGreaterThan(0);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    const access = h.platform.session.map.get(id)!.accessToken;
    const held = ctx.bp.control.tokens.find((t) => t.accessToken === access)!;
    held.scope = held.scope.filter((s) => s !== READ);
    const before = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    const asked = ctx.bp.control.requests.slice(before);
    expect(s).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(asked.filter((r) => r.path === '/ims/ob/v3p0/credentials').map((r) => r.status)).toEqual([403]);
    expect(asked.filter((r) => r.path === '/oauth/token')).toEqual([]);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: true });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    // Signing in again grants the scope anew.
    expect(await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).toMatchObject({ id, needsSignIn: false });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });
});
