/**
 * Review 36: a sign-out marks the account's sync state (records.ts SyncRecord.signingOutOf) before it
 * deletes the account. When that delete failed (the storage refusing the write), the sign-out threw
 * but the mark stayed on a live account, and every later sync write copied it (sync-save.ts): a sync
 * state that says a sign-out is under way for an account the user is still signed in to. The mark
 * now goes with the failure; the account stays, signed in, and syncs as before.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

describe('a sign-out whose delete of the account fails', () => {
  it('leaves no sign-out mark on the account, nor in the syncs after it', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const remove = h.db.accounts.delete.bind(h.db.accounts);
    h.db.accounts.delete = () => Promise.reject(new Error('the storage refused the write'));
    await expect(h.app.accounts.signOut(id)).rejects.toThrow('the storage refused the write');
    h.db.accounts.delete = remove;
    expect(await h.db.accounts.get(id)).toBeDefined();
    const state = await h.db.syncState.get(id);
    expect(state).toBeDefined();
    expect(state!.signingOutOf).toBeUndefined();
    expect(state!.signingOutSession).toBeUndefined();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h.db.syncState.get(id))!.signingOutOf).toBeUndefined();
    // Signing out again works and ends the session.
    expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true });
    expect(await h.db.accounts.get(id)).toBeUndefined();
  });
});
