/**
 * How many addresses of a backpack account Lanyard keeps (src/background/services/address-bound.ts):
 * a hostile Badgr lists thousands of addresses, and variants that are other addresses; the
 * account keeps MAX_ADDRESSES, primary and verified first, case variants only, and the sync says
 * what was left out. The test backpack plays Badgr with Ada's addresses grown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boundAddresses, MAX_ADDRESSES, MAX_VARIANTS } from '../../src/background/services/address-bound.ts';
import type { AccountAddress } from '../../src/platform/records.ts';
import { ADA } from '../backpack/seed-data.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const address = (email: string, more: Partial<AccountAddress> = {}): AccountAddress => ({ email, verified: false, primary: false, ...more });

describe('boundAddresses', () => {
  it('keeps an honest list as it is, nothing dropped', () => {
    const honest = [address('ada@example.org', { primary: true, verified: true, variants: ['Ada@Example.org'] }), address('ada@school.example', { verified: true })];
    expect(boundAddresses(honest)).toEqual({ addresses: honest, dropped: 0 });
  });

  it(`keeps ${MAX_ADDRESSES} addresses: the primary, then the verified, then the rest, in the backpack's order`, () => {
    const listed = [
      ...Array.from({ length: 150 }, (_, i) => address(`u${i}@x.example`)),
      ...Array.from({ length: 60 }, (_, i) => address(`v${i}@x.example`, { verified: true })),
      address('me@x.example', { primary: true, verified: true }),
    ];
    const { addresses, dropped } = boundAddresses(listed);
    expect(addresses).toHaveLength(MAX_ADDRESSES);
    expect(dropped).toBe(listed.length - MAX_ADDRESSES);
    expect(addresses[0]!.email).toBe('me@x.example');
    expect(addresses.slice(1, 61).every((a) => a.verified)).toBe(true);
    expect(addresses[61]!.email).toBe('u0@x.example');
  });

  it(`keeps at most ${MAX_VARIANTS} variants, only the address in other letter case, no address past 254 characters`, () => {
    // Twenty spellings, the first the address itself: letters 0, 1, 2, 4 and 5 upper-cased by the bits of i.
    const letters = [0, 1, 2, 4, 5];
    const caseVariants = Array.from({ length: 20 }, (_, i) => 'ada@example.org'.split('').map((c, j) => (letters.some((p, k) => p === j && (i >> k) & 1) ? c.toUpperCase() : c)).join(''));
    expect(new Set(caseVariants).size).toBe(20);
    const listed = [address('ada@example.org', { primary: true, verified: true, variants: [...caseVariants, 'grace@example.org', 'ada@example.org'] }), address(`${'a'.repeat(250)}@x.example`, { verified: true })];
    const { addresses, dropped } = boundAddresses(listed);
    expect(addresses).toHaveLength(1);
    expect(addresses[0]!.variants).toHaveLength(MAX_VARIANTS);
    expect(addresses[0]!.variants!.every((v) => v.toLowerCase() === 'ada@example.org' && v !== 'ada@example.org')).toBe(true);
    expect(addresses[0]!.variants).not.toContain('grace@example.org');
    // The long address, grace@ (not a variant), and the variants past the bound (the first of the 20 is the address itself).
    expect(dropped).toBe(1 + 1 + (19 - MAX_VARIANTS));
  });
});

describe('a Badgr account with more addresses than Lanyard keeps', () => {
  const added: number[] = [];
  afterEach(() => {
    const state = ctx.bp.control.stateForTests;
    state.emails.splice(0, state.emails.length, ...state.emails.filter((e) => !added.includes(e.id)));
    added.length = 0;
  });

  it(`keeps ${MAX_ADDRESSES} on the account, the primary among them, and the sync says what was left out (no retry)`, async () => {
    const h = await harness();
    const state = ctx.bp.control.stateForTests;
    const userId = state.emailRecord(ADA.username)!.userId;
    for (let i = 0; i < 250; i++) {
      const id = state.nextEmailId();
      added.push(id);
      state.emails.push({ id, userId, email: `ada+${i}@spam.example`, verified: true, primary: false, variants: [`ADA+${i}@spam.example`, `someone-else-${i}@victim.example`] });
    }
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    const signedIn = await h.db.accounts.get(view.id);
    expect(signedIn!.addresses).toHaveLength(MAX_ADDRESSES);
    expect(signedIn!.addresses[0]).toMatchObject({ email: ADA.username, primary: true });
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'error', failures: 0, error: { code: 'ERR_TOO_MANY_ADDRESSES', message: expect.stringMatching(/lists more addresses .* left out/) } });
    expect(s.retryAt).toBeUndefined();
    expect(s.run).toBeUndefined();
    expect(s.lastSyncedAt).toEqual(expect.any(String));
    const account = await h.db.accounts.get(view.id);
    expect(account!.addresses).toHaveLength(MAX_ADDRESSES);
    expect(JSON.stringify(account)).not.toContain('victim.example');
    expect((await h.db.badges.byAccount(view.id)).length).toBeGreaterThan(0);
    // The Addresses panel lists what the account keeps.
    expect(await h.app.emails.list(view.id)).toHaveLength(MAX_ADDRESSES);
  });

  it('an honest account syncs without a word', async () => {
    const h = await harness();
    const view = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
  });
});
