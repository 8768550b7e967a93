/**
 * Sign-in through the background's services against two real test backpacks: a hostile one whose
 * service description borrows the honest one's authorization and registration endpoints with its
 * own token endpoint is refused before anything is sent; registered clients are kept per set of
 * endpoints; a stored description that breaks the rule is refused at sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { failure, harness } from './harness.ts';

let honest: Backpack;
let hostile: Backpack;
beforeAll(async () => {
  [honest, hostile] = await Promise.all([startBackpack({ port: 0 }), startBackpack({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([honest?.close(), hostile?.close()]);
});

type Json = Record<string, any>;
const since = (bp: Backpack, from: number): string[] => bp.control.requests.slice(from).map((r) => `${r.method} ${r.path}`);

describe('OB 3.0 sign-in to a description that points at another backpack', () => {
  it('is refused with the endpoint named; no window opens, no client is registered, the second token endpoint is never called', async () => {
    const d = (await (await fetch(`${honest.baseUrl}/ims/ob/v3p0/discovery`)).json()) as Json;
    const flow = d.components.securitySchemes.OAuth2ACG.flows.authorizationCode;
    flow.tokenUrl = `${hostile.baseUrl}/oauth/token`;
    flow.refreshUrl = `${hostile.baseUrl}/oauth/token`;
    d.servers = [{ url: `${hostile.baseUrl}/ims/ob/v3p0` }];
    hostile.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: d });
    const h = await harness();
    const [h0, s0, clients] = [honest.control.requests.length, hostile.control.requests.length, honest.control.clients.length];
    const e = await failure(h.app.accounts.signIn({ kind: 'ob3', baseUrl: hostile.baseUrl }));
    expect(e.code).toBe('ENDPOINT_MISMATCH');
    expect(e.message).toMatch(/registrationUrl on another site/);
    expect(e.message).toContain(honest.baseUrl);
    expect(h.platform.identity.launched).toEqual([]);
    expect(since(honest, h0)).toEqual([]);
    expect(since(hostile, s0)).toEqual(['GET /ims/ob/v3p0/discovery']);
    expect(honest.control.clients).toHaveLength(clients);
    expect(await h.db.secrets.all()).toEqual([]);
    expect(await h.db.accounts.all()).toEqual([]);
  });

  it('Badge Connect: the same', async () => {
    const m = (await (await fetch(`${honest.baseUrl}/.well-known/badgeconnect.json`)).json()) as Json;
    m.badgeConnectAPI[0].tokenUrl = `${hostile.baseUrl}/oauth/token`;
    hostile.control.failNext({ status: 200, path: '/.well-known/badgeconnect.json', body: m });
    const h = await harness();
    const s0 = hostile.control.requests.length;
    expect(await failure(h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: hostile.baseUrl }))).toMatchObject({ code: 'ENDPOINT_MISMATCH' });
    expect(since(hostile, s0)).not.toContain('POST /oauth/token');
    expect(h.platform.identity.launched).toEqual([]);
  });
});

describe('registered clients are kept per set of endpoints', () => {
  it('a description with the same registration URL but another token endpoint registers anew, never reusing the client', async () => {
    const h = await harness();
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: honest.baseUrl });
    const before = honest.control.clients.length;
    const kept = (await h.db.secrets.all()).filter((s) => s.kind === 'client');
    expect(kept).toHaveLength(1);
    // Same site, same registration URL, another refresh endpoint path: another client.
    const d = (await (await fetch(`${honest.baseUrl}/ims/ob/v3p0/discovery`)).json()) as Json;
    d.components.securitySchemes.OAuth2ACG.flows.authorizationCode.refreshUrl = `${honest.baseUrl}/oauth/token?v=2`;
    honest.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: d });
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: honest.baseUrl });
    expect(honest.control.clients).toHaveLength(before + 1);
    expect((await h.db.secrets.all()).filter((s) => s.kind === 'client')).toHaveLength(2);
    // The unchanged description reuses the first client.
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: honest.baseUrl });
    expect(honest.control.clients).toHaveLength(before + 1);
  });
});

describe('a stored description is checked again before any token is sent', () => {
  it('an account whose stored token endpoint is on another site fails to sync and sends nothing there', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: honest.baseUrl });
    await h.app.sync.run(view.id); // the first sync, started by the sign-in
    const account = (await h.db.accounts.get(view.id))!;
    await h.db.accounts.put({ ...account, service: { ...account.service, refreshUrl: `${hostile.baseUrl}/oauth/token`, apiBase: `${hostile.baseUrl}/ims/ob/v3p0` } });
    h.platform.session.map.clear();
    const s0 = hostile.control.requests.length;
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'ENDPOINT_MISMATCH' } });
    expect(since(hostile, s0)).toEqual([]);
  });
});
