/**
 * Cancel ends the sign-in it is the Cancel of, not every one under way. Sign-ins to two backpacks run at once
 * (sign-in-run.ts: one per backpack), each shown in its own form (state/get `signIns`, a popup opened again
 * joins one); the popup's Cancel aborted them all, so cancelling a sign-in to one backpack silently ended the
 * other's too (its form heard ERR_CANCELLED, which it shows as nothing: use-sign-in.ts).
 */
import { expect, it } from 'vitest';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';

const one = useBackpack({ badges: 1 });
const two = useBackpack({ badges: 1 });

/** Holds every profile request until its sign-in is aborted or `release()`. */
function holdProfiles() {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holding = 0;
  return {
    fetch: async (url: string, init?: RequestInit): Promise<Response> => {
      if (new URL(url).pathname === '/v2/users/self') {
        holding++;
        const signal = init?.signal;
        await Promise.race([held, new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      }
      return fetch(url, init);
    },
    holding: () => holding,
    release: () => release(),
  };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

it('cancelling the sign-in to one backpack leaves the other’s going, and it is stored', async () => {
  const hold = holdProfiles();
  const h = await harness({ fetch: hold.fetch });
  const first = failure(badgrSignIn(h, one.bp.baseUrl));
  const second = badgrSignIn(h, two.bp.baseUrl);
  await until(() => hold.holding() === 2);
  expect((await h.app.state()).signIns?.map((s) => s.baseUrl).sort()).toEqual([one.bp.baseUrl, two.bp.baseUrl].sort());
  expect(h.app.accounts.cancelSignIn(one.bp.baseUrl)).toEqual({ cancelled: true });
  expect((await first).code).toBe('ERR_CANCELLED');
  expect((await h.app.state()).signIns?.map((s) => s.baseUrl)).toEqual([two.bp.baseUrl]);
  hold.release();
  const account = await second;
  expect(account.baseUrl).toBe(two.bp.baseUrl);
  // None left to cancel there: nothing cancelled.
  expect(h.app.accounts.cancelSignIn(two.bp.baseUrl)).toEqual({ cancelled: false });
});

it('without a backpack named, Cancel still ends every sign-in in flight (an older popup)', async () => {
  const hold = holdProfiles();
  const h = await harness({ fetch: hold.fetch });
  const first = failure(badgrSignIn(h, one.bp.baseUrl));
  const second = failure(badgrSignIn(h, two.bp.baseUrl));
  await until(() => hold.holding() === 2);
  expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
  expect((await first).code).toBe('ERR_CANCELLED');
  expect((await second).code).toBe('ERR_CANCELLED');
});
