/**
 * Two awards under one credential id in one backpack (sync-award-key.ts), with what a key touches
 * beside the sync: the first sync gives the same keys whatever order the backpack lists them in; the
 * user's own copy of one award (a local import, keyed `local|id:<id>`, synced-twin.ts twinKey) is
 * hidden behind the backpack's copy of that award only, whichever key that copy has, and removing it
 * takes the twin along while the other award stays; a backup restores both synced awards under their
 * keys, and the next sync writes over neither nor adds a third.
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

/** One award under the shared id, signed as a VC-JWT; in Ada's backpack (listed newest `updatedAt` first) unless `updatedAt` is undefined. */
const award = (bp: Backpack, entityId: string, achievementId: string, name: string, updatedAt?: string): string => sameIdAward(bp, ID, entityId, achievementId, name, updatedAt);

const course = (bp: Backpack, updatedAt?: string) => award(bp, 'ob3-course', 'ach-course-ai', COURSE, updatedAt);
const program = (bp: Backpack, updatedAt?: string) => award(bp, 'ob3-program', 'ach-program-med', PROGRAM, updatedAt);
const signInOb3 = async (h: Harness) => (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
/** The account's records under the shared id: name → key. */
const byName = async (h: Harness, account: string) => Object.fromEntries((await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID).map((r) => [r.meta.name, r.key]));
/** Keys without the account, which each sign-in names afresh. */
const bare = (keys: Record<string, string>, account: string) => Object.fromEntries(Object.entries(keys).map(([n, k]) => [n, k.slice(account.length)]));

beforeEach(() => {
  for (const e of ['ob3-course', 'ob3-program']) ctx.bp.control.stateForTests.badges.delete(e);
});

describe('two awards under one credential id, beside the sync', () => {
  it('a first sync gives each award the same key whatever order the backpack lists them in', async () => {
    const seen: Record<string, string>[] = [];
    for (const [c, p] of [['2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z'], ['2026-03-03T10:00:00Z', '2026-03-02T10:00:00Z']] as const) {
      course(ctx.bp, c);
      program(ctx.bp, p);
      const h = await harness();
      const account = await signInOb3(h);
      await h.app.sync.run(account);
      seen.push(bare(await byName(h, account), account));
    }
    expect(Object.keys(seen[0]!).sort()).toEqual([PROGRAM, COURSE].sort());
    expect(seen[1]).toEqual(seen[0]);
  });

  it('the user\'s own course certificate is hidden behind the backpack\'s copy of it, not of the program; removing that copy takes it along', async () => {
    for (const order of [['2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z'], ['2026-03-03T10:00:00Z', '2026-03-02T10:00:00Z']] as const) {
      const h = await harness();
      const local = await h.app.library.import({ kind: 'text', text: course(ctx.bp) });
      course(ctx.bp, order[0]);
      program(ctx.bp, order[1]);
      const account = await signInOb3(h);
      await h.app.sync.run(account);
      const keys = await byName(h, account);
      expect(await shown(h, ID)).toEqual([keys[COURSE]!, keys[PROGRAM]!].sort().map((key) => ({ key, verdict: 'valid' })));
      expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: COURSE } });
      await h.app.sync.run(account);
      expect((await h.db.originals.get(local.key))!.hidden).toMatchObject({ meta: { name: COURSE } });
      await h.app.library.remove(keys[COURSE]!);
      expect(await shown(h, ID)).toEqual([{ key: keys[PROGRAM]!, verdict: 'valid' }]);
      expect(await h.db.originals.get(local.key)).toBeUndefined();
    }
  });

  it('a backup restores both under their keys; the next sync neither writes one over the other nor adds a third', async () => {
    course(ctx.bp, '2026-03-02T10:00:00Z');
    program(ctx.bp, '2026-03-03T10:00:00Z');
    const h = await harness();
    const account = await signInOb3(h);
    await h.app.sync.run(account);
    const keys = await byName(h, account);
    const { json } = await h.app.backup.export();
    const there = await harness();
    expect((await there.app.backup.import(json)).imported).toBeGreaterThanOrEqual(2);
    const restored = await there.db.badges.getMany(Object.values(keys));
    expect(restored.map((r) => r?.meta.name).sort()).toEqual([PROGRAM, COURSE].sort());
    expect(restored.map((r) => r!.key)).toEqual(Object.values(keys));
    // Signed in there (the same backpack account, the same account id), synced with the program certificate listed first now.
    course(ctx.bp, '2026-03-04T10:00:00Z');
    expect(await signInOb3(there)).toBe(account);
    await there.app.sync.run(account);
    expect(await byName(there, account)).toEqual(keys);
    expect((await there.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID)).toHaveLength(2);
  });
});
