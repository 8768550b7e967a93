/**
 * A sign-out cut short by a stopped worker (here while the backpack's revocation hung) is ended by the
 * next worker (accounts.ts finishSignOuts, sign-out-end.ts). That end forgot the tokens but never
 * revoked them at the backpack: the account record (its provider, its registered client) was gone
 * already, so the session stayed live there, known to no one, until it expired (its refresh token:
 * for good). The sign-out's mark now keeps what the revocation needs (the provider's kind, base URL,
 * service description and the client's `secrets` id, never a secret), and the finishing worker ends
 * the session best effort (RFC 7009; Badgr's sign-out) before it forgets the tokens. A mark an older
 * version left, without that, is still ended, and says honestly that nothing was revoked.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

const waitFor = async (ok: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 400 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await ok()).toBe(true);
};

/** Signs out with the backpack's revocation held, and stops the worker there: the next worker, and the held request's release. */
async function stoppedWhileRevoking(h: Harness, id: string, revokePath: string): Promise<{ after: Harness; release: () => void; stopped: Promise<unknown> }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached = false;
  // Held at the backpack: awaited there as the request arrives.
  const hold = { then: (ok: () => void, no: () => void) => ((reached = true), gate.then(ok, no)) } as unknown as Promise<void>;
  ctx.bp.control.failNext({ path: revokePath, hold });
  const stopped = h.app.accounts.signOut(id).catch(() => undefined);
  // The account is gone and the revocation has reached the backpack (held there).
  await waitFor(async () => reached && !(await h.db.accounts.get(id)) && !!(await h.db.syncState.get(id))?.signingOutOf);
  const after = await h.restart();
  h.db.close();
  return { after, release, stopped };
}

describe('a sign-out a stopped worker left, ended by the next one', () => {
  it('Badge Connect: the session is revoked at the backpack before its tokens are forgotten', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const t = (await h.platform.session.getToken(id))!;
    const refresh = (await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string };
    expect(ctx.bp.control.isTokenLive(t.accessToken)).toBe(true);
    expect(ctx.bp.control.isTokenLive(refresh.refreshToken)).toBe(true);
    // No secret in the mark: the client's is read from `secrets` by its id.
    const client = (await h.db.accounts.get(id))!.clientSecretId!;
    const { after, release, stopped } = await stoppedWhileRevoking(h, id, '/oauth/revoke');
    const mark = JSON.stringify(await after.db.syncState.get(id));
    expect(mark).toContain(client);
    expect(mark).not.toContain(refresh.refreshToken);
    expect(mark).not.toContain(t.accessToken);
    await after.app.accounts.finishSignOuts();
    // Before the held request (the stopped worker's) is let go: the new worker revoked.
    expect(ctx.bp.control.isTokenLive(t.accessToken)).toBe(false);
    expect(ctx.bp.control.isTokenLive(refresh.refreshToken)).toBe(false);
    expect(await after.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(await after.db.syncState.get(id)).toBeUndefined();
    release();
    await stopped;
  });

  it('Badgr: likewise (its sign-out)', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const t = (await h.platform.session.getToken(id))!;
    const refresh = (await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string };
    const { after, release, stopped } = await stoppedWhileRevoking(h, id, '/o/revoke_token');
    await after.app.accounts.finishSignOuts();
    expect(ctx.bp.control.isTokenLive(t.accessToken)).toBe(false);
    expect(ctx.bp.control.isTokenLive(refresh.refreshToken)).toBe(false);
    expect(await after.db.syncState.get(id)).toBeUndefined();
    release();
    await stopped;
  });

  it('a mark an older version left (the host only) is still ended, and a sign-out that ends it says nothing was revoked', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    // As an older version left it: the account gone, its mark the host alone.
    await h.db.accounts.delete(id);
    await h.db.syncState.update(id, (s) => ({ ...(s ?? { accountId: id, status: 'idle', done: 0, total: 0, failures: 0 }), signingOutOf: new URL(ctx.bp.baseUrl).host }));
    const after = await h.restart();
    expect(await after.app.accounts.signOut(id)).toMatchObject({ signedOut: true, revoked: 'failed' });
    expect(await after.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(after.platform.session.map.has(id)).toBe(false);
    expect(await after.db.syncState.get(id)).toBeUndefined();
  });
});
