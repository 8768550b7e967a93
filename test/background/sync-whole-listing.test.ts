/**
 * Badge Connect lists incrementally, `since` the last run ("created or updated after", OB 2.1 GET
 * /assertions), and an incremental listing cannot say what the backpack no longer holds: only a
 * listing read whole marks a stored badge `unlisted` (sync-listed.ts). Every run after the first was
 * incremental, so a badge deleted at the provider was never marked: its cached copy kept saying
 * "Your backpack lists this badge" for good. Now a run lists everything again once the last whole
 * listing is WHOLE_LISTING_EVERY_MS old; the runs between stay incremental.
 */
import { describe, expect, it } from 'vitest';
import { WHOLE_LISTING_EVERY_MS } from '../../src/background/services/sync-limits.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const BC = '/ims/ob/v2p1/assertions';

describe('Badge Connect: a whole listing now and then', () => {
  it('a badge deleted at the provider is marked unlisted by the first whole listing after WHOLE_LISTING_EVERY_MS; incremental runs in between leave it', async () => {
    const control = ctx.bp.control;
    const entityId = control.issueBadge();
    const h = await harness({ syncOptions: { pageSize: 3 } });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const listings = () => h.fetched.filter((u) => new URL(u).pathname.endsWith(BC)).map((u) => new URL(u));
    const deleted = async () => (await h.db.badges.byAccount(id)).find((r) => r.sourceId.includes(entityId));

    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect((await deleted())?.unlisted).toBeUndefined();
    control.deleteBadge(entityId);

    // An incremental run: it asks `since`, and knows nothing of what is gone.
    let from = listings().length;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(listings().slice(from).every((u) => u.searchParams.has('since'))).toBe(true);
    expect((await deleted())?.unlisted).toBeUndefined();

    // Past the period: the run lists everything, and the deleted badge is marked.
    h.clock.offsetMs += WHOLE_LISTING_EVERY_MS + 60_000;
    from = listings().length;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(listings().slice(from).length).toBeGreaterThan(0);
    expect(listings().slice(from).some((u) => u.searchParams.has('since'))).toBe(false);
    expect((await deleted())?.unlisted).toEqual(expect.any(String));
    expect(await h.db.badges.byAccount(id)).toEqual(expect.arrayContaining([expect.objectContaining({ sourceId: expect.stringContaining(entityId) })]));

    // And the next run is incremental again.
    from = listings().length;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(listings().slice(from).every((u) => u.searchParams.has('since'))).toBe(true);
  });
});
