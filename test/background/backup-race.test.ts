/**
 * A backup restores only the badges Lanyard does not hold (backup.ts). One that a sync stores while
 * the restore verifies the backup's copy is the provider's newer record: it is kept, never replaced
 * by the copy from the file.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { afterRead } from './interleave.ts';

const ctx = useBackpack();

describe('restoring a backup while a sync stores the same badge', () => {
  it('keeps the record the sync stored', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    const key = `${id}|ada-programmer`;
    const { json } = await h.app.backup.export();
    // Removed here; the provider still lists it, so the next sync stores it again.
    await h.app.library.remove(key);
    let runId: string | undefined;
    const synced = afterRead(h.db.badges, key, async () => {
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
      runId = (await h.db.badges.get(key))?.runId;
      expect(runId).toEqual(expect.any(String));
    });
    const restored = await h.app.backup.import(json);
    expect(synced.ran()).toBe(true);
    expect(await h.db.badges.get(key)).toMatchObject({ runId, verdict: 'valid' });
    expect(restored.imported).toBe(0);
  });
});
