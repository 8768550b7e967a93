/// <reference types="chrome" />
/**
 * The OAuth mix-up defences in Chromium with the built extension (run `npm run build` first) and two
 * test backpacks in-process: a description that points at the other backpack is refused before any
 * window opens; a code exchange answered with a 307 to the other backpack is not followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { launchExtension, type Launched } from './launch.ts';
import { extensionPage, grantHosts, send } from './support/extension.ts';

let ext: Launched;
let honest: Backpack;
let hostile: Backpack;
let page: Page;

beforeAll(async () => {
  [honest, hostile] = await Promise.all([startBackpack({ port: 0 }), startBackpack({ port: 0 })]);
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  page = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
  await Promise.all([honest?.close(), hostile?.close()]);
});

const since = (bp: Backpack, from: number): string[] => bp.control.requests.slice(from).map((r) => `${r.method} ${r.path}`);

describe('sign-in mix-up in the browser', () => {
  it('refuses a description naming the other backpack\'s authorize and register endpoints: no window, nothing sent', async () => {
    const d = (await (await fetch(`${honest.baseUrl}/ims/ob/v3p0/discovery`)).json()) as Record<string, any>;
    const flow = d.components.securitySchemes.OAuth2ACG.flows.authorizationCode;
    flow.tokenUrl = `${hostile.baseUrl}/oauth/token`;
    flow.refreshUrl = `${hostile.baseUrl}/oauth/token`;
    d.servers = [{ url: `${hostile.baseUrl}/ims/ob/v3p0` }];
    hostile.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: d });
    const [h0, s0] = [honest.control.requests.length, hostile.control.requests.length];
    const pages = ext.context.pages().length;
    const r = await send(page, 'accounts/sign-in', { kind: 'ob3', baseUrl: hostile.baseUrl });
    expect(r).toMatchObject({ ok: false, error: { code: 'ENDPOINT_MISMATCH', message: expect.stringContaining('registrationUrl on another site') } });
    expect(since(honest, h0)).toEqual([]);
    expect(since(hostile, s0)).toEqual(['GET /ims/ob/v3p0/discovery']);
    expect(ext.context.pages().length).toBe(pages);
  });

  it('does not follow a 307 from the token endpoint: the code and verifier never reach the other backpack', async () => {
    honest.control.failNext({ status: 307, path: '/oauth/token', redirectTo: `${hostile.baseUrl}/oauth/token` });
    const s0 = hostile.control.requests.length;
    const authWindow = ext.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${honest.baseUrl}/oauth/authorize`), timeout: 15_000 });
    const signIn = send(page, 'accounts/sign-in', { kind: 'ob3', baseUrl: honest.baseUrl });
    const auth = await authWindow;
    await auth.waitForSelector('#username');
    await auth.fill('#username', ADA.username);
    await auth.fill('#password', ADA.password);
    await auth.click('#allow');
    const r = await signIn;
    expect(r).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(honest.control.requests.some((q) => q.path === '/oauth/token' && q.status === 307)).toBe(true);
    expect(since(hostile, s0)).toEqual([]);
  });
});
