/**
 * A Remove made while a sync runs wins over that run (sync-removed.ts): the run writes no badge under
 * a key the user removed meanwhile. Two awards under one credential id (real-issuers-12) are keyed by
 * what is stored (sync-award-key.ts): the plain key `<account>|<id>` stays with the award stored under
 * it. The user removes that award while a run is under way, before it reached the id's page; the
 * backpack now also lists a second award under the id, with a lesser mark. With nothing stored under
 * the plain key any more, the run gave it to the lesser mark, the new award, which it then left out
 * (its key removed), and keyed the award the user had just removed beside, `<id>#achievement=…`, and
 * wrote it back: the badge removed came back within the same run, and the new one was not stored.
 * The award removed is kept with the run's removals, and the plain key stays its own.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backpack } from '../backpack/server.ts';
import { sameIdAward } from './same-id-award.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const ID = 'urn:uuid:7c2e9b14-5a3d-4f60-b8e1-9d0a6c4f2e83';
const CREDENTIALS = '/ims/ob/v3p0/credentials';
const AWARDS = { 'ob3-a-r': ['ach-course-ai-r', 'Foundations of Universal AI'], 'ob3-b-r': ['ach-program-med-r', 'AI and Precision Medicine'] } as const;
type Entity = keyof typeof AWARDS;

function award(bp: Backpack, entityId: Entity, updatedAt: string): void {
  const [achievementId, name] = AWARDS[entityId];
  sameIdAward(bp, ID, entityId, achievementId, name, updatedAt);
}

beforeEach(() => {
  for (const e of Object.keys(AWARDS)) ctx.bp.control.stateForTests.badges.delete(e);
});

/** The award a first sync of both gives the plain key to (the lesser mark) is `other`; `greater` the one it does not. */
async function marks(): Promise<{ greater: Entity; other: Entity }> {
  const probe = await harness();
  award(ctx.bp, 'ob3-a-r', '2026-03-02T10:00:00Z');
  award(ctx.bp, 'ob3-b-r', '2026-03-03T10:00:00Z');
  const probed = (await probe.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
  await probe.app.sync.run(probed);
  const lesser = (await probe.db.badges.get(`${probed}|${ID}`))!.meta.name;
  const greater: Entity = AWARDS['ob3-a-r'][1] === lesser ? 'ob3-b-r' : 'ob3-a-r';
  for (const e of Object.keys(AWARDS)) ctx.bp.control.stateForTests.badges.delete(e);
  return { greater, other: greater === 'ob3-a-r' ? 'ob3-b-r' : 'ob3-a-r' };
}

describe('a Remove during a sync of two awards under one id', () => {
  it('the award removed under the plain key is not written back beside it; the other award is stored', async () => {
    const { greater, other } = await marks();

    let hold: Promise<void> | undefined;
    let asked = false;
    const h = await harness({
      fetch: async (url, init) => {
        if (hold && new URL(url).pathname.startsWith(CREDENTIALS)) {
          asked = true;
          await hold;
        }
        return fetch(url, init);
      },
    });
    // The greater mark's award alone first: it takes the plain key.
    award(ctx.bp, greater, '2026-03-02T10:00:00Z');
    const account = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
    expect(await h.app.sync.run(account)).toMatchObject({ status: 'idle' });
    const plain = `${account}|${ID}`;
    expect((await h.db.badges.get(plain))!.meta.name).toBe(AWARDS[greater][1]);
    // The second award comes; a run starts and the user removes the first before its page is read.
    award(ctx.bp, other, '2026-03-04T10:00:00Z');
    let release!: () => void;
    hold = new Promise<void>((r) => (release = r));
    const run = h.app.sync.run(account);
    for (let i = 0; i < 400 && !asked; i++) await new Promise((r) => setTimeout(r, 5));
    expect(asked).toBe(true);
    expect(await h.app.library.remove(plain)).toEqual({ removed: true });
    release();
    expect(await run).toMatchObject({ status: 'idle' });
    const names = (await h.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID).map((r) => r.meta.name);
    expect(names).toEqual([AWARDS[other][1]]);
  });

  it('a run a stopped worker left, resumed after the Remove made in the next worker: the same', async () => {
    const { greater, other } = await marks();
    let hold: Promise<void> | undefined;
    let asked = false;
    const h = await harness({
      fetch: async (url, init) => {
        if (hold && new URL(url).pathname.startsWith(CREDENTIALS)) {
          asked = true;
          await hold;
        }
        return fetch(url, init);
      },
    });
    award(ctx.bp, greater, '2026-03-02T10:00:00Z');
    const account = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl })).id;
    expect(await h.app.sync.run(account)).toMatchObject({ status: 'idle' });
    const plain = `${account}|${ID}`;
    expect((await h.db.badges.get(plain))!.meta.name).toBe(AWARDS[greater][1]);
    award(ctx.bp, other, '2026-03-04T10:00:00Z');
    let release!: () => void;
    hold = new Promise<void>((r) => (release = r));
    const stopped = h.app.sync.run(account);
    for (let i = 0; i < 400 && !asked; i++) await new Promise((r) => setTimeout(r, 5));
    expect(asked).toBe(true);
    expect((await h.db.syncState.get(account))?.run).toBeDefined();
    // The worker stops there; the next one removes the badge, then resumes the run.
    const after = await h.restart();
    h.db.close();
    hold = undefined;
    release();
    await stopped.catch(() => undefined);
    expect(await after.app.library.remove(plain)).toEqual({ removed: true });
    expect(await after.app.sync.run(account)).toMatchObject({ status: 'idle' });
    const names = (await after.db.badges.byAccount(account)).filter((r) => r.meta.credentialId === ID).map((r) => r.meta.name);
    expect(names).toEqual([AWARDS[other][1]]);
  });
});
