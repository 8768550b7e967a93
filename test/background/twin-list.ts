/** What the synced-twin tests read: a backpack signed in and synced, and the list's entries for one badge id. */
import type { Backpack } from '../backpack/server.ts';
import { badgrSignIn, type Harness } from './harness.ts';

/** Signs in to the backpack as Ada and syncs it once. */
export async function signInSynced(h: Harness, bp: Backpack) {
  const account = await badgrSignIn(h, bp.baseUrl);
  await h.app.sync.run(account.id);
  return account;
}

/** The list's entries for the badge id, as key and verdict, by key. */
export const shown = async (h: Harness, id: string) =>
  (await Promise.all((await h.app.library.list()).map(async (b) => ({ b, r: (await h.db.badges.get(b.key))! }))))
    .filter(({ r }) => r.meta.credentialId === id)
    .map(({ b }) => ({ key: b.key, verdict: b.verdict }))
    .sort((a, b) => a.key.localeCompare(b.key));
