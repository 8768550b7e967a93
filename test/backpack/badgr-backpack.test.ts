/** Badgr v2: the user, the backpack listing and its filters, acceptance, removal, collections. */
import { beforeAll, describe, expect, it } from 'vitest';
import { auth, badgrLogin, jsonPost, useBackpack, type TokenAnswer } from './helpers.ts';
import { GRACE } from './seed-data.ts';

const ctx = useBackpack();
let ada: TokenAnswer;
const get = (path: string, token = ada.access_token): Promise<Response> => fetch(`${ctx.bp.baseUrl}${path}`, { headers: auth(token) });
const ids = (body: { result: { entityId: string }[] }): string[] => body.result.map((a) => a.entityId).sort();

beforeAll(async () => {
  ada = await badgrLogin(ctx.bp.baseUrl);
});

describe('GET /v2/users/self', () => {
  it('answers the envelope with the user and every address, verified and primary flags included', async () => {
    const body = await (await get('/v2/users/self')).json();
    expect(body.status).toEqual({ success: true, description: 'ok' });
    expect(body.result[0]).toMatchObject({
      entityType: 'BadgeUser',
      firstName: 'Ada',
      lastName: 'Lovelace',
      recipient: { type: 'email', identity: 'ada@example.org' },
      emails: [
        { email: 'ada@example.org', verified: true, primary: true },
        { email: 'ada.lovelace@school.example', verified: true, primary: false },
        { email: 'ada@old-job.example', verified: false, primary: false },
      ],
    });
  });

  it('answers 401 "no valid auth token found" in the v2 error envelope', async () => {
    const res = await fetch(`${ctx.bp.baseUrl}/v2/users/self`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: { success: false, description: 'no valid auth token found' }, result: [], fieldErrors: {}, validationErrors: [] });
  });
});

