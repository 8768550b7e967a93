/**
 * Bound session 29, point 4: a backpack lists an award under the same credential id with another
 * achievement than the one stored. Should the new record replace the old? No: the sync cannot tell a
 * changed achievement from a second award under a reused id (MIT Learn's course, module and program
 * certificates share one: sync-award-key.ts), and an incremental listing (Badge Connect's `since`) holds
 * only what changed, so the other award's absence from it says nothing. Replacing would drop a genuine
 * badge, the loss sync-award-key.ts was written against. The new award goes beside; the old one stays as
 * it was, and the run that reads the listing whole marks it "No longer listed" (sync-listed.ts), kept,
 * never deleted. These pin that decision.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sameIdAward } from './same-id-award.ts';
import { harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e';
const underId = async (h: Harness, account: string) => (await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID);
const byName = async (h: Harness, account: string) => Object.fromEntries((await underId(h, account)).map((r) => [r.meta.name, r]));

beforeEach(() => void ctx.bp.control.stateForTests.badges.delete('ob3-cert'));

describe('an award whose achievement changed under the same id at the backpack', () => {
  it('a whole listing: the new one beside, the old one kept and marked no longer listed by that same run', async () => {
    const h = await harness();
    sameIdAward(ctx.bp, ID, 'ob3-cert', 'ach-cert-2025', 'Certificate 2025', '2026-03-02T10:00:00Z');
    const account = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
    await h.app.sync.run(account);
    const before = (await byName(h, account))['Certificate 2025']!;
    expect(before.unlisted).toBeUndefined();
    // The same entry, the same id, another achievement.
    sameIdAward(ctx.bp, ID, 'ob3-cert', 'ach-cert-2026', 'Certificate 2026', '2026-03-04T10:00:00Z');
    expect(await h.app.sync.run(account)).toMatchObject({ status: 'idle' });
    const after = await byName(h, account);
    expect(Object.keys(after).sort()).toEqual(['Certificate 2025', 'Certificate 2026']);
    // The old record: same key, its original and verdict as they were, marked by this run.
    expect(after['Certificate 2025']!.key).toBe(before.key);
    expect(after['Certificate 2025']!.verdict).toBe(before.verdict);
    expect(after['Certificate 2025']!.unlisted).toBeDefined();
    expect(await h.db.originals.get(before.key)).toBeDefined();
    expect(after['Certificate 2026']!.key).not.toBe(before.key);
    expect(after['Certificate 2026']!.unlisted).toBeUndefined();
  });

});
