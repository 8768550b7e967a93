/** Addresses through Badgr's v1 e-mail API: list with badge counts, add, re-send, make primary, remove, and Badgr's rules as errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/background/services/retry.ts';
import { failure, syncedBadgr, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
let h: Harness;
let id: string;

beforeAll(async () => void ({ h, id } = await syncedBadgr(ctx.bp.baseUrl)));

describe('addresses', () => {
  it('lists the addresses with flags and how many cached badges were issued to each', async () => {
    expect(await h.app.emails.list(id)).toEqual([
      { id: '1', email: 'ada@example.org', verified: true, primary: true, badgeCount: 2 },
      { id: '2', email: 'ada.lovelace@school.example', verified: true, primary: false, badgeCount: 2 },
      { id: '3', email: 'ada@old-job.example', verified: false, primary: false, badgeCount: 1 },
    ]);
  });

  it('lists them when the token a refresh just gave is refused once too: one backoff step, one more refresh (token-use.ts), no sign-in asked', async () => {
    const before = ctx.bp.control.requests.filter((r) => r.path === '/o/token').length;
    const waited = h.waits.length;
    ctx.bp.control.failNext({ status: 401, path: '/v1/user/emails', count: 2 });
    const listed = await h.app.emails.list(id);
    ctx.bp.control.clearFaults();
    expect(listed.map((e) => e.email)).toEqual(['ada@example.org', 'ada.lovelace@school.example', 'ada@old-job.example']);
    expect(ctx.bp.control.requests.filter((r) => r.path === '/o/token').length - before).toBe(2);
    // The second refresh after a sync's first backoff step, as a sync's and a sign-in's (it followed the first at once).
    expect(h.waits.slice(waited)).toEqual([DEFAULT_RETRY.baseMs]);
    expect(await h.db.accounts.get(id)).toMatchObject({ needsSignIn: false });
  });

  it('adds an address (unverified until its link is followed), and refuses one that belongs to someone else', async () => {
    const list = await h.app.emails.add(id, 'ada@new.example');
    expect(list.at(-1)).toMatchObject({ email: 'ada@new.example', verified: false, primary: false, badgeCount: 0 });
    expect((await h.db.accounts.get(id))?.addresses.map((a) => a.email)).toContain('ada@new.example');
    // Badgr's words are kept as the server's (`said`); the code is said in the reader's language (email-refusals.ts).
    await expect(h.app.emails.add(id, 'grace@example.org')).rejects.toMatchObject({ code: 'ERR_EMAIL_TAKEN', said: 'Could not register email address.', message: expect.stringContaining('Could not register email address') });
  });

  it('re-sends the confirmation once, then says when it may again', async () => {
    const added = (await h.app.emails.list(id)).find((e) => e.email === 'ada@new.example')!;
    await expect(h.app.emails.resend(id, added.id)).resolves.toBeInstanceOf(Array);
    const e = await failure(h.app.emails.resend(id, added.id));
    expect(e.code).toBe('THROTTLED');
    expect(e.retryAfterSeconds).toBeGreaterThan(200);
    expect(e.message).toMatch(/try again in \d+ minutes/);
  });

  it('makes a verified address primary, and refuses an unverified one', async () => {
    await expect(h.app.emails.makePrimary(id, '3')).rejects.toMatchObject({ code: 'ERR_EMAIL_UNVERIFIED', message: expect.stringContaining('not verified') });
    const list = await h.app.emails.makePrimary(id, '2');
    expect(list.find((e) => e.primary)?.email).toBe('ada.lovelace@school.example');
    expect((await h.app.accounts.list())[0]?.user).toBe('ada.lovelace@school.example');
    await h.app.emails.makePrimary(id, '1');
  });

  it('removes an address, but never the primary one', async () => {
    await expect(h.app.emails.remove(id, '1')).rejects.toMatchObject({ code: 'ERR_EMAIL_PRIMARY', said: 'Can not remove primary email address', message: expect.stringContaining('Can not remove primary email address') });
    const added = (await h.app.emails.list(id)).find((e) => e.email === 'ada@new.example')!;
    const list = await h.app.emails.remove(id, added.id);
    expect(list.map((e) => e.email)).not.toContain('ada@new.example');
    await expect(h.app.emails.remove(id, 'x')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });

  it.each([
    ['listing', () => h.app.emails.list(id)],
    ['adding', () => h.app.emails.add(id, 'ada@another.example')],
    ['making primary', () => h.app.emails.makePrimary(id, '2')],
  ])('a 403 on %s is the server refusing the change, with its reason: no refresh, no "sign in again" (badgr-server mainsite/permissions.py)', async (_, op) => {
    const reason = 'This function only available to authenticated users with confirmed email addresses.';
    for (let i = 0; i < 1000 && h.app.sync.isRunning(id); i++) await new Promise((r) => setTimeout(r, 10));
    const token = h.platform.session.map.get(id)!.accessToken;
    ctx.bp.control.failNext({ status: 403, path: '/v1/user/emails', body: { detail: reason } });
    const e = await failure(op());
    expect(e).toMatchObject({ code: 'REJECTED', message: expect.stringContaining(reason) });
    expect(h.platform.session.map.get(id)!.accessToken).toBe(token);
    expect((await h.db.accounts.get(id))!.needsSignIn).toBeFalsy();
  });

  it('a sync whose address list answers 403 says the server refused, with its reason, and keeps the account signed in and its badges', async () => {
    const reason = 'This function only available to authenticated users with confirmed email addresses.';
    // A sync the address changes above started (onAddressesChanged) ends first: this one is new.
    for (let i = 0; i < 1000 && h.app.sync.isRunning(id); i++) await new Promise((r) => setTimeout(r, 10));
    const cached = await h.db.badges.countByAccount(id);
    ctx.bp.control.failNext({ status: 403, path: '/v1/user/emails', body: { detail: reason } });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'REJECTED', message: expect.stringContaining(reason) } });
    expect((await h.db.accounts.get(id))!.needsSignIn).toBeFalsy();
    expect(await h.db.badges.countByAccount(id)).toBe(cached);
  });

  it('lists the addresses of a server without the v1 address API from /v2/users/self, with no id to change them by', async () => {
    // openedx/openedx-platform#27181: "Badgr API v1 will likely reach end-of-life"; the sync reads /v2 then, and so does this screen.
    for (let i = 0; i < 1000 && h.app.sync.isRunning(id); i++) await new Promise((r) => setTimeout(r, 10));
    ctx.bp.control.failNext({ status: 404, path: '/v1/user/emails' });
    const list = await h.app.emails.list(id);
    expect(list.map((e) => e.email)).toContain('ada@example.org');
    expect(list.find((e) => e.email === 'ada@example.org')).toMatchObject({ id: '', verified: true, primary: true });
    expect(list.every((e) => e.id === '')).toBe(true);
  });

  it('says the addresses of an OB 3.0 account are managed by its provider', async () => {
    const o = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await expect(h.app.emails.list(o.id)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });
    await expect(h.app.emails.list('nobody')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });
});
