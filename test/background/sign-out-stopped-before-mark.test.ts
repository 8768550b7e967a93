/**
 * A sign-out deletes its account first, then stops the account's sync and waits for it (accounts.ts
 * signOut, onSigningOut: sync.ts cancel, which waits for the run, perhaps a badge's verification, to
 * end), and only then wrote its mark (records.ts SyncRecord.signingOutOf, signingOutSession). A worker
 * stopped in that wait (the browser closed) left the account gone without the mark: the next worker
 * ended the sign-out from the bare sync state with nothing saying where the backpack was (revoked
 * 'failed', the session left live there, its refresh token for good), and an account with no sync
 * state at all kept its tokens stored for good, no sign-out ever finding it again. The mark is now
 * written before the account is deleted (and again once the sync has stopped, whose writes replace
 * the record), so a sign-out stopped anywhere after that is ended by the next worker, its session revoked.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

const waitFor = async (ok: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 400 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await ok()).toBe(true);
};

/** Signs out with the sync's stop held (onSigningOut), and stops the worker there: the next worker, and the held stop's release. */
async function stoppedWhileSyncStops(h: Harness, id: string): Promise<{ after: Harness; release: () => void; stopped: Promise<unknown> }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  h.app.sync.cancel = () => gate;
  const stopped = h.app.accounts.signOut(id).catch(() => undefined);
  await waitFor(async () => !(await h.db.accounts.get(id)));
  const after = await h.restart();
  h.db.close();
  return { after, release, stopped };
}

async function signedIn(): Promise<{ h: Harness; id: string; access: string; refresh: string }> {
  const h = await harness();
  const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
  await h.app.sync.run(id);
  const access = (await h.platform.session.getToken(id))!.accessToken;
  const refresh = ((await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string }).refreshToken;
  expect(ctx.bp.control.isTokenLive(access)).toBe(true);
  expect(ctx.bp.control.isTokenLive(refresh)).toBe(true);
  return { h, id, access, refresh };
}

describe('a sign-out stopped while it waited for the account’s sync to stop', () => {
  it('is ended by the next worker with its session revoked at the backpack', async () => {
    const { h, id, access, refresh } = await signedIn();
    const { after, release, stopped } = await stoppedWhileSyncStops(h, id);
    await after.app.accounts.finishSignOuts();
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
    expect(ctx.bp.control.isTokenLive(refresh)).toBe(false);
    expect(await after.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(await after.db.syncState.get(id)).toBeUndefined();
    release();
    await stopped;
  });

  it('is ended with its session revoked when a sync’s write landed between the mark and the account’s delete (review32)', async () => {
    const { h, id, access, refresh } = await signedIn();
    // A sync that ends just as the sign-out begins: its last write (sync.ts, the finished run's record, made
    // whole) lands after the mark. Before: it wrote the record without the mark, and the worker stopped in
    // the wait below left nothing saying where the backpack was (the session live, 'failed').
    const remove = h.db.accounts.delete.bind(h.db.accounts);
    h.db.accounts.delete = async (key: string) => {
      expect((await h.db.syncState.get(id))?.signingOutOf).toBeDefined();
      await h.app.sync.run(id);
      return remove(key);
    };
    const { after, release, stopped } = await stoppedWhileSyncStops(h, id);
    await after.app.accounts.finishSignOuts();
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
    expect(ctx.bp.control.isTokenLive(refresh)).toBe(false);
    expect(await after.db.syncState.get(id)).toBeUndefined();
    release();
    await stopped;
  });

  it('an account without a sync state: its tokens are not kept for good, and its session is revoked', async () => {
    const { h, id, access, refresh } = await signedIn();
    await h.db.syncState.delete(id);
    const { after, release, stopped } = await stoppedWhileSyncStops(h, id);
    await after.app.accounts.finishSignOuts();
    expect(await after.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(after.platform.session.map.has(id)).toBe(false);
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
    expect(ctx.bp.control.isTokenLive(refresh)).toBe(false);
    release();
    await stopped;
  });
});
