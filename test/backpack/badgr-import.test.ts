/** POST /v2/backpack/import: url, baked image and assertion (JSON or JWS), from a second backpack and from this one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, badgrLogin, jsonPost, useBackpack, type TokenAnswer } from './helpers.ts';
import { startBackpack, type Backpack } from './server.ts';
import { GRACE } from './seed-data.ts';

const ctx = useBackpack();
let other: Backpack;
let ada: TokenAnswer;

beforeAll(async () => {
  other = await startBackpack({ port: 0 });
  ada = await badgrLogin(ctx.bp.baseUrl);
});
afterAll(async () => {
  await other.close();
});

const importBadge = (body: unknown, token = ada.access_token): Promise<Response> => fetch(`${ctx.bp.baseUrl}/v2/backpack/import`, jsonPost(body, 'POST', auth(token)));

describe('POST /v2/backpack/import', () => {
  it('imports a hosted badge by URL (201), then answers DUPLICATE_BADGE', async () => {
    const url = `${other.baseUrl}/public/assertions/ada-programmer`;
    const res = await importBadge({ url });
    expect(res.status).toBe(201);
    const a = (await res.json()).result[0];
    expect(a).toMatchObject({ entityType: 'Assertion', openBadgeId: url, acceptance: 'Accepted', pending: false, recipient: { plaintextIdentity: 'ada@example.org' } });
    const list = await (await fetch(`${ctx.bp.baseUrl}/v2/backpack/assertions?expand=badgeclass`, { headers: auth(ada.access_token) })).json();
    expect(list.result.find((x: { entityId: string }) => x.entityId === a.entityId).badgeclass.name).toBe('Analytical Engine Programmer');
    const dup = await importBadge({ url });
    expect(dup.status).toBe(400);
    expect(await dup.json()).toEqual({
      status: { success: false, description: 'bad request' },
      result: [],
      fieldErrors: {},
      validationErrors: [{ name: 'DUPLICATE_BADGE', description: 'You already have this badge in your backpack' }],
    });
  });

  it('imports a baked PNG sent as a base64 data URI', async () => {
    const png = Buffer.from(await (await fetch(`${other.baseUrl}/public/assertions/ada-poetical/baked`)).arrayBuffer());
    const res = await importBadge({ image: `data:image/png;base64,${png.toString('base64')}` });
    expect(res.status).toBe(201);
    expect((await res.json()).result[0].openBadgeId).toBe(`${other.baseUrl}/public/assertions/ada-poetical`);
  });

  it('imports a signed assertion given as its compact JWS', async () => {
    const jws = other.control.stateForTests.badges.get('ada-notes-signed')!.compact!;
    const res = await importBadge({ assertion: jws });
    expect(res.status).toBe(201);
    expect((await res.json()).result[0].openBadgeId).toBe(`${other.baseUrl}/public/assertions/ada-notes-signed`);
  });

  it('imports an assertion given as JSON (the issuer\'s hosted copy is what counts)', async () => {
    const json = await (await fetch(`${other.baseUrl}/public/assertions/ada-first-aid-expired`, { headers: { accept: 'application/ld+json' } })).json();
    const res = await importBadge({ assertion: json });
    expect(res.status).toBe(201);
    expect((await res.json()).result[0].expires).toBe('2024-01-15T08:00:00Z');
  });

  it('refuses a badge issued to someone else, and a badge of this backpack that is not the user\'s', async () => {
    let res = await importBadge({ url: `${other.baseUrl}/public/assertions/grace-compiler` });
    expect(res.status).toBe(400);
    expect((await res.json()).validationErrors[0].name).toBe('RECIPIENT_MISMATCH');
    const grace = await badgrLogin(ctx.bp.baseUrl, GRACE.username, GRACE.password);
    res = await importBadge({ url: `${ctx.bp.baseUrl}/public/assertions/ada-programmer` }, grace.access_token);
    expect((await res.json()).validationErrors[0].name).toBe('RECIPIENT_MISMATCH');
  });

  it('answers DUPLICATE_BADGE for a badge of this backpack already held', async () => {
    const res = await importBadge({ url: `${ctx.bp.baseUrl}/public/assertions/ada-programmer` });
    expect((await res.json()).validationErrors[0].name).toBe('DUPLICATE_BADGE');
  });

  it('wants exactly one of url, image, assertion, and a readable badge', async () => {
    let res = await importBadge({ url: `${other.baseUrl}/x`, assertion: {} });
    expect(res.status).toBe(400);
    expect((await res.json()).validationErrors).toEqual(["Must provide only one of 'url', 'image' or 'assertion'."]);
    res = await importBadge({});
    expect(res.status).toBe(400);
    res = await importBadge({ url: `${other.baseUrl}/public/assertions/does-not-exist` });
    expect((await res.json()).validationErrors[0].name).toBe('INVALID_BADGE');
    res = await importBadge({ image: 'data:image/png;base64,AAAA' });
    expect((await res.json()).validationErrors[0].name).toBe('INVALID_BADGE');
  });

  it('needs rw:backpack', async () => {
    const ro = await badgrLogin(ctx.bp.baseUrl, undefined, undefined, 'r:backpack');
    expect((await importBadge({ url: 'https://example.org/a' }, ro.access_token)).status).toBe(404);
  });
});
