/**
 * Addresses are per account (issue 12 point 4): a backpack can claim any address as verified, so
 * an address makes a badge "issued to you" only for the badges of the account that verified it,
 * or everywhere once the user confirmed it (typed it, or trusts the backpack that verified it).
 * Two real test backpacks: Ada's Badgr account on one, Grace's OB 3.0 account on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL } from '../../src/background/services/identities.ts';
import { parseMessage } from '../../src/messaging/validate.ts';
import { GRACE } from '../backpack/seed-data.ts';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { badgrSignIn, formIdentity, harness, type Harness } from './harness.ts';

let adaBp: Backpack;
let graceBp: Backpack;
let h: Harness;
let ada: string;
let grace: string;
/** A genuine badge issued to grace@example.org that Ada's backpack lists (as if she had imported it). */
let foreign: string;

beforeAll(async () => {
  [adaBp, graceBp] = await Promise.all([startBackpack({ port: 0 }), startBackpack({ port: 0 })]);
  foreign = adaBp.control.issueBadge('grace@example.org');
  adaBp.control.stateForTests.badges.get(foreign)!.importedBy = 'user-ada';
  h = await harness({ identity: formIdentity(GRACE.username, GRACE.password) });
  ada = (await badgrSignIn(h, adaBp.baseUrl)).id;
  grace = (await h.app.accounts.signIn({ kind: 'ob3', baseUrl: graceBp.baseUrl })).id;
  await Promise.all([h.app.sync.run(ada), h.app.sync.run(grace)]);
  // Every badge checked with both accounts in place.
  await h.app.library.verify();
});
afterAll(async () => {
  await Promise.all([adaBp?.close(), graceBp?.close()]);
});

const record = (key: string) => h.db.badges.get(key);
const importUrl = (url: string) => h.app.library.import({ kind: 'text', text: url });

describe('an address counts only for its own account until the user confirms it', () => {
  it('Grace\'s backpack verifies grace@example.org for Grace\'s badges', async () => {
    const mine = (await h.db.badges.all()).filter((b) => b.accountId === grace);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((b) => b.recipient === 'grace@example.org')).toBe(true);
  });

  it('a badge from Ada\'s account is not "issued to you" through an address only Grace\'s account claims; not called someone else\'s either', async () => {
    const r = await record(`${ada}|${foreign}`);
    expect(r).toBeDefined();
    expect(r!.recipient).toBeNull();
    expect(r!.verdict).toBe('indeterminate');
    expect(r!.checks.find((c) => c.id === 'recipient')).toMatchObject({ outcome: 'indeterminate', message: expect.stringContaining('trust that backpack') });
    // Ada's own verified addresses still count for Ada's badges.
    expect((await record(`${ada}|ada-poetical`))!.recipient).toBe('ada.lovelace@school.example');
  });

  it('local imports use the confirmed set: the typed sign-in name counts, an address a backpack verified does not', async () => {
    expect((await h.app.state()).identities).toEqual(['ada@example.org']);
    const typed = await importUrl(`${adaBp.baseUrl}/public/assertions/ada-programmer`);
    expect(typed).toMatchObject({ recipient: 'ada@example.org', verdict: 'valid' });
    const school = await importUrl(`${adaBp.baseUrl}/public/assertions/ada-poetical`);
    expect(school).toMatchObject({ recipient: null, verdict: 'indeterminate' });
    const claimed = await importUrl(`${adaBp.baseUrl}/public/assertions/${foreign}`);
    expect(claimed).toMatchObject({ recipient: null, verdict: 'indeterminate' });
  });
});

