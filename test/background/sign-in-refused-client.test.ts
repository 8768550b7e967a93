/**
 * A token endpoint that refuses the client (RFC 6749 §5.2 invalid_client) made the sign-in forget the
 * client kept for those endpoints whatever it was by then (accounts.ts): a client another sign-in had
 * registered meanwhile for the same backpack was deleted in its place, and that account, signed in with
 * it, could no longer refresh ("sign in again"). Now only the client that was refused is forgotten
 * (db-secrets.ts forgetClient, compared by client_id in one transaction).
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

describe('a client refused at the code exchange', () => {
  it('is forgotten, but not a client registered meanwhile by another sign-in, whose account still refreshes', async () => {
    // The first code exchange waits until released: the backpack forgets its client meanwhile.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding: (() => void) | undefined;
    const reached = new Promise<void>((r) => (holding = r));
    const h = await harness({
      fetch: async (url: string, init?: RequestInit) => {
        if (holding && new URL(url).pathname === '/oauth/token') {
          holding();
          holding = undefined;
          await held;
        }
        return fetch(url, init);
      },
    });
    const first = failure(h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl }));
    await reached;
    const [old] = (await h.db.secrets.all()).filter((s) => s.kind === 'client');
    expect(old).toBeDefined();
    // The backpack forgot the client, and so did this install (a refresh refused with invalid_client: tokens.ts).
    ctx.bp.control.stateForTests.clients.delete(old!.kind === 'client' ? old!.clientId : '');
    await h.db.secrets.delete(old!.id);
    // A sign-in to another address of the same backpack (one manifest, one client's id) registers a new one.
    const other = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: `${ctx.bp.baseUrl}/ims/ob/v3p0` });
    const fresh = await h.db.secrets.get(old!.id);
    expect(fresh).toMatchObject({ kind: 'client' });
    expect(fresh!.kind === 'client' && fresh!.clientId).not.toBe(old!.kind === 'client' && old!.clientId);
    release();
    expect(await first).toMatchObject({ code: 'UNAUTHORIZED' });
    // The new client stays, and the account signed in with it refreshes.
    expect(await h.db.secrets.get(old!.id)).toEqual(fresh);
    h.platform.session.map.set(other.id, { ...h.platform.session.map.get(other.id)!, expiresAt: Date.now() - 1000 });
    expect(await h.app.sync.run(other.id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.accounts.get(other.id)).toMatchObject({ needsSignIn: false });
  });

  it('forgetClient deletes the client kept only while it is the one named', async () => {
    const h = await harness();
    const first = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const id = (await h.db.accounts.get(first.id))!.clientSecretId!;
    const kept = await h.db.secrets.get(id);
    expect(await h.db.secrets.forgetClient(id, 'another')).toBe(false);
    expect(await h.db.secrets.get(id)).toEqual(kept);
    expect(await h.db.secrets.forgetClient(id, kept!.kind === 'client' ? kept!.clientId : '')).toBe(true);
    expect(await h.db.secrets.get(id)).toBeUndefined();
  });
});
