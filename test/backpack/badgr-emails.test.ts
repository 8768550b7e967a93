/** Badgr's v1 address API and how badges follow addresses (apps/badgeuser/api_v1.py, models.py). */
import { beforeEach, describe, expect, it } from 'vitest';
import { auth, badgrLogin, jsonPost, useBackpack, type TokenAnswer } from './helpers.ts';
import { GRACE } from './seed-data.ts';

const ctx = useBackpack();
let ada: TokenAnswer;
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;
const emails = async (): Promise<{ id: number; email: string; verified: boolean; primary: boolean }[]> =>
  (await fetch(url('/v1/user/emails'), { headers: auth(ada.access_token) })).json();
const put = (id: number, body: unknown): Promise<Response> => fetch(url(`/v1/user/emails/${id}`), jsonPost(body, 'PUT', auth(ada.access_token)));

beforeEach(async () => {
  ada = await badgrLogin(ctx.bp.baseUrl);
});

describe('GET /v1/user/emails', () => {
  it('lists the addresses as bare JSON with id, verified, primary and variants', async () => {
    expect(await emails()).toEqual([
      { id: 1, email: 'ada@example.org', verified: true, primary: true, variants: [] },
      { id: 2, email: 'ada.lovelace@school.example', verified: true, primary: false, variants: [] },
      { id: 3, email: 'ada@old-job.example', verified: false, primary: false, variants: [] },
    ]);
  });

  it('answers DRF\'s 401 without a token', async () => {
    const res = await fetch(url('/v1/user/emails'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
  });
});

describe('POST /v1/user/emails', () => {
  it('adds an unverified address (201)', async () => {
    const res = await fetch(url('/v1/user/emails'), jsonPost({ email: 'ada@new-job.example' }, 'POST', auth(ada.access_token)));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: 'ada@new-job.example', verified: false, primary: false, variants: [] });
  });

  it('refuses another user\'s verified address, an invalid one, and registers a case variant of one\'s own', async () => {
    let res = await fetch(url('/v1/user/emails'), jsonPost({ email: GRACE.username }, 'POST', auth(ada.access_token)));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(['Could not register email address.']);
    res = await fetch(url('/v1/user/emails'), jsonPost({ email: 'not-an-address' }, 'POST', auth(ada.access_token)));
    expect(await res.json()).toEqual({ email: ['Enter a valid email address.'] });
    res = await fetch(url('/v1/user/emails'), jsonPost({ email: 'Ada@Example.org' }, 'POST', auth(ada.access_token)));
    expect(await res.json()).toEqual(['Matching address already exists. New case variant registered.']);
    expect((await emails())[0]!.email).toBe('ada@example.org');
    ctx.bp.control.clearThrottle();
  });

  it('gives an address with capitals its lower-case spelling as a variant (CachedEmailAddress.save)', async () => {
    const res = await fetch(url('/v1/user/emails'), jsonPost({ email: 'Ada.L@Capitals.example' }, 'POST', auth(ada.access_token)));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: 'Ada.L@Capitals.example', variants: ['ada.l@capitals.example'] });
    expect((await emails()).find((e) => e.email === 'Ada.L@Capitals.example')).toMatchObject({ variants: ['ada.l@capitals.example'] });
  });

  it('is throttleable: refused adds back off (keyed by IP, as a login without a username), a 429 with the login body, then a success clears it', async () => {
    const add = (email: string): Promise<Response> => fetch(url('/v1/user/emails'), jsonPost({ email }, 'POST', auth(ada.access_token)));
    for (let i = 0; i < 3; i++) expect((await add(GRACE.username)).status).toBe(400);
    const res = await add('ada@fine.example');
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error_description: 'Too many login attempts. Please wait and try again.', error: 'login attempts throttled', expires: 2 });
    // An unauthenticated add is refused before the handler: it neither counts nor is throttled.
    expect((await fetch(url('/v1/user/emails'), jsonPost({ email: 'x@y.example' }))).status).toBe(401);
    ctx.bp.control.advanceTime(2_001);
    expect((await add('ada@fine.example')).status).toBe(201);
    expect((await add(GRACE.username)).status).toBe(400);
    expect((await add('ada@fine2.example')).status).toBe(201);
  });
});

