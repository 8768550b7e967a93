/**
 * Typing (adding) an address the backpack already verifies for this account, as it spells it: Badgr
 * answers 400 "Could not register email address." (badgr-server EmailSerializerV1.create, the test
 * backpack's addEmail), but the address is this account's and verified, so it is confirmed as typed
 * (identities.ts), as a case variant Badgr registers is (emails.ts notMade). Before, the refusal took
 * the typed address back after the early write had already confirmed it and had every badge checked
 * again with it: the badges kept a recipient the user's addresses no longer confirmed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syncedBadgr, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
let h: Harness;
let id: string;

beforeAll(async () => void ({ h, id } = await syncedBadgr(ctx.bp.baseUrl)));

describe('an added address this backpack verifies as spelled', () => {
  it('stays typed, and counts everywhere, though Badgr answers that it could not register it', async () => {
    await expect(h.app.emails.add(id, 'ada.lovelace@school.example')).rejects.toMatchObject({ code: 'ERR_EMAIL_TAKEN' });
    expect((await h.db.accounts.get(id))?.typedAddresses ?? []).toContain('ada.lovelace@school.example');
    expect((await h.app.state()).identities).toContain('ada.lovelace@school.example');
  });

  it('another user\'s verified address is still taken back', async () => {
    await expect(h.app.emails.add(id, 'grace@example.org')).rejects.toMatchObject({ code: 'ERR_EMAIL_TAKEN' });
    expect((await h.db.accounts.get(id))?.typedAddresses ?? []).not.toContain('grace@example.org');
    expect((await h.app.state()).identities).not.toContain('grace@example.org');
  });
});
