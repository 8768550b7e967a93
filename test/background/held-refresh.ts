/**
 * A refresh whose tokens change while it is on its way: the backpack has rotated the pair, and its
 * answer reaches Lanyard only at `release()`.
 */
import { badgrSignIn, harness } from './harness.ts';

export type Pair = { access_token: string; refresh_token: string };

/** A harness whose next Badgr token request, once `arm()` is called, is so held: `answered` is the rotated pair. */
async function heldRefresh() {
  let armed = false;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached!: (pair: Pair) => void;
  const answered = new Promise<Pair>((r) => (reached = r));
  const h = await harness({
    fetch: async (url, init) => {
      const res = await fetch(url, init);
      if (armed && new URL(url).pathname.startsWith('/o/token')) {
        armed = false;
        reached((await res.clone().json()) as Pair);
        await gate;
      }
      return res;
    },
  });
  return { h, arm: () => (armed = true), answered, release };
}

/** Ada signed in to Badgr, synced, her access token due and a request (her addresses' list) refreshing it, its answer held. */
export async function refreshOnItsWay(baseUrl: string) {
  const { h, arm, answered, release } = await heldRefresh();
  const { id } = await badgrSignIn(h, baseUrl);
  // The first sync over: only the refresh below is under way.
  await h.app.sync.run(id);
  // The access token is due: the next request refreshes it first.
  h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
  arm();
  const listing = h.app.emails.list(id).then(
    () => 'listed',
    (e: { code?: string }) => e.code,
  );
  return { h, id, listing, rotated: await answered, release };
}
