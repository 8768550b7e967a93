/// <reference types="chrome" />
/**
 * Backpacks in Chromium with the built extension (run `npm run build` first) against the test
 * backpack in-process: sign in by password and by the OB 3.0 flow (the real launchWebAuthFlow
 * window, filled and submitted), sync, the badges with their verdicts in IndexedDB, no token or
 * secret within a content script's reach, and sign-out revoking the token on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { call, currentWorker, extensionPage, grantHosts, inContentScript, readStore, waitFor } from './support/extension.ts';

let ext: Launched;
let bp: Backpack;
let page: Page;
const accounts: Record<string, string> = {};

interface Badge {
  key: string;
  accountId: string;
  sourceId: string;
  verdict: string;
  pending: boolean;
  recipient: string | null;
  original: { kind: string };
}

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  page = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
  await bp?.close();
});

async function syncAndWait(accountId: string): Promise<void> {
  await call(page, 'sync/start', { accountId });
  await waitFor(async () => {
    const state = await call<{ accounts: { id: string; sync: { status: string; error?: unknown } }[] }>(page, 'state/get', {});
    const s = state.accounts.find((a) => a.id === accountId)?.sync;
    if (s?.status === 'error') throw new Error(`sync failed: ${JSON.stringify(s.error)}`);
    return s?.status === 'idle' && s;
  }, 40_000, 200);
}

const badgesOf = async (accountId: string) => (await readStore<Badge>(await currentWorker(ext), 'badges')).filter((b) => b.accountId === accountId);

describe('backpacks in the browser', () => {
  it('signs in to Badgr by password and syncs: badges with verdicts in IndexedDB', async () => {
    const view = await call<{ id: string; kind: string; user: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password });
    expect(view).toMatchObject({ kind: 'badgr', user: 'ada@example.org' });
    accounts.badgr = view.id;
    await syncAndWait(view.id);
    const badges = await badgesOf(view.id);
    const byId = Object.fromEntries(badges.map((b) => [b.sourceId, b]));
    expect(badges).toHaveLength(7);
    expect(byId['ada-programmer']).toMatchObject({ verdict: 'valid', recipient: 'ada@example.org', original: { kind: 'png' } });
    expect(byId['ada-notes-signed']).toMatchObject({ verdict: 'valid' });
    expect(byId['ada-retired-revoked']).toMatchObject({ verdict: 'invalid' });
    expect(byId['ada-bernoulli-pending']).toMatchObject({ pending: true, recipient: 'ada@old-job.example' });
  });

  it('says what is wrong with a wrong password', async () => {
    bp.control.clearThrottle();
    const r = await page.evaluate((baseUrl) => chrome.runtime.sendMessage({ type: 'accounts/sign-in', args: { kind: 'badgr', baseUrl, username: 'ada@example.org', password: 'wrong' } }), bp.baseUrl);
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    bp.control.clearThrottle();
  });

  it('signs in by the OB 3.0 flow in the real sign-in window, and syncs', async () => {
    const authWindow = ext.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${bp.baseUrl}/oauth/authorize`), timeout: 15_000 });
    const signIn = call<{ id: string; kind: string; user: string }>(page, 'accounts/sign-in', { kind: 'ob3', baseUrl: bp.baseUrl });
    const auth = await authWindow;
    await auth.waitForSelector('#username');
    expect(new URL(auth.url()).searchParams.get('redirect_uri')).toBe(`https://${ext.extensionId}.chromiumapp.org/oauth2`);
    await auth.fill('#username', ADA.username);
    await auth.fill('#password', ADA.password);
    await auth.click('#allow');
    const view = await signIn;
    expect(view).toMatchObject({ kind: 'ob3', user: 'ada@example.org' });
    accounts.ob3 = view.id;
    const client = bp.control.clients.at(-1)!;
    expect(client.redirectUris).toEqual([`https://${ext.extensionId}.chromiumapp.org/oauth2`]);
    await syncAndWait(view.id);
    const badges = await badgesOf(view.id);
    expect(badges).toHaveLength(5);
    expect(badges.filter((b) => b.verdict === 'valid').length).toBeGreaterThanOrEqual(2);
    expect(badges.find((b) => b.sourceId.endsWith('ob3-ada-jwt-revoked'))).toMatchObject({ verdict: 'invalid' });
  });

  it('keeps every token and secret out of a content script’s reach', async () => {
    const worker = await currentWorker(ext);
    const session = await worker.evaluate(() => chrome.storage.session.get(null));
    const secrets = await readStore<{ kind: string; refreshToken?: string; clientSecret?: string }>(worker, 'secrets');
    const values = [
      ...Object.values(session).map((t) => (t as { accessToken: string }).accessToken),
      ...secrets.map((s) => s.refreshToken ?? s.clientSecret ?? ''),
    ].filter(Boolean);
    expect(values.length).toBeGreaterThanOrEqual(5); // two access tokens, two refresh tokens, one client secret

    const body = '<!doctype html><html><head><title>Ada | LinkedIn</title></head><body><main><h1>Ada</h1></main></body></html>';
    await ext.context.route('https://www.linkedin.com/**', (r) => r.fulfill({ contentType: 'text/html', body }));
    const tab = await ext.context.newPage();
    await tab.goto('https://www.linkedin.com/in/ada/');
    const seen = await inContentScript<{ local: unknown; session: string; replies: unknown[]; databases: unknown }>(
      ext,
      tab,
      `(async () => {
        const local = await chrome.storage.local.get(null);
        let session;
        try { session = JSON.stringify(await chrome.storage.session.get(null)); } catch (e) { session = 'refused: ' + e.message; }
        const replies = [];
        for (const m of [
          { type: 'picker/list', args: { query: '' } },
          { type: 'state/get', args: {} },
          { type: 'accounts/sign-out', args: { accountId: ${JSON.stringify(accounts.badgr)} } },
          { type: 'backup/export', args: {} },
        ]) replies.push(await chrome.runtime.sendMessage(m));
        const databases = await indexedDB.databases();
        return { local, session, replies, databases };
      })()`,
    );
    expect(seen.session).toMatch(/^refused: .*(not allowed|Access)/i);
    expect(seen.databases).toEqual([]);
    const [picker, ...refused] = seen.replies as { ok: boolean; error?: { code: string }; value?: unknown[] }[];
    expect(picker).toMatchObject({ ok: true });
    expect(picker!.value!.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    const everything = JSON.stringify(seen);
    for (const v of values) expect(everything).not.toContain(v);
    await tab.close();
    await ext.context.unroute('https://www.linkedin.com/**');
    // The sign-out a content script asked for did not happen.
    expect((await call<{ accounts: { id: string }[] }>(page, 'state/get', {})).accounts.map((a) => a.id)).toContain(accounts.badgr);
  });

  it('a badge the backpack stops listing: its row and page say so, and signing out keeps it in this browser', async () => {
    const entityId = bp.control.issueBadge();
    await syncAndWait(accounts.badgr!);
    bp.control.deleteBadge(entityId);
    await syncAndWait(accounts.badgr!);
    const marked = (await badgesOf(accounts.badgr!)).find((b) => b.sourceId === entityId) as Badge & { unlisted?: string };
    expect(marked?.unlisted).toEqual(expect.any(String));
    await page.reload();
    const row = page.getByRole('option').filter({ hasText: 'No longer listed' });
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.count()).toBe(1);
    await row.first().click();
    await page.getByText(`No longer listed by ${new URL(bp.baseUrl).host} since`).waitFor({ timeout: 15_000 });
  });

  it('signs out: the tokens are revoked on the server and forgotten here', async () => {
    const worker = await currentWorker(ext);
    for (const id of [accounts.badgr!, accounts.ob3!]) {
      const { [`token:${id}`]: token } = (await worker.evaluate((k) => chrome.storage.session.get(k), `token:${id}`)) as Record<string, { accessToken: string }>;
      expect(bp.control.isTokenLive(token!.accessToken)).toBe(true);
      // The badge Badgr no longer lists (the step above) is kept in this browser.
      expect(await call(page, 'accounts/sign-out', { accountId: id })).toEqual({ signedOut: true, revoked: 'revoked', kept: id === accounts.badgr ? 1 : 0 });
      expect(bp.control.isTokenLive(token!.accessToken)).toBe(false);
      expect(await worker.evaluate((k) => chrome.storage.session.get(k), `token:${id}`)).toEqual({});
    }
    expect((await readStore<{ kind: string }>(worker, 'secrets')).filter((s) => s.kind === 'refresh')).toEqual([]);
    expect(await readStore(worker, 'badges')).toEqual([expect.objectContaining({ accountId: 'local', movedFrom: new URL(bp.baseUrl).host, unlisted: expect.any(String) })]);
    expect(bp.control.revokedTokens.length).toBeGreaterThanOrEqual(2);
  });
});
