/**
 * Two OAuth sign-ins to one backpack at once each registered a client (RFC 7591), the second's
 * credentials written over the first's under the one `secrets` id (oauth-client.ts, kept per set of
 * endpoints): the first account's tokens, issued to the first client, were then refreshed and revoked
 * with the second's, which the backpack refuses. sign-in-run.ts refuses a second sign-in to the same
 * base URL, however it is written; but two addresses of one backpack are two base URLs with one
 * manifest (Badge Connect reads {origin}/.well-known/badgeconnect.json whatever the path; OB 3.0
 * drops a trailing /ims/ob/v3p0), so both ran. The registration is now one at a time per `secrets`
 * id: the second sign-in waits for it and uses the client it registered.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

/** The account's access token is due: its next sync refreshes it with the client kept for it. */
async function refreshes(h: Harness, id: string): Promise<void> {
  h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  expect(await h.db.accounts.get(id)).toMatchObject({ needsSignIn: false });
}

describe('two sign-ins to one backpack through two of its addresses', () => {
  for (const [kind, other] of [
    ['badge-connect', '/backpack'],
    ['ob3', '/ims/ob/v3p0'],
  ] as const) {
    it(`${kind}: one client is registered, and both sessions refresh with it`, async () => {
      const h = await harness();
      const before = ctx.bp.control.clients.length;
      const [a, b] = await Promise.all([h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl }), h.app.accounts.signIn({ kind, baseUrl: `${ctx.bp.baseUrl}${other}` })]);
      expect(ctx.bp.control.clients.length - before).toBe(1);
      const [ra, rb] = [(await h.db.accounts.get(a.id))!, (await h.db.accounts.get(b.id))!];
      expect(ra.clientSecretId).toBe(rb.clientSecretId);
      await refreshes(h, a.id);
      await refreshes(h, b.id);
    });
  }
});
