/**
 * The account record is written by a sync (the provider's addresses), the address service (Badgr's
 * e-mail API), a trust change (Settings) and a token refresh (needs sign-in), each from what it read
 * a moment before. Each write changes only its own fields of the record as it is when written
 * (src/platform/db.ts `update`: one readwrite transaction), so none undoes another's, and none
 * brings back an account signed out meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';
import { afterRead } from './interleave.ts';

const ctx = useBackpack();
const OLD_JOB = 'ada@old-job.example';

afterEach(() => {
  ctx.bp.control.clearFaults();
  ctx.bp.control.stateForTests.emailRecord(OLD_JOB)!.verified = false;
});

async function signedIn() {
  const h = await harness();
  const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
  expect((await h.db.accounts.get(id))!.addresses.find((a) => a.email === OLD_JOB)?.verified).toBe(false);
  return { h, id };
}

/** The trust given and the address the provider verified meanwhile are both on the account. */
async function trustAndAddressesKept(h: Harness, id: string): Promise<void> {
  const a = (await h.db.accounts.get(id))!;
  expect(a.trustAddresses).toBe(true);
  expect(a.addresses.find((x) => x.email === OLD_JOB)?.verified).toBe(true);
}

/** Whether the provider's request has arrived (then the next read of the account is the one that writes what it answered). */
function arrived(path: string): () => boolean {
  let seen = false;
  ctx.bp.control.onRequest({ path }, () => void (seen = true));
  return () => seen;
}

describe('writes to one account at once', () => {
  it('trust given while a sync stores the provider’s addresses: both stay', async () => {
    const { h, id } = await signedIn();
    ctx.bp.control.verifyEmail(OLD_JOB);
    const trust = afterRead(h.db.accounts, id, () => h.app.accounts.setTrust(id, true), arrived('/v1/user/emails'));
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(trust.ran()).toBe(true);
    await trustAndAddressesKept(h, id);
  });

  it('a sync that stores the provider’s addresses while the trust is given: both stay', async () => {
    const { h, id } = await signedIn();
    ctx.bp.control.verifyEmail(OLD_JOB);
    const synced = afterRead(h.db.accounts, id, async () => expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' }));
    await h.app.accounts.setTrust(id, true);
    expect(synced.ran()).toBe(true);
    await trustAndAddressesKept(h, id);
  });

  it('trust given while an address is added: both stay', async () => {
    const { h, id } = await signedIn();
    const trust = afterRead(h.db.accounts, id, () => h.app.accounts.setTrust(id, true), arrived('/v1/user/emails'));
    await h.app.emails.add(id, 'ada@added.example');
    expect(trust.ran()).toBe(true);
    const a = (await h.db.accounts.get(id))!;
    expect(a.trustAddresses).toBe(true);
    expect(a.addresses.map((x) => x.email)).toContain('ada@added.example');
    expect(a.typedAddresses).toContain('ada@added.example');
  });

  it('signed out while an address is added: the account does not come back', async () => {
    const { h, id } = await signedIn();
    const out = afterRead(h.db.accounts, id, () => h.app.accounts.signOut(id), arrived('/v1/user/emails'));
    const added = await h.app.emails.add(id, 'ada@late.example').then(() => 'added', (e: { code?: string }) => e.code);
    expect(out.ran()).toBe(true);
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(added).toBe('ERR_NOT_FOUND');
  });

  it('trust given while a refused refresh marks the account “sign in again”: both stay', async () => {
    const { h, id } = await signedIn();
    // The access token has expired and the backpack has forgotten the refresh token.
    h.platform.session.map.set(id, { accessToken: 'expired', expiresAt: Date.now() - 1000 });
    await h.db.secrets.put({ id: `refresh:${id}`, kind: 'refresh', refreshToken: 'forgotten' });
    const trust = afterRead(h.db.accounts, id, () => h.app.accounts.setTrust(id, true), arrived('/o/token'));
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(trust.ran()).toBe(true);
    expect(await h.db.accounts.get(id)).toMatchObject({ trustAddresses: true, needsSignIn: true });
  });
});
