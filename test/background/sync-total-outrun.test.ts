/**
 * A backpack whose X-Total-Count is not its listing's size (here: the length of the page answered, as a
 * server counting its answer writes it) while its next links go on. A run is bounded by the total
 * announced at its first answer plus a margin (sync-bound.ts): a count of 10 stopped every run past 60
 * badges with an error, and each next run (after a backoff of up to an hour) read 60 more. A count the
 * run has already read as many badges as, with a next link still to follow, is no count: the run is
 * bounded as for a backpack that sends none (MAX_BADGES, MAX_PAGES), which any backpack may have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOb2 } from '../backpack/api/badgr-backpack.ts';
import { ADA } from '../backpack/seed-data.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 70 });
const PAGE = 10;

beforeAll(() => void (ctx.bp.control.stateForTests.totalCountsPage = true));
afterAll(() => void (ctx.bp.control.stateForTests.totalCountsPage = false));

/** How many badges Ada's Badge Connect listing holds. */
function listed(): number {
  const state = ctx.bp.control.stateForTests;
  const user = [...state.accounts.values()].find((a) => a.username === ADA.username)!.entityId;
  return state.badgesOf(user).filter((b) => isOb2(b) && b.acceptance !== 'Rejected' && !state.isPending(b)).length;
}

describe('Badge Connect: an X-Total-Count that is the page\'s length', () => {
  it('one run reads the whole listing, with no error', async () => {
    expect(listed()).toBeGreaterThan(PAGE + 50);
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const s = await h.app.sync.run(id);
    // Before: "the backpack's listing goes on past 61 badges (it announced 10)".
    expect(s.error?.message).toBeUndefined();
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect((await h.db.badges.byAccount(id)).length).toBe(listed());
  }, 60_000);
});