describe('trusting a backpack in Settings confirms its addresses everywhere', () => {
  it('the trust setting goes through a validated popup message, which content scripts cannot send', () => {
    expect(parseMessage('popup', { type: 'accounts/trust', args: { accountId: grace, trust: true } })).toMatchObject({ ok: true });
    expect(parseMessage('popup', { type: 'accounts/trust', args: { accountId: grace, trust: 'yes' } })).toMatchObject({ ok: false, error: { code: 'ERR_BAD_ARGS' } });
    expect(parseMessage('content', { type: 'accounts/trust', args: { accountId: grace, trust: true } })).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
  });

  it('after trusting Grace\'s backpack, grace@example.org counts for Ada\'s badge and for local imports; taking it back undoes that', async () => {
    const view = await h.app.accounts.setTrust(grace, true);
    expect(view).toMatchObject({ trustAddresses: true, verifiedAddresses: ['grace@example.org'] });
    await h.app.library.verify();
    expect((await record(`${ada}|${foreign}`))!).toMatchObject({ recipient: 'grace@example.org', verdict: 'valid' });
    const local = (await h.db.badges.all()).find((b) => b.accountId === LOCAL && b.sourceId.endsWith(foreign))!;
    expect(local).toMatchObject({ recipient: 'grace@example.org', verdict: 'valid' });
    expect((await h.app.state()).identities).toEqual(['ada@example.org', 'grace@example.org']);
    // A new sign-in keeps the trust the user gave.
    await h.app.accounts.signIn({ kind: 'ob3', baseUrl: graceBp.baseUrl });
    await h.app.sync.run(grace); // the sync the sign-in started
    expect((await h.db.accounts.get(grace))!.trustAddresses).toBe(true);

    await h.app.accounts.setTrust(grace, false);
    await h.app.library.verify();
    expect((await record(`${ada}|${foreign}`))!.recipient).toBeNull();
    expect((await h.app.accounts.list()).find((a) => a.id === grace)).toMatchObject({ trustAddresses: false });
  });

  it('an address the user types (added through Lanyard) is confirmed everywhere once its backpack verifies it, not before', async () => {
    // Anyone can type any address: until the confirmation link Badgr mailed it is followed, a badge
    // issued to it is not "issued to you" (neither on a local import nor in the identities shown).
    // Issued on the other backpack, where no account holds the address: its public copy is served (a pending one is not).
    const other = graceBp.control.issueBadge('ada@new.example');
    await h.app.emails.add(ada, 'ada@new.example');
    expect((await h.db.accounts.get(ada))!.typedAddresses).toEqual(['ada@example.org', 'ada@new.example']);
    expect((await h.app.state()).identities).not.toContain('ada@new.example');
    const before = await importUrl(`${graceBp.baseUrl}/public/assertions/${other}`);
    expect(before).toMatchObject({ recipient: null, verdict: 'indeterminate' });
    const stored = (await h.db.badges.all()).find((b) => b.accountId === LOCAL && b.sourceId.endsWith(other))!;
    expect(stored.checks.find((c) => c.id === 'recipient')).toMatchObject({ outcome: 'indeterminate', message: expect.stringContaining('an address you added that its backpack has not verified') });

    adaBp.control.verifyEmail('ada@new.example');
    await h.app.emails.list(ada);
    expect((await h.app.state()).identities).toContain('ada@new.example');
    // The badge imported before is checked again with the address now confirmed (library.verify, in the background).
    await expect.poll(async () => (await h.db.badges.get(stored.key))?.recipient, { timeout: 10_000 }).toBe('ada@new.example');
    expect((await h.db.badges.get(stored.key))!.verdict).toBe('valid');
    const after = await importUrl(`${graceBp.baseUrl}/public/assertions/${other}`);
    expect(after).toMatchObject({ recipient: 'ada@new.example', verdict: 'valid' });
  });

  it('a typed address its backpack verifies, seen by a sync, has the local imports issued to it checked again', async () => {
    const third = graceBp.control.issueBadge('ada@third.example');
    await h.app.emails.add(ada, 'ada@third.example');
    for (let i = 0; i < 1000 && h.app.sync.isRunning(ada); i++) await new Promise((r) => setTimeout(r, 10));
    await importUrl(`${graceBp.baseUrl}/public/assertions/${third}`);
    const stored = (await h.db.badges.all()).find((b) => b.accountId === LOCAL && b.sourceId.endsWith(third))!;
    expect(stored.recipient).toBeNull();
    adaBp.control.verifyEmail('ada@third.example');
    await h.app.sync.run(ada);
    await expect.poll(async () => (await h.db.badges.get(stored.key))?.recipient, { timeout: 10_000 }).toBe('ada@third.example');
  });

  it('an unknown account cannot be trusted', async () => {
    await expect(h.app.accounts.setTrust('nobody', true)).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });
});
