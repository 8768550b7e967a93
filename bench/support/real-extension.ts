/// <reference types="chrome" />
/**
 * The built extension in Chromium over its real background, signed into the test backpack
 * (in-process), for bench/popup.ts. Everything goes through the extension's own protocol, as the
 * browser tests do (test/browser/support/extension.ts): host access for http://127.0.0.1 granted
 * without a dialog, `accounts/sign-in` by password from an extension page, the sync the sign-in
 * starts followed through `state/get` until the account is idle, and `badges/list` for the count.
 */
import type { Page } from 'playwright-core';
import { ADA } from '../../test/backpack/seed-data.ts';
import type { Backpack } from '../../test/backpack/server.ts';
import { launchExtension, type Launched } from '../../test/browser/launch.ts';
import { call, extensionPage, grantHosts, signInOb3 as signInOb3As, waitFor } from '../../test/browser/support/extension.ts';

export interface SignedIn {
  ext: Launched;
  accountId: string;
  /** Badges in the cache (`badges/list`) once the sync is idle. */
  cached: number;
}

interface StateReply {
  accounts: { id: string; sync: { status: string; done: number; total: number; error?: unknown } }[];
  badgeCount: number;
}

/** Waits until the account's sync is idle (throws on a sync error); logs progress on stderr. */
async function syncIdle(page: Page, accountId: string, label: string, timeoutMs: number): Promise<void> {
  let last = '';
  await waitFor(async () => {
    const state = await call<StateReply>(page, 'state/get', {});
    const s = state.accounts.find((a) => a.id === accountId)?.sync;
    if (s?.status === 'error') throw new Error(`bench/popup: ${label}: sync failed: ${JSON.stringify(s.error)}`);
    const now = `${s?.status} ${s?.done}/${s?.total}`;
    if (now !== last) console.error(`bench/popup: ${label}: sync ${now}`), (last = now);
    return s?.status === 'idle';
  }, timeoutMs, 250).catch((e: unknown) => {
    throw e instanceof Error && e.message.startsWith('waitFor') ? new Error(`bench/popup: ${label}: sync not idle after ${timeoutMs} ms`) : e;
  });
}

/**
 * A fresh profile with the built extension, signed into the test backpack's Badgr API by password,
 * synced until idle. Closes the browser when anything fails.
 */
export async function signedInProfile(bp: Backpack, who: { username: string; password: string }, label: string, syncTimeoutMs = 300_000, dist?: string): Promise<SignedIn> {
  const ext = await launchExtension(dist ? { dist } : {});
  try {
    // The sign-in asks for host access in the click; granted here, the browser's dialog is skipped.
    await grantHosts(ext, ['http://127.0.0.1/*']);
    const page = await extensionPage(ext);
    try {
      const started = performance.now();
      const view = await call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: who.username, password: who.password });
      // The sign-in starts a sync; wait for it (a state read just after may still say idle before it starts).
      await waitFor(async () => {
        const state = await call<StateReply>(page, 'state/get', {});
        const s = state.accounts.find((a) => a.id === view.id)?.sync;
        return s?.status !== 'idle' || (s.total > 0 && s.done === s.total) || state.badgeCount > 0 || performance.now() - started > 3000;
      }, 10_000, 50);
      await syncIdle(page, view.id, label, syncTimeoutMs);
      const cached = (await call<unknown[]>(page, 'badges/list', {})).length;
      console.error(`bench/popup: ${label}: ${cached} badges cached in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return { ext, accountId: view.id, cached };
    } finally {
      await page.close();
    }
  } catch (e) {
    await ext.close();
    throw e;
  }
}

/**
 * Empties a user's Badgr backpack on the test backpack through its own API, as that user would:
 * a password token, then DELETE of every assertion listed (Badgr marks a badge issued to you
 * "Rejected" and never lists it again). Returns how many were removed.
 */
export async function emptyBadgrBackpack(bp: Backpack, who: { username: string; password: string }): Promise<number> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'public', username: who.username, password: who.password, scope: 'r:backpack rw:backpack' });
  const tr = await fetch(`${bp.baseUrl}/o/token`, { method: 'POST', body: form });
  if (!tr.ok) throw new Error(`bench/popup: token for ${who.username}: HTTP ${tr.status}`);
  const { access_token: token } = (await tr.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };
  const listUrl = `${bp.baseUrl}/v2/backpack/assertions?include_expired=true&include_revoked=true&include_pending=true`;
  const list = async () => {
    const r = await fetch(listUrl, { headers: auth });
    if (!r.ok) throw new Error(`bench/popup: listing ${who.username}'s backpack: HTTP ${r.status}`);
    return ((await r.json()) as { result: { entityId: string }[] }).result;
  };
  const before = await list();
  for (const { entityId } of before) {
    const r = await fetch(`${bp.baseUrl}/v2/backpack/assertions/${encodeURIComponent(entityId)}`, { method: 'DELETE', headers: auth });
    if (r.status !== 204) throw new Error(`bench/popup: removing ${entityId}: HTTP ${r.status}`);
  }
  if ((await list()).length) throw new Error(`bench/popup: ${who.username}'s backpack is not empty`);
  await fetch(`${bp.baseUrl}/o/revoke_token/`, { method: 'POST', body: new URLSearchParams({ token, client_id: 'public' }) });
  return before.length;
}

/** Signs Ada in by the OB 3.0 flow (test/browser/support/extension.ts signInOb3). */
export const signInOb3 = (ext: Launched, page: Page, bp: Backpack): Promise<{ id: string }> => signInOb3As(ext, page, bp.baseUrl, ADA);
