/**
 * The popup sends a sign-in only once the host permission prompt is answered, and its Cancel at once:
 * a Cancel pressed during the prompt reached the worker before the sign-in, found nothing to cancel,
 * and the sign-in then ran whole (signed in after the user cancelled). Both now name the popup's own id
 * for the sign-in (`attempt`): a cancel of one not started yet is kept, and ends it as it starts, sending
 * nothing; at most MAX_ATTEMPTS such cancels are kept (sign-in-run.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSignIns, MAX_ATTEMPTS } from '../../src/background/services/sign-in-run.ts';
import { failure, harness, useBackpack } from './harness.ts';
import { ADA } from '../backpack/seed-data.ts';

const ctx = useBackpack({ badges: 1 });
const at = 'https://api.example.org';

describe('a cancel that comes before its sign-in', () => {
  it('ends that sign-in as it starts, before its body runs; another attempt to the backpack runs', async () => {
    const signIns = createSignIns(fetch);
    expect(signIns.cancel(at, 'a1')).toEqual({ cancelled: true });
    let ran = 0;
    await expect(signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'a1' }, async () => ++ran)).rejects.toMatchObject({ code: 'ERR_CANCELLED' });
    expect(ran).toBe(0);
    expect(signIns.list()).toEqual([]);
    expect(await signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'a2' }, async () => ++ran)).toBe(1);
    // Over: its late cancel is kept for nothing, and cancels nothing.
    expect(signIns.cancel(at, 'a2')).toEqual({ cancelled: false });
    expect(await signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'a3' }, async () => ++ran)).toBe(2);
  });

  it('names its own sign-in only: another to the same backpack goes on', async () => {
    const signIns = createSignIns(fetch);
    let release!: () => void;
    const other = signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'theirs' }, () => new Promise<string>((r) => (release = () => r('theirs'))));
    expect(signIns.cancel(at, 'mine')).toEqual({ cancelled: true });
    release();
    expect(await other).toBe('theirs');
  });

  it(`keeps at most ${MAX_ATTEMPTS} such cancels, the newest`, async () => {
    const signIns = createSignIns(fetch);
    for (let i = 0; i <= MAX_ATTEMPTS; i++) signIns.cancel(at, `a${i}`);
    // The oldest was let go: its sign-in runs; the newest is still cancelled.
    expect(await signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'a0' }, async () => 'ran')).toBe('ran');
    await expect(signIns.run({ kind: 'ob3', baseUrl: at, attempt: `a${MAX_ATTEMPTS}` }, async () => 'ran')).rejects.toMatchObject({ code: 'ERR_CANCELLED' });
    await expect(signIns.run({ kind: 'ob3', baseUrl: at, attempt: 'a1' }, async () => 'ran')).rejects.toMatchObject({ code: 'ERR_CANCELLED' });
  });

  it('through the accounts service: nothing is sent, nothing stored, and the next attempt signs in', async () => {
    const h = await harness();
    const sent = ctx.bp.control.requests.length;
    expect(h.app.accounts.cancelSignIn(ctx.bp.baseUrl, 'first')).toEqual({ cancelled: true });
    const refused = await failure(h.app.accounts.signIn({ kind: 'badgr', baseUrl: ctx.bp.baseUrl, username: ADA.username, password: ADA.password, attempt: 'first' }));
    expect(refused.code).toBe('ERR_CANCELLED');
    expect(ctx.bp.control.requests.length).toBe(sent);
    expect(await h.db.accounts.all()).toEqual([]);
    expect(h.platform.session.map.size).toBe(0);
    const ok = await h.app.accounts.signIn({ kind: 'badgr', baseUrl: ctx.bp.baseUrl, username: ADA.username, password: ADA.password, attempt: 'second' });
    expect(await h.db.accounts.get(ok.id)).toMatchObject({ needsSignIn: false });
    // Without an attempt named, as before: nothing under way, nothing to cancel.
    expect(h.app.accounts.cancelSignIn(ctx.bp.baseUrl)).toEqual({ cancelled: false });
  });
});
