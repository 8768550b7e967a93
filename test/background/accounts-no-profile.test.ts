/**
 * An OB 3.0 or Badge Connect provider whose profile endpoint answers 404: OB 3.0 lists it among
 * getProfile's answers (ob_v3p0.lines: "Response 404 ... did not find a current representation for
 * the target resource or is not willing to disclose that one exists"). Sign-in succeeds, the
 * account is named by the provider's host, sync works, and addresses a profile gave before are kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
afterEach(() => {
  ctx.bp.control.stateForTests.profileNotFound = false;
  ctx.bp.control.stateForTests.withheldScopes = [];
});

describe.each(['ob3', 'badge-connect'] as const)('%s: the profile endpoint answers 404', (kind) => {
  it('signs in anyway, named by the provider’s host; the first sync stores the badges', async () => {
    ctx.bp.control.stateForTests.profileNotFound = true;
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    const host = new URL(ctx.bp.baseUrl).host;
    expect(view).toMatchObject({ kind, user: host, needsSignIn: false, providerName: 'Lanyard test backpack' });
    expect(await h.db.accounts.get(view.id)).toMatchObject({ addresses: [] });
    expect(ctx.bp.control.requests.some((r) => r.path.endsWith('/profile') && r.status === 404)).toBe(true);
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.done).toBeGreaterThan(0);
    expect(await h.db.badges.countByAccount(view.id)).toBe(s.done);
  });

  it('a profile that goes missing later leaves the addresses it gave as they were', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    const before = await h.db.accounts.get(view.id);
    expect(before!.addresses).toEqual([{ email: 'ada@example.org', verified: true, primary: true }]);
    ctx.bp.control.stateForTests.profileNotFound = true;
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.accounts.get(view.id)).toMatchObject({ addresses: before!.addresses, user: 'ada@example.org' });
  });
});

/**
 * The user grants less than Lanyard asks for: OB 3.0 security.html "Authorization Response" (the
 * scope "MAY be a subset of the scopes in the request"), OB 2.1 likewise. Without the profile scope
 * the profile endpoint answers 403 insufficient_scope (RFC 6750 §3.1): no profile, as with a 404.
 */
describe.each([
  ['ob3', 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly'],
  ['badge-connect', 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly'],
] as const)('%s: the user does not grant the profile scope', (kind, profileScope) => {
  it('signs in with what was granted (the code exchange asks no more), named by the host; sync works', async () => {
    ctx.bp.control.stateForTests.withheldScopes = [profileScope];
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(view).toMatchObject({ kind, user: new URL(ctx.bp.baseUrl).host, needsSignIn: false });
    const token = ctx.bp.control.stateForTests.liveToken(h.platform.session.map.get(view.id)!.accessToken)!;
    expect(token.scope).not.toContain(profileScope);
    expect(ctx.bp.control.requests.some((r) => r.path.endsWith('/profile') && (r.status === 403 || r.status === 401))).toBe(true);
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.countByAccount(view.id)).toBeGreaterThan(0);
  });
});
