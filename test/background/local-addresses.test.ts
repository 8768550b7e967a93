/**
 * The addresses typed for "Just this browser" (src/background/services/local-addresses.ts): kept as
 * typed, one per address (trimmed, NFC, any letter case), never verified by any backpack. They say
 * which of them a local badge was issued to, hashed or plain, but never make it the user's, and a
 * badge issued to someone else is not made invalid for matching none of them (identities.ts
 * typedHere, badge-record.ts assess). Before, the local backpack knew no address at all: its badges'
 * recipient check only said "No recipient addresses were given".
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { assess } from '../../src/background/services/badge-record.ts';
import { LOCAL, setOf } from '../../src/background/services/identities.ts';
import { createLocalAddresses, MAX_LOCAL_ADDRESSES } from '../../src/background/services/local-addresses.ts';
import { checkSentence } from '../../src/core/share/check-words.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { memoryLocalStore } from '../../src/platform/memory.ts';
import type { AccountRecord } from '../../src/platform/records.ts';
import { FakeWeb } from '../support/fake-web.ts';
import { harness } from './harness.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const sha = (s: string) => `sha256$${createHash('sha256').update(s).digest('hex')}`;
const SALT = 'pepper';

const SITE = 'http://badges.example.edu';
/** An OB 2.0 hosted assertion issued to `identity` (hashed with SALT, or plain), served by `web`. */
function assertion(name: string, identity: { hashed: boolean; value: string }, web = new FakeWeb()): { json: string; web: FakeWeb } {
  const id = `${SITE}/assertions/${name}.json`;
  const a = {
    '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id,
    recipient: { type: 'email', hashed: identity.hashed, identity: identity.value, ...(identity.hashed ? { salt: SALT } : {}) },
    badge: `${SITE}/badge.json`, issuedOn: '2026-01-01T00:00:00Z', verification: { type: 'hosted' },
  };
  web.json(id, a)
    .json(`${SITE}/badge.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${SITE}/badge.json`, name: 'Typed', description: 'd', image: `${SITE}/b.png`, criteria: { narrative: 'n' }, issuer: `${SITE}/issuer.json` })
    .json(`${SITE}/issuer.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: `${SITE}/issuer.json`, name: 'Issuer', url: SITE, email: 'badges@example.edu' });
  return { json: JSON.stringify(a), web };
}
const file = (name: string, t: string) => ({ kind: 'file' as const, name, base64: Buffer.from(t).toString('base64') });
const recipientOf = (checks: readonly { id: string }[]) => checks.find((c) => c.id === 'recipient') as { outcome: string; code?: string; message: string } | undefined;
const NOW = new Date('2026-12-01T00:00:00Z');
const run = (b: { json: string; web: FakeWeb }, identities: string[]) => verify(b.json, { fetch: b.web.fetch, now: NOW, identities });

describe('the list typed for this browser', () => {
  it('keeps each address once, as first typed: trimmed, in composed form, in any letter case', async () => {
    const changed = vi.fn();
    const s = createLocalAddresses(memoryLocalStore(), changed);
    expect(await s.add('  Ada@Old.example ')).toEqual(['Ada@Old.example']);
    await expect(s.add('ada@old.EXAMPLE')).rejects.toMatchObject({ code: 'ERR_ADDRESS_LISTED' });
    expect(await s.add('jose\u0301@example.org')).toEqual(['Ada@Old.example', 'jose\u0301@example.org']);
    await expect(s.add('JOS\u00c9@example.org')).rejects.toMatchObject({ code: 'ERR_ADDRESS_LISTED' });
    expect(changed).toHaveBeenCalledTimes(2);
    expect(await s.remove('ADA@old.example')).toEqual(['jose\u0301@example.org']);
    expect(changed).toHaveBeenCalledTimes(3);
    // Nothing to remove: nothing changed, nothing checked again.
    expect(await s.remove('nobody@example.org')).toEqual(['jose\u0301@example.org']);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('refuses what is no address, and more than it keeps', async () => {
    const s = createLocalAddresses(memoryLocalStore());
    await expect(s.add('not an address')).rejects.toMatchObject({ code: 'ERR_ADDRESS_INVALID' });
    for (let i = 0; i < MAX_LOCAL_ADDRESSES; i++) await s.add(`u${i}@example.org`);
    await expect(s.add('one-more@example.org')).rejects.toMatchObject({ code: 'ERR_ADDRESS_LIMIT' });
    expect(await s.list()).toHaveLength(MAX_LOCAL_ADDRESSES);
  });

  it('reads a damaged or foreign value as the plausible addresses in it', async () => {
    const local = memoryLocalStore();
    await local.set('localAddresses', ['ada@old.example', 7, 'no address', 'ADA@old.example', { x: 1 }]);
    expect(await createLocalAddresses(local).list()).toEqual(['ada@old.example']);
    await local.set('localAddresses', 'ada@old.example');
    expect(await createLocalAddresses(local).list()).toEqual([]);
  });
});

describe('identities: typed for this browser', () => {
  const verifiedAccount: AccountRecord = {
    id: 'a1', kind: 'badgr', providerName: 'badgr.example', baseUrl: 'https://badgr.example', user: 'grace@example.org', userId: 'u1',
    addresses: [{ id: '1', email: 'grace@example.org', verified: true, primary: true }], needsSignIn: false, createdAt: '2026-01-01T00:00:00Z', trustAddresses: true,
  };

  it('are never verified, and only the local backpack\'s badges are compared with them', () => {
    expect(setOf([], LOCAL, ['ada@old.example'])).toMatchObject({ verified: [], typedHere: ['ada@old.example'] });
    expect(setOf([verifiedAccount], 'a1', ['ada@old.example']).typedHere).toBeUndefined();
  });

  it('an address a trusted backpack verifies is verified, not said again as typed', () => {
    expect(setOf([verifiedAccount], LOCAL, ['Grace@Example.org', 'ada@old.example'])).toMatchObject({ verified: ['grace@example.org'], typedHere: ['ada@old.example'] });
  });
});

describe('assess: a badge issued to an address typed for this browser', () => {
  it('hashed, with no verified address at all: says the address, and the check stays skipped (the verdict is not changed by the user\'s word)', async () => {
    const result = await run(assertion('h', { hashed: true, value: sha(`ada@old.example${SALT}`) }), []);
    expect(recipientOf(result.checks)?.message).toMatch(/No recipient addresses were given/);
    const out = await assess(matchRecipient, result, [], undefined, [], [], ['ada@old.example']);
    expect(recipientOf(out.checks)).toMatchObject({ outcome: 'skipped', code: 'ERR_RECIPIENT_TYPED', message: 'Issued to ada@old.example, an address you typed; no backpack has verified it' });
    expect(out).toMatchObject({ recipient: null, pending: false, typedTo: 'ada@old.example' });
    expect(out.verdict).toBe(result.verdict);
  });

  it('beside verified addresses it does not match: indeterminate, never valid, never "someone else\'s"', async () => {
    const result = await run(assertion('p', { hashed: false, value: 'ADA@old.example' }), ['grace@example.org']);
    expect(recipientOf(result.checks)?.outcome).toBe('fail');
    const out = await assess(matchRecipient, result, [], undefined, [], [], ['ada@old.example']);
    expect(recipientOf(out.checks)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_RECIPIENT_TYPED', message: expect.stringContaining('Issued to ada@old.example') });
    expect(out.recipient).toBeNull();
    expect(out.verdict).not.toBe('valid');
  });

  it('is said in the reader\'s words as typed, not "no address to compare" (core/share/check-words.ts)', () => {
    for (const outcome of ['skipped', 'indeterminate'] as const) expect(checkSentence({ id: 'recipient', outcome, code: 'ERR_RECIPIENT_TYPED' })).toBe('checkRecipientTyped');
    expect(checkSentence({ id: 'recipient', outcome: 'skipped' })).toBe('checkRecipientSkipped');
  });

  it('issued to someone else: matching no typed address changes nothing', async () => {
    for (const identities of [[], ['grace@example.org']]) {
      const result = await run(assertion('o', { hashed: true, value: sha(`eve@example.org${SALT}`) }), identities);
      const out = await assess(matchRecipient, result, [], undefined, [], [], ['ada@old.example']);
      expect(out.checks).toEqual(result.checks);
      expect(out.verdict).toBe(result.verdict);
    }
  });
});

describe('the local backpack with typed addresses', () => {
  it('checks its badges again when the list changes, and the backup keeps the list', async () => {
    const ada = assertion('ada', { hashed: true, value: sha(`ada@old.example${SALT}`) });
    const h = await harness({ fetch: ada.web.fetch } as never);
    h.granted.add(`${SITE}/*`);
    await h.app.library.import(file('ada.json', ada.json));
    const [stored] = await h.db.badges.all();
    expect(recipientOf(stored!.checks)?.message).toMatch(/No recipient addresses were given/);

    await h.app.localAddresses.add('Ada@Old.example');
    await vi.waitFor(async () => expect(recipientOf((await h.db.badges.get(stored!.key))!.checks)?.message).toBe('Issued to Ada@Old.example, an address you typed; no backpack has verified it'));
    const checked = (await h.db.badges.get(stored!.key))!;
    expect(checked.recipient).toBeNull();
    expect(checked.typedTo).toBe('Ada@Old.example');
    expect((await h.app.library.get(stored!.key)).typedTo).toBe('Ada@Old.example');
    expect(checked.verdict).toBe(stored!.verdict);

    const { json } = await h.app.backup.export();
    expect(JSON.parse(json).localAddresses).toEqual(['Ada@Old.example']);
    const other = await harness({ fetch: ada.web.fetch } as never);
    other.granted.add(`${SITE}/*`);
    await other.app.localAddresses.add('grace@example.org');
    await other.app.backup.import(json);
    expect(await other.app.localAddresses.list()).toEqual(['grace@example.org', 'Ada@Old.example']);
    const [restored] = await other.db.badges.all();
    expect(recipientOf(restored!.checks)?.code).toBe('ERR_RECIPIENT_TYPED');

    await h.app.localAddresses.remove('ada@old.example');
    await vi.waitFor(async () => expect(recipientOf((await h.db.badges.get(stored!.key))!.checks)?.message).toMatch(/No recipient addresses were given/));
    expect((await h.db.badges.get(stored!.key))!.typedTo).toBeUndefined();
  });

  it('a backup\'s list is user input: only plausible addresses are restored', async () => {
    const h = await harness();
    const json = JSON.stringify({ format: 'lanyard-backup', version: 1, exportedAt: '2026-12-01T00:00:00Z', badges: [], localAddresses: ['ok@example.org', '<script>', 42, 'x'.repeat(300)] });
    await h.app.backup.import(json);
    expect(await h.app.localAddresses.list()).toEqual(['ok@example.org']);
  });
});
