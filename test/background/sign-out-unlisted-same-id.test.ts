/**
 * A sign-out keeps the badges its backpack no longer lists (unlisted-keep.ts), each moved to the local
 * backpack under its id, or beside what is kept there when that is another badge. Two awards under one
 * credential id (real issuers reuse one: real-issuers-12) both go to that one id. The first moved took
 * the key; the second was taken for a copy of it ("held here already", nothing moved) whenever one of
 * the two did not tell its achievement, a record stored before Lanyard kept it (BadgeMeta.achievementId,
 * as library.ts and synced-twin.ts untold know), and then forgotten with the account: the user's only
 * copy of a genuine award lost at sign-out, counted as kept. An achievement not known is no evidence
 * of the same award: only the same bytes, or the same achievement (in one form, id-form.ts), is.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backpack } from '../backpack/server.ts';
import { sameIdAward } from './same-id-award.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:0b7d4a52-91c3-4e0f-8a6d-2c9e5f1b3a74';
const COURSE = 'Foundations of Universal AI';
const PROGRAM = 'AI and Precision Medicine';

/** One award under the shared id in Ada's backpack (entity `entityId`). */
function award(bp: Backpack, entityId: string, achievementId: string, name: string, updatedAt: string): void {
  sameIdAward(bp, ID, entityId, achievementId, name, updatedAt);
}

beforeEach(() => {
  for (const e of ['ob3-course-k', 'ob3-program-k']) ctx.bp.control.stateForTests.badges.delete(e);
});

describe('signing out of a backpack that no longer lists two awards under one id', () => {
  it.each([
    ['the first kept does not tell its achievement', 'plain'],
    ['the second kept does not tell its achievement', 'beside'],
  ] as const)('%s: both are kept in this browser', async (_, untold) => {
    const h = await harness();
    award(ctx.bp, 'ob3-course-k', 'ach-course-ai-k', COURSE, '2026-03-02T10:00:00Z');
    award(ctx.bp, 'ob3-program-k', 'ach-program-med-k', PROGRAM, '2026-03-03T10:00:00Z');
    const { id: account } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(account)).toMatchObject({ status: 'idle' });
    const records = (await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID);
    expect(records.map((r) => r.meta.name).sort()).toEqual([PROGRAM, COURSE].sort());
    // The issuer's account closed: the backpack lists neither any more.
    for (const e of ['ob3-course-k', 'ob3-program-k']) ctx.bp.control.stateForTests.badges.delete(e);
    h.clock.offsetMs += 60_000;
    expect(await h.app.sync.run(account)).toMatchObject({ status: 'idle' });
    // One record as an older Lanyard stored it: no achievement kept.
    const old = records.find((r) => (untold === 'plain') === (r.key === `${account}|${ID}`))!;
    await h.db.badges.update(old.key, (r) => {
      const { achievementId: _, ...meta } = r!.meta;
      return { ...r!, meta };
    });
    for (const r of records) expect((await h.db.badges.get(r.key))!.unlisted).toEqual(expect.any(String));

    const reply = await h.app.accounts.signOut(account);
    expect(reply).toMatchObject({ signedOut: true, kept: 2 });
    const kept = (await h.app.library.list()).filter((b) => b.accountId === 'local');
    expect(kept.map((b) => b.name).sort()).toEqual([PROGRAM, COURSE].sort());
  });
});
