/** BadgrClient against the in-process test backpack, every error included. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { TokenSet } from '../../src/backpack/oauth.ts';
import { useBackpack } from '../backpack/helpers.ts';
import { ADA, GRACE } from '../backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../backpack/server.ts';

const ctx = useBackpack();
const NOW = Date.parse('2026-11-26T12:00:00Z');
let client: BadgrClient;
let ada: TokenSet;
let other: Backpack;

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

beforeAll(async () => {
  client = new BadgrClient({ fetch, apiBase: ctx.bp.baseUrl, now: () => NOW });
  other = await startBackpack({ port: 0 });
});
afterAll(async () => {
  await other.close();
});
beforeEach(async () => {
  ctx.bp.control.clearThrottle();
  ctx.bp.control.clearFaults();
  ada = await client.signIn(ADA.username, ADA.password);
});

describe('sign-in', () => {
  it('signs in by password: a 24-hour token, a refresh token, the scope', () => {
    expect(ada).toMatchObject({ tokenType: 'Bearer', scope: ['rw:profile', 'rw:backpack'], expiresAt: NOW + 86400_000 });
    expect(ada.refreshToken).toEqual(expect.any(String));
  });

  it('BAD_CREDENTIALS for a wrong password', async () => {
    const e = await failure(client.signIn(ADA.username, 'wrong'));
    expect(e).toMatchObject({ code: C.BAD_CREDENTIALS, status: 400, detail: 'invalid_grant' });
  });

  it('THROTTLED with the wait from `expires` after repeated failures', async () => {
    for (let i = 0; i < 3; i++) await failure(client.signIn(GRACE.username, 'wrong'));
    const e = await failure(client.signIn(GRACE.username, GRACE.password));
    expect(e).toMatchObject({ code: C.THROTTLED, status: 429, retryAfterSeconds: 2 });
  });

  it('UNAUTHORIZED (invalid_client) for an unknown client id', async () => {
    const e = await failure(new BadgrClient({ fetch, apiBase: ctx.bp.baseUrl, clientId: 'nobody' }).signIn(ADA.username, ADA.password));
    expect(e).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_client' });
    // Nothing to register again: the server has no password sign-in for that client (badgr-server README, "public" app).
    expect(e.message).toMatch(/password sign-in/);
    expect(e.message).not.toMatch(/register/);
  });

  it('a server that no longer lets this client use the password grant (oauthlib: 400 unauthorized_client; or unsupported_grant_type) says there is no password sign-in, not a bare refusal', async () => {
    for (const error of ['unauthorized_client', 'unsupported_grant_type']) {
      ctx.bp.control.failNext({ status: 400, path: '/o/token', body: { error } });
      const e = await failure(client.signIn(ADA.username, ADA.password));
      expect(e).toMatchObject({ code: C.UNAUTHORIZED, status: 400, detail: error });
      expect(e.message).toMatch(/does not offer password sign-in/);
    }
  });

  it('SERVER_ERROR, UNREACHABLE and PROTOCOL', async () => {
    ctx.bp.control.failNext({ status: 500, path: '/o/token' });
    expect((await failure(client.signIn(ADA.username, ADA.password))).code).toBe(C.SERVER_ERROR);
    expect((await failure(new BadgrClient({ fetch, apiBase: 'http://127.0.0.1:1' }).signIn('a', 'b'))).code).toBe(C.UNREACHABLE);
    ctx.bp.control.failNext({ status: 200, path: '/o/token', body: { token: 'not-oauth' } });
    expect((await failure(client.signIn(ADA.username, ADA.password))).code).toBe(C.PROTOCOL);
  });

  it('INSECURE_URL for plain http to a real host', () => {
    expect(() => new BadgrClient({ fetch, apiBase: 'http://api.badgr.io' })).toThrow(expect.objectContaining({ code: C.INSECURE_URL }));
  });

  it('refreshes with rotation; the old refresh token is then UNAUTHORIZED', async () => {
    const next = await client.refresh(ada.refreshToken!);
    expect(next.refreshToken).not.toBe(ada.refreshToken);
    expect((await client.profile(next.accessToken)).firstName).toBe('Ada');
    expect(await failure(client.refresh(ada.refreshToken!))).toMatchObject({ code: C.UNAUTHORIZED, detail: 'invalid_grant' });
  });

  it('signs out: both tokens revoked on the server, the API then UNAUTHORIZED', async () => {
    await client.signOut(ada);
    expect(ctx.bp.control.isTokenLive(ada.accessToken)).toBe(false);
    expect(ctx.bp.control.isTokenLive(ada.refreshToken!)).toBe(false);
    expect((await failure(client.profile(ada.accessToken))).code).toBe(C.UNAUTHORIZED);
  });

  it('signs out through DELETE /v2/auth/tokens/{id} where /o/revoke_token is missing', async () => {
    const real = new BadgrClient({ fetch, apiBase: ctx.bp.baseUrl });
    const grace = await real.signIn(GRACE.username, GRACE.password);
    ctx.bp.control.failNext({ status: 404, path: '/o/revoke_token', count: 2 });
    await real.signOut(grace);
    expect(ctx.bp.control.isTokenLive(grace.accessToken)).toBe(false);
  });

  it('revokes a token by id (DELETE /v2/auth/tokens/{id})', async () => {
    const second = await client.signIn(ADA.username, ADA.password);
    const list = await client.tokens(ada.accessToken);
    const target = ctx.bp.control.tokens.find((t) => t.accessToken === second.accessToken)!;
    expect(list.map((t) => t.entityId)).toContain(target.entityId);
    await client.revokeTokenById(ada.accessToken, target.entityId);
    expect(ctx.bp.control.isTokenLive(second.accessToken)).toBe(false);
  });
});

describe('the backpack', () => {
  it('lists everything by default (expired, revoked, pending) with the badge class and issuer embedded', async () => {
    const all = await client.assertions(ada.accessToken);
    expect(all.map((a) => a.entityId).sort()).toEqual(['ada-bernoulli-pending', 'ada-bernoulli-signed-revoked', 'ada-first-aid-expired', 'ada-notes-signed', 'ada-poetical', 'ada-programmer', 'ada-retired-revoked']);
    const p = all.find((a) => a.entityId === 'ada-programmer')!;
    expect(p).toMatchObject({ openBadgeId: `${ctx.bp.baseUrl}/public/assertions/ada-programmer`, pending: false, revoked: false, recipient: { hashed: true, plaintextIdentity: 'ada@example.org' } });
    expect(p.badgeclass).toMatchObject({ name: 'Analytical Engine Programmer', issuer: { name: 'Analytical Society' } });
    expect(all.find((a) => a.entityId === 'ada-bernoulli-pending')!.pending).toBe(true);
    const defaults = await client.assertions(ada.accessToken, { includeExpired: false, includePending: false, includeRevoked: false, expand: false });
    expect(defaults.map((a) => a.entityId).sort()).toEqual(['ada-notes-signed', 'ada-poetical', 'ada-programmer']);
    expect(defaults[0]!.badgeclass).toEqual(expect.any(String));
  });

  it('reads one assertion, and REJECTED for someone else\'s', async () => {
    expect((await client.assertion(ada.accessToken, 'ada-poetical')).issuedOn).toBe('2026-04-10T09:30:00Z');
    expect((await failure(client.assertion(ada.accessToken, 'grace-compiler'))).code).toBe(C.REJECTED);
  });

  it('UNAUTHORIZED on 401, THROTTLED with Retry-After on 429, SERVER_ERROR on 500, UNREACHABLE on a drop', async () => {
    ctx.bp.control.failNext({ status: 401, path: '/v2/backpack' });
    expect((await failure(client.assertions(ada.accessToken))).code).toBe(C.UNAUTHORIZED);
    ctx.bp.control.failNext({ status: 429, path: '/v2/backpack', retryAfter: 42 });
    expect(await failure(client.assertions(ada.accessToken))).toMatchObject({ code: C.THROTTLED, retryAfterSeconds: 42 });
    ctx.bp.control.failNext({ status: 503, path: '/v2/backpack' });
    expect((await failure(client.assertions(ada.accessToken))).code).toBe(C.SERVER_ERROR);
    ctx.bp.control.failNext({ drop: true, path: '/v2/backpack' });
    expect((await failure(client.assertions(ada.accessToken))).code).toBe(C.UNREACHABLE);
    ctx.bp.control.failNext({ status: 200, path: '/v2/backpack', body: [1, 2] });
    expect((await failure(client.assertions(ada.accessToken))).code).toBe(C.PROTOCOL);
  });

  it('imports by URL, by baked image and by JWS; a duplicate is REJECTED with DUPLICATE_BADGE', async () => {
    const a = await client.importBadge(ada.accessToken, { url: `${other.baseUrl}/public/assertions/ada-programmer` });
    expect(a.openBadgeId).toBe(`${other.baseUrl}/public/assertions/ada-programmer`);
    const png = Buffer.from(await (await fetch(`${other.baseUrl}/public/assertions/ada-poetical/baked`)).arrayBuffer());
    expect((await client.importBadge(ada.accessToken, { image: `data:image/png;base64,${png.toString('base64')}` })).recipient.plaintextIdentity).toBe('ada.lovelace@school.example');
    const jws = other.control.stateForTests.badges.get('ada-notes-signed')!.compact!;
    expect((await client.importBadge(ada.accessToken, { assertion: jws })).entityId).toEqual(expect.any(String));
    const dup = await failure(client.importBadge(ada.accessToken, { url: `${other.baseUrl}/public/assertions/ada-programmer` }));
    expect(dup).toMatchObject({ code: C.REJECTED, detail: 'DUPLICATE_BADGE', status: 400 });
    expect(dup.message).toContain('You already have this badge');
  });

  it('lists collections', async () => {
    expect(await client.collections(ada.accessToken)).toEqual([
      expect.objectContaining({ entityId: 'col-favourites', name: 'Favourites', published: true, assertions: ['ada-programmer', 'ada-poetical'] }),
    ]);
  });
});

describe('addresses', () => {
  it('lists, adds, re-sends (then THROTTLED with the wait), refuses to make an unverified one primary', async () => {
    expect((await client.emails(ada.accessToken)).map((e) => [e.email, e.verified, e.primary])).toEqual([
      ['ada@example.org', true, true],
      ['ada.lovelace@school.example', true, false],
      ['ada@old-job.example', false, false],
    ]);
    const added = await client.addEmail(ada.accessToken, 'ada@lab.example');
    expect(added).toMatchObject({ email: 'ada@lab.example', verified: false, primary: false });
    expect((await client.resendVerification(ada.accessToken, added.id)).id).toBe(added.id);
    const again = await failure(client.resendVerification(ada.accessToken, added.id));
    expect(again.code).toBe(C.THROTTLED);
    expect(again.retryAfterSeconds).toBeGreaterThan(240);
    expect(await failure(client.makePrimary(ada.accessToken, added.id))).toMatchObject({ code: C.REJECTED, detail: 'NOT_VERIFIED' });
    expect((await failure(client.addEmail(ada.accessToken, GRACE.username))).message).toContain('Could not register email address.');
  });

  it('makes a verified address primary, refuses to remove the primary, removes another', async () => {
    expect((await client.makePrimary(ada.accessToken, 2)).primary).toBe(true);
    const e = await failure(client.removeEmail(ada.accessToken, 2));
    expect(e).toMatchObject({ code: C.REJECTED, status: 400 });
    expect(e.message).toContain('Can not remove primary email address');
    await client.makePrimary(ada.accessToken, 1);
    const added = await client.addEmail(ada.accessToken, 'ada@temp.example');
    await client.removeEmail(ada.accessToken, added.id);
    expect((await client.emails(ada.accessToken)).map((x) => x.email)).not.toContain('ada@temp.example');
  });

  it('reads the profile with its addresses', async () => {
    const u = await client.profile(ada.accessToken);
    expect(u).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(u.emails.find((e) => e.primary)?.email).toBe('ada@example.org');
  });
});
