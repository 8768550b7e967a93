/**
 * "Check all" (badges/verify with no key: after a trust change, or the user's) reads every stored
 * badge, verifies it, then writes the result. Whatever lands on a badge between that read and that
 * write (a sync that found the badge changed at the provider, a sign-out that forgot the account)
 * must not be undone by the write: the result of a verification of the record as it was is written
 * only over that same record (src/platform/db.ts saveBadgeIf), and is otherwise verified again from
 * what is stored now, or dropped when the badge is gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { harness, useBackpack, type Harness } from './harness.ts';
import { afterRead } from './interleave.ts';

const ctx = useBackpack();
const CREDENTIALS = '/ims/ob/v3p0/credentials';

afterEach(() => ctx.bp.control.clearFaults());

/** Runs `action` once, when the re-verification has read `key`'s record and original, before it verifies and writes. */
const whenOriginalRead = (db: Db, key: string, action: () => Promise<unknown>) => afterRead(db.originals, key, action);

async function ob3(): Promise<{ h: Harness; id: string; key: string }> {
  const h = await harness();
  const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
  const credentialId = (ctx.bp.control.stateForTests.badges.get('ob3-ada-di')!.json as { id: string }).id;
  const record = (await h.db.badges.byAccount(id)).find((r) => r.sourceId === credentialId) as BadgeRecord;
  expect(record).toMatchObject({ verdict: 'valid', format: expect.stringContaining('3.0') });
  return { h, id, key: record.key };
}

describe('checking every badge again while something else writes', () => {
  it('a sync that stores a changed badge meanwhile: its record stays, never the old copy’s verdict and bytes written over it', async () => {
    const { h, id, key } = await ob3();
    const badge = ctx.bp.control.stateForTests.badges.get('ob3-ada-di')!;
    const json = badge.json as { credentialSubject: { achievement: { name: string } } };
    const name = json.credentialSubject.achievement.name;
    const hook = whenOriginalRead(h.db, key, async () => {
      // The provider now serves another copy (its signature no longer holds), and a sync stores it.
      json.credentialSubject.achievement.name = 'Poetical Science (altered)';
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
      expect(await h.db.badges.get(key)).toMatchObject({ verdict: 'invalid' });
    });
    try {
      await h.app.library.verify();
      expect(hook.ran()).toBe(true);
      const r = (await h.db.badges.get(key))!;
      expect(r.verdict).toBe('invalid');
      expect(new TextDecoder().decode((await h.db.originals.get(key))!.bytes)).toContain('Poetical Science (altered)');
    } finally {
      json.credentialSubject.achievement.name = name;
    }
  });

  it('a sign-out meanwhile: no badge and no sync state of the account come back', async () => {
    const { h, id, key } = await ob3();
    const hook = whenOriginalRead(h.db, key, () => h.app.accounts.signOut(id));
    await h.app.library.verify();
    expect(hook.ran()).toBe(true);
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(await h.db.badges.get(key)).toBeUndefined();
    expect(await h.db.badges.countByAccount(id)).toBe(0);
    expect(await h.db.syncState.get(id)).toBeUndefined();
  });

  it('a failed sync that succeeds meanwhile ("Sync now"): the account ends idle, not failed again', async () => {
    const { h, id, key } = await ob3();
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 100 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'error', failures: 1 });
    ctx.bp.control.clearFaults();
    const hook = whenOriginalRead(h.db, key, async () => expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 }));
    await h.app.library.verify();
    expect(hook.ran()).toBe(true);
    const s = (await h.db.syncState.get(id))!;
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.error).toBeUndefined();
    expect(s.retryAt).toBeUndefined();
  });
});
