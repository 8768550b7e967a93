/**
 * An address typed into Lanyard is confirmed while its own backpack verifies it (identities.ts),
 * compared as the engine compares addresses (src/core/verify/recipient.ts emailKey): in any letter
 * case and in Unicode's composed form (NFC, UAX #15), canonically equivalent text being one address.
 */
import { describe, expect, it } from 'vitest';
import { confirmedOf, LOCAL, setOf } from '../../src/background/services/identities.ts';
import type { AccountRecord } from '../../src/platform/records.ts';

const composed = 'jos\u00e9@example.org';
const decomposed = 'jose\u0301@example.org';

const account = (over: Partial<AccountRecord>): AccountRecord => ({
  id: 'a1', kind: 'badgr', providerName: 'badgr.example', baseUrl: 'https://badgr.example', user: composed, userId: 'u1',
  addresses: [{ id: '1', email: composed, verified: true, primary: true }], needsSignIn: false, createdAt: '2026-01-01T00:00:00Z', ...over,
});

describe('typed addresses compared in composed form', () => {
  it('a typed address decomposed is confirmed by its backpack\'s composed, verified spelling', () => {
    expect(confirmedOf([account({ typedAddresses: [decomposed] })])).toEqual([decomposed]);
    expect(setOf([account({ typedAddresses: [decomposed] })], LOCAL).verified).toEqual([decomposed]);
  });

  it('and is not "unconfirmed" beside it, nor confirmed while the backpack does not verify it', () => {
    expect(setOf([account({ typedAddresses: [decomposed] })], 'a1').unconfirmed).toEqual([]);
    const pending = account({ typedAddresses: [decomposed], addresses: [{ id: '1', email: composed, verified: false, primary: false }] });
    expect(confirmedOf([pending])).toEqual([]);
    expect(setOf([pending], 'a1')).toMatchObject({ verified: [], unverified: [composed], unconfirmed: [] });
  });
});
