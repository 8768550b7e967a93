/**
 * An address change can be cancelled as a sign-in and a sync can (backoff-pause-cancel.test.ts): during
 * the backoff pause before a second refresh (token-use.ts), and while the backpack holds its answer.
 * Before, the change had no signal at all: the pause ran out and a second refresh followed, and a
 * backpack that did not answer held the address screen busy, with nothing to press, until the timeout.
 */
import { describe, expect, it } from 'vitest';
import type { Sleep } from '../../src/background/services/retry.ts';
import { refreshId } from '../../src/background/services/tokens.ts';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';
import { pauseUntilCancelled, until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });


const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.path === '/o/token').length;
const primaryAtBackpack = () => {
  const state = ctx.bp.control.stateForTests;
  const ada = state.emailRecord('ada@example.org')!.userId;
  return state.emailsOf(ada).find((e) => e.primary)?.email;
};

async function signedIn(sleep?: Sleep) {
  const h = await harness(sleep ? { syncOptions: { sleep } } : {});
  const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
  await until(() => !h.app.sync.isRunning(id));
  return { h, id };
}

/**
 * A hold the test backpack awaits as the request arrives (a thenable: its `then` is called then, which says
 * the request has reached it), released by `release`.
 */
function arrivalHold() {
  let release: () => void = () => undefined;
  let reached = false;
  const hold = { then: (r: () => void) => ((reached = true), (release = r)) } as unknown as Promise<void>;
  return { hold, reached: () => reached, release: () => release() };
}

/** Cancels the account's change once the held request has reached the backpack: it ends at once, cancelled. */
async function cancelledAtOnce(h: Awaited<ReturnType<typeof signedIn>>['h'], id: string, change: Promise<unknown>, reached: () => boolean) {
  await until(reached);
  const started = Date.now();
  expect(h.app.emails.cancel(id)).toEqual({ cancelled: true });
  expect(await failure(change)).toMatchObject({ code: 'ERR_CANCELLED' });
  expect(Date.now() - started).toBeLessThan(1000);
}

describe('cancelling an address change', () => {
  it.each(['rejects', 'resolves'] as const)('during the backoff pause before a second refresh (the pause %s): it ends there, no second refresh, nothing changed', async (ends) => {
    const { pauses, ended, sleep } = pauseUntilCancelled(ends);
    const { h, id } = await signedIn(sleep);
    const primary = primaryAtBackpack();
    const before = tokenRequests();
    ctx.bp.control.failNext({ status: 401, path: '/v1/user/emails', count: 3, challenge: 'invalid_token' });
    try {
      const change = h.app.emails.makePrimary(id, '2');
      await until(() => pauses.length === 1);
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: true });
      expect(await failure(change)).toMatchObject({ code: 'ERR_CANCELLED' });
      // The pause was given the change's signal: it ended with the cancel, not left to run out.
      expect(ended.count).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(tokenRequests() - before).toBe(1);
      expect(primaryAtBackpack()).toBe(primary);
      expect(await h.db.accounts.get(id)).toMatchObject({ needsSignIn: false });
    } finally {
      ctx.bp.control.clearFaults();
    }
  });

  it('while the backpack holds its answer: cancelled at once (not "could not be reached"), and a change waiting behind it sends nothing', async () => {
    const { h, id } = await signedIn();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: '/v1/user/emails/', hold });
    const sent = () => ctx.bp.control.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/v1/user/emails/')).length;
    const before = sent();
    try {
      const first = h.app.emails.resend(id, '3');
      const second = h.app.emails.makePrimary(id, '2');
      // The re-send has reached the backpack, which holds it.
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: true });
      expect(await failure(first)).toMatchObject({ code: 'ERR_CANCELLED' });
      expect(await failure(second)).toMatchObject({ code: 'ERR_CANCELLED' });
      expect(Date.now() - started).toBeLessThan(1000);
      release();
      await new Promise((r) => setTimeout(r, 50));
      // The held re-send may have reached the backpack; the primary change behind it never left.
      expect(sent() - before).toBeLessThanOrEqual(1);
      expect(primaryAtBackpack()).toBe('ada@example.org');
      // Nothing left to cancel; the next change runs as usual.
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: false });
      expect((await h.app.emails.list(id)).length).toBeGreaterThan(0);
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('during the refresh a refused token leads to: cancelled at once; the refresh goes on and its pair is stored', async () => {
    const { h, id } = await signedIn();
    const before = await h.db.secrets.get(refreshId(id));
    const { hold, reached, release } = arrivalHold();
    ctx.bp.control.failNext({ status: 401, path: '/v1/user/emails', challenge: 'invalid_token' });
    ctx.bp.control.failNext({ path: '/o/token', hold });
    try {
      await cancelledAtOnce(h, id, h.app.emails.makePrimary(id, '2'), reached);
      release();
      await expect.poll(async () => JSON.stringify(await h.db.secrets.get(refreshId(id)))).not.toBe(JSON.stringify(before));
      expect(primaryAtBackpack()).toBe('ada@example.org');
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('during the refresh of a token about to expire, before the change is sent: cancelled at once, nothing sent', async () => {
    const { h, id } = await signedIn();
    const { hold, reached, release } = arrivalHold();
    // A minute left on the access token: the change's first look at it (tokens.ts access) refreshes it.
    h.clock.offsetMs = h.platform.session.map.get(id)!.expiresAt! - Date.now() - 60_000;
    ctx.bp.control.failNext({ path: '/o/token', hold });
    const sent = () => ctx.bp.control.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/v1/user/emails/')).length;
    const before = sent();
    try {
      await cancelledAtOnce(h, id, h.app.emails.makePrimary(id, '2'), reached);
      release();
      await new Promise((r) => setTimeout(r, 50));
      expect(sent() - before).toBe(0);
      expect(primaryAtBackpack()).toBe('ada@example.org');
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('once the backpack has answered the change it is made: a cancel then finds nothing, and the list comes back', async () => {
    const { h, id } = await signedIn();
    // The change is answered; the listing after it (asked only once the answer was read) is held.
    const { hold, reached: listing, release } = arrivalHold();
    ctx.bp.control.failNext({ path: '/v1/user/emails', skip: 1, hold });
    try {
      const change = h.app.emails.makePrimary(id, '2');
      await until(listing);
      expect(primaryAtBackpack()).toBe('ada.lovelace@school.example');
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: false });
      release();
      expect((await change).find((e) => e.primary)?.email).toBe('ada.lovelace@school.example');
      await h.app.emails.makePrimary(id, '1');
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});