describe('GET /v2/backpack/assertions', () => {
  it('lists by default only what is accepted, unrevoked, unexpired and not pending', async () => {
    const body = await (await get('/v2/backpack/assertions')).json();
    expect(ids(body)).toEqual(['ada-notes-signed', 'ada-poetical', 'ada-programmer']);
  });

  it('adds expired, revoked and pending badges on request', async () => {
    const all = await (await get('/v2/backpack/assertions?include_expired=true&include_revoked=1&include_pending=true')).json();
    expect(ids(all)).toEqual(['ada-bernoulli-pending', 'ada-bernoulli-signed-revoked', 'ada-first-aid-expired', 'ada-notes-signed', 'ada-poetical', 'ada-programmer', 'ada-retired-revoked']);
    const pending = all.result.find((a: { entityId: string }) => a.entityId === 'ada-bernoulli-pending');
    expect(pending.pending).toBe(true);
    const revoked = all.result.find((a: { entityId: string }) => a.entityId === 'ada-retired-revoked');
    expect(revoked).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
  });

  it('answers the BackpackAssertion shape, with the badge class and its issuer embedded on expand', async () => {
    const plain = await (await get('/v2/backpack/assertions')).json();
    const p = plain.result.find((a: { entityId: string }) => a.entityId === 'ada-programmer');
    expect(p).toMatchObject({
      entityType: 'Assertion',
      entityId: 'ada-programmer',
      openBadgeId: `${ctx.bp.baseUrl}/public/assertions/ada-programmer`,
      badgeclass: 'bc-programmer',
      badgeclassOpenBadgeId: `${ctx.bp.baseUrl}/public/badges/bc-programmer`,
      issuer: 'iss-analytical',
      image: `${ctx.bp.baseUrl}/public/assertions/ada-programmer/image`,
      recipient: { hashed: true, type: 'email', plaintextIdentity: 'ada@example.org', salt: 'pepper-1' },
      issuedOn: '2026-03-02T10:00:00Z',
      narrative: 'Programmed the engine.',
      evidence: [{ url: 'https://example.org/evidence/ada-program', narrative: 'The program listing.' }],
      revoked: false,
      acceptance: 'Accepted',
      expires: null,
      pending: false,
    });
    expect(p.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
    const onlyClass = (await (await get('/v2/backpack/assertions?expand=badgeclass')).json()).result.find((a: { entityId: string }) => a.entityId === 'ada-programmer');
    expect(onlyClass.badgeclass).toMatchObject({ type: 'BadgeClass', name: 'Analytical Engine Programmer', issuer: `${ctx.bp.baseUrl}/public/issuers/iss-analytical` });
    const both = (await (await get('/v2/backpack/assertions?expand=badgeclass&expand=issuer')).json()).result.find((a: { entityId: string }) => a.entityId === 'ada-programmer');
    expect(both.badgeclass.issuer).toMatchObject({ type: 'Issuer', name: 'Analytical Society', publicKey: `${ctx.bp.baseUrl}/public/issuers/iss-analytical/keys/1` });
  });

  it('answers 404 for a token without a backpack scope (PermissionDenied) and for another user\'s badge', async () => {
    const profileOnly = await badgrLogin(ctx.bp.baseUrl, undefined, undefined, 'r:profile');
    const res = await get('/v2/backpack/assertions', profileOnly.access_token);
    expect(res.status).toBe(404);
    expect((await res.json()).status.description).toBe('entity not found or insufficient privileges');
    expect((await get('/v2/backpack/assertions/grace-compiler')).status).toBe(404);
    expect((await (await get('/v2/backpack/assertions/ada-poetical')).json()).result[0].entityId).toBe('ada-poetical');
  });

  it('keeps the two accounts apart', async () => {
    const grace = await badgrLogin(ctx.bp.baseUrl, GRACE.username, GRACE.password);
    expect(ids(await (await get('/v2/backpack/assertions', grace.access_token)).json())).toEqual(['grace-compiler']);
  });
});

describe('acceptance and removal', () => {
  it('PUT accepts only acceptance=Accepted; DELETE rejects a local badge, which then leaves the list', async () => {
    const bad = await fetch(`${ctx.bp.baseUrl}/v2/backpack/assertions/ada-poetical`, jsonPost({ acceptance: 'Rejected' }, 'PUT', auth(ada.access_token)));
    expect(bad.status).toBe(400);
    const id = ctx.bp.control.issueBadge('ada@example.org');
    const del = await fetch(`${ctx.bp.baseUrl}/v2/backpack/assertions/${id}`, { method: 'DELETE', headers: auth(ada.access_token) });
    expect(del.status).toBe(204);
    expect(ctx.bp.control.stateForTests.badges.get(id)?.acceptance).toBe('Rejected');
    expect(ids(await (await get('/v2/backpack/assertions')).json())).not.toContain(id);
  });
});

describe('collections', () => {
  it('lists, creates, updates and deletes collections', async () => {
    const list = await (await get('/v2/backpack/collections')).json();
    expect(list.result[0]).toMatchObject({ entityType: 'Collection', entityId: 'col-favourites', name: 'Favourites', published: true, assertions: ['ada-programmer', 'ada-poetical'] });
    const missing = await fetch(`${ctx.bp.baseUrl}/v2/backpack/collections`, jsonPost({ description: 'x' }, 'POST', auth(ada.access_token)));
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors).toEqual({ name: ['This field is required.'] });
    const created = await fetch(`${ctx.bp.baseUrl}/v2/backpack/collections`, jsonPost({ name: 'Work', assertions: ['ada-programmer'] }, 'POST', auth(ada.access_token)));
    expect(created.status).toBe(201);
    const c = (await created.json()).result[0];
    const put = await fetch(`${ctx.bp.baseUrl}/v2/backpack/collections/${c.entityId}`, jsonPost({ published: true }, 'PUT', auth(ada.access_token)));
    const updated = (await put.json()).result[0];
    expect(updated).toMatchObject({ name: 'Work', published: true, assertions: ['ada-programmer'] });
    expect((await fetch(updated.share_url)).status).toBe(200);
    expect((await fetch(`${ctx.bp.baseUrl}/v2/backpack/collections/${c.entityId}`, { method: 'DELETE', headers: auth(ada.access_token) })).status).toBe(204);
    expect((await get(`/v2/backpack/collections/${c.entityId}`)).status).toBe(404);
  });
});
