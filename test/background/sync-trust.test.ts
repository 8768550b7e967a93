/**
 * A sync verifies its badges with the addresses it read when it started. When they change during
 * the run (the user trusts another backpack, types an address), every badge is checked again
 * (library.ts), and that may reach a badge before the run writes it with the old addresses: once
 * its writes are done, the run checks again each badge of the account verified with other
 * addresses than the current ones (sync-identities.ts), so that the change holds for every badge.
 * Two test backpacks: Ada's Badgr account lists a badge issued to grace@example.org, which Grace's
 * OB 3.0 account verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRACE } from '../backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { badgrSignIn, formIdentity, harness } from './harness.ts';

let adaBp: Backpack;
let graceBp: Backpack;
let foreign: string;

beforeAll(async () => {
  [adaBp, graceBp] = await Promise.all([startBackpack({ port: 0 }), startBackpack({ port: 0 })]);
  foreign = adaBp.control.issueBadge('grace@example.org');
  adaBp.control.stateForTests.badges.get(foreign)!.importedBy = 'user-ada';
});
afterAll(async () => {
  await Promise.all([adaBp?.close(), graceBp?.close()]);
});

describe('addresses confirmed while a sync runs', () => {
  it('a badge the run verified with the addresses it started with is checked again with the new ones', async () => {
    let change: (() => Promise<void>) | undefined;
    const h = await harness({
      identity: formIdentity(GRACE.username, GRACE.password),
      fetch: async (url, init) => {
        // As the run fetches the foreign badge, the user trusts Grace's backpack and every badge is checked again.
        if (change && url.endsWith(`/public/assertions/${foreign}`)) {
          const c = change;
          change = undefined;
          await c();
        }
        return fetch(url, init);
      },
    });
    const ada = (await badgrSignIn(h, adaBp.baseUrl)).id;
    const grace = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: graceBp.baseUrl })).id;
    await Promise.all([h.app.sync.run(ada), h.app.sync.run(grace)]);
    const key = `${ada}|${foreign}`;
    expect(await h.db.badges.get(key)).toMatchObject({ recipient: null, verdict: 'indeterminate' });

    // A day on, the next run verifies every badge again.
    h.clock.offsetMs = 25 * 3600_000;
    change = async () => {
      await h.db.accounts.update(grace, (a) => a && { ...a, trustAddresses: true });
      await h.app.library.verify();
      expect(await h.db.badges.get(key)).toMatchObject({ recipient: 'grace@example.org', verdict: 'valid' });
    };
    expect(await h.app.sync.run(ada)).toMatchObject({ status: 'idle' });
    expect(change).toBeUndefined();
    expect(await h.db.badges.get(key)).toMatchObject({ recipient: 'grace@example.org', verdict: 'valid' });
  });
});
