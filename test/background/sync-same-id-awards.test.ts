/**
 * One backpack listing two awards under one credential id. Real issuers reuse one id for several
 * awards (MIT Learn's course, module and program certificates, from DCC's template, carry one urn:uuid
 * id: real-issuers-12). Here the test backpack's OB 3.0 issuer signs two VC-JWTs (OB 3.0 §8.2.4) with
 * one id, a course certificate and a program certificate, both in Ada's backpack. Before, the sync
 * keyed both `<account>|<id>` and kept the later one of the answer (sync-slice.ts lastOfEach): the
 * other, a genuine badge, was silently dropped. Now the second award is keyed by its achievement too
 * (sync-award-key.ts), and a record stored before keeps its key.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backpack } from '../backpack/server.ts';
import { sameIdAward } from './same-id-award.ts';
import { harness, useBackpack, type Harness } from './harness.ts';
import { shown } from './twin-list.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:5f0c8f2e-3b1a-4c7d-9e2f-6a1b2c3d4e5f';
const COURSE = 'Foundations of Universal AI';
const PROGRAM = 'AI and Precision Medicine';

/** One award under the shared id in Ada's backpack (entity `entityId`), listed by `updatedAt` (newest first). */
function award(bp: Backpack, entityId: string, achievementId: string, name: string, updatedAt: string): void {
  sameIdAward(bp, ID, entityId, achievementId, name, updatedAt);
}

const course = (bp: Backpack, updatedAt = '2026-03-02T10:00:00Z', name = COURSE) => award(bp, 'ob3-course', 'ach-course-ai', name, updatedAt);
const program = (bp: Backpack, updatedAt = '2026-03-03T10:00:00Z') => award(bp, 'ob3-program', 'ach-program-med', PROGRAM, updatedAt);
const signInOb3 = async (h: Harness) => (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
const underId = async (h: Harness, account: string) => (await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID);
/** The account's records under the shared id: name → key. */
const byName = async (h: Harness, account: string) => Object.fromEntries((await underId(h, account)).map((r) => [r.meta.name, r.key]));

// The backpack is one for the file: each test puts in the awards it lists.
beforeEach(() => {
  for (const e of ['ob3-course', 'ob3-program']) ctx.bp.control.stateForTests.badges.delete(e);
});

describe('two awards under one credential id in one backpack', () => {
  it('a sync keeps and lists both, each as valid; a second sync changes no key and adds nothing', async () => {
    const h = await harness();
    course(ctx.bp);
    program(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    expect(Object.keys(keys).sort()).toEqual([PROGRAM, COURSE].sort());
    expect(await shown(h, ID)).toEqual(Object.values(keys).map((key) => ({ key, verdict: 'valid' })).sort((a, b) => a.key.localeCompare(b.key)));
    // One of them has the key a sync always gave a credential id.
    expect(Object.values(keys)).toContain(`${account}|${ID}`);
    await h.app.sync.run(account);
    expect(await byName(h, account)).toEqual(keys);
    expect((await underId(h, account)).length).toBe(2);
  });

  it('an award synced before keeps its key; the other is added beside it, and a listing in the other order swaps nothing', async () => {
    const h = await harness();
    course(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const before = (await h.db.badges.get(`${account}|${ID}`))!;
    expect(before.meta.name).toBe(COURSE);
    program(ctx.bp);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    expect(keys[COURSE]).toBe(`${account}|${ID}`);
    expect(keys[PROGRAM]).toBeDefined();
    expect((await h.db.badges.get(keys[COURSE]!))!.addedAt).toBe(before.addedAt);
    // Listed the other way round (the course certificate now first).
    course(ctx.bp, '2026-03-04T10:00:00Z');
    await h.app.sync.run(account);
    expect(await byName(h, account)).toEqual(keys);
    expect((await underId(h, account)).length).toBe(2);
  });

  it('paged one badge at a time (the second page repeats the first\'s last): both kept, under the same keys each run', async () => {
    const h = await harness({ syncOptions: { pageSize: 1 } });
    course(ctx.bp);
    program(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    expect(Object.keys(keys).sort()).toEqual([PROGRAM, COURSE].sort());
    expect((await h.db.syncState.get(account))!.status).toBe('idle');
    course(ctx.bp, '2026-03-04T10:00:00Z');
    await h.app.sync.run(account);
    expect(await byName(h, account)).toEqual(keys);
  });

  it('an award changed at the backpack (same id, same achievement) is updated in place', async () => {
    const h = await harness();
    course(ctx.bp);
    program(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    for (const [changed, name] of [[keys[COURSE]!, 'Foundations of Universal AI (2026)'], [keys[PROGRAM]!, 'AI and Precision Medicine (2026)']] as const) {
      if (name.startsWith('Foundations')) course(ctx.bp, '2026-03-05T10:00:00Z', name);
      else award(ctx.bp, 'ob3-program', 'ach-program-med', name, '2026-03-06T10:00:00Z');
      await h.app.sync.run(account);
      expect((await h.db.badges.get(changed))!.meta.name).toBe(name);
      expect((await underId(h, account)).length).toBe(2);
    }
  });

  it('an award the backpack no longer lists is marked, the other not; removing one leaves the other', async () => {
    const h = await harness();
    course(ctx.bp);
    program(ctx.bp);
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    ctx.bp.control.stateForTests.badges.delete('ob3-program');
    await h.app.sync.run(account);
    expect((await h.db.badges.get(keys[PROGRAM]!))!.unlisted).toBeDefined();
    expect((await h.db.badges.get(keys[COURSE]!))!.unlisted).toBeUndefined();
    program(ctx.bp);
    await h.app.sync.run(account);
    expect((await h.db.badges.get(keys[PROGRAM]!))!.unlisted).toBeUndefined();
    expect(await byName(h, account)).toEqual(keys);
    await h.app.library.remove(keys[COURSE]!);
    expect(await byName(h, account)).toEqual({ [PROGRAM]: keys[PROGRAM] });
    // The next sync brings the course certificate back (a Remove takes a badge out of this browser only), beside, not over, the program one.
    await h.app.sync.run(account);
    expect(Object.keys(await byName(h, account)).sort()).toEqual([PROGRAM, COURSE].sort());
    expect((await byName(h, account))[PROGRAM]).toBe(keys[PROGRAM]);
  });
});
