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

/**
 * Hostile review (hostile41): lower-casing and NFC fold U+212A KELVIN SIGN into "k": typing
 * "\u212aate@example.org" was confirmed by a backpack verifying kate@example.org, and the recipient
 * check then called a badge issued to that other mailbox the user's, verified.
 */
describe('typed addresses that fold into ASCII', () => {
  it('are not confirmed by the ASCII address their backpack verifies', () => {
    const kate = (typed: string) => account({ user: 'kate@example.org', typedAddresses: [typed], addresses: [{ id: '1', email: 'kate@example.org', verified: true, primary: true }] });
    expect(confirmedOf([kate('\u212aate@example.org')])).toEqual([]);
    expect(confirmedOf([kate('kate@\uff45xample.org')])).toEqual([]);
    expect(confirmedOf([kate('KATE@example.org')])).toEqual(['KATE@example.org']);
  });
});