describe('PUT /v1/user/emails/{id}', () => {
  it('ignores primary=true for an unverified address (Badgr answers 200 and changes nothing)', async () => {
    const res = await put(3, { primary: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 3, primary: false });
    expect((await emails()).find((e) => e.primary)?.id).toBe(1);
  });

  it('makes a verified address primary, and only one is primary', async () => {
    expect(await (await put(2, { primary: true })).json()).toMatchObject({ id: 2, primary: true });
    expect((await emails()).filter((e) => e.primary).map((e) => e.id)).toEqual([2]);
    await put(1, { primary: true });
  });

  it('re-sends the confirmation once in five minutes, else 429 with the wait in words', async () => {
    expect((await put(3, { resend: true })).status).toBe(200);
    const res = await put(3, { resend: true });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatch(/^Will be able to re-send verification email in [45] minutes and \d+ seconds\.$/);
    ctx.bp.control.advanceTime(5 * 60_000 + 1000);
    expect((await put(3, { resend: true })).status).toBe(200);
  });

  it('answers 404 for an unknown address and 403 for another user\'s', async () => {
    expect((await put(999, { primary: true })).status).toBe(404);
    expect((await put(4, { primary: true })).status).toBe(403);
  });

  it('GET answers 404 for another user\'s address, as for none (BadgeUserEmailDetail.get)', async () => {
    expect((await fetch(url('/v1/user/emails/4'), { headers: auth(ada.access_token) })).status).toBe(404);
    expect((await fetch(url('/v1/user/emails/1'), { headers: auth(ada.access_token) })).status).toBe(200);
  });
});

describe('DELETE /v1/user/emails/{id}', () => {
  it('refuses the primary address with Badgr\'s {error}', async () => {
    const res = await fetch(url('/v1/user/emails/1'), { method: 'DELETE', headers: auth(ada.access_token) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Can not remove primary email address' });
  });

  it('refuses the only address', async () => {
    const grace = await badgrLogin(ctx.bp.baseUrl, GRACE.username, GRACE.password);
    ctx.bp.control.stateForTests.emails.find((e) => e.id === 4)!.primary = false;
    const res = await fetch(url('/v1/user/emails/4'), { method: 'DELETE', headers: auth(grace.access_token) });
    expect(await res.json()).toEqual({ error: 'Can not remove only email address' });
    ctx.bp.control.stateForTests.emails.find((e) => e.id === 4)!.primary = true;
  });

  it('removes another address (200, body 200), and the badges issued to it leave the backpack', async () => {
    const listAll = async (): Promise<string[]> =>
      (await (await fetch(url('/v2/backpack/assertions?include_pending=1'), { headers: auth(ada.access_token) })).json()).result.map((a: { entityId: string }) => a.entityId);
    expect(await listAll()).toContain('ada-bernoulli-pending');
    const res = await fetch(url('/v1/user/emails/3'), { method: 'DELETE', headers: auth(ada.access_token) });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe(200);
    expect(await listAll()).not.toContain('ada-bernoulli-pending');
  });
});

describe('badges follow verified addresses', () => {
  it('a pending badge becomes an ordinary one once its address is verified', async () => {
    await fetch(url('/v1/user/emails'), jsonPost({ email: 'ada@old-job.example' }, 'POST', auth(ada.access_token)));
    const pending = async (): Promise<boolean | undefined> => {
      const body = await (await fetch(url('/v2/backpack/assertions?include_pending=true'), { headers: auth(ada.access_token) })).json();
      return body.result.find((a: { entityId: string }) => a.entityId === 'ada-bernoulli-pending')?.pending;
    };
    expect(await pending()).toBe(true);
    expect((await fetch(url('/public/assertions/ada-bernoulli-pending'))).status).toBe(404);
    ctx.bp.control.verifyEmail('ada@old-job.example');
    expect(await pending()).toBe(false);
    expect((await fetch(url('/public/assertions/ada-bernoulli-pending'))).status).toBe(200);
  });
});
