/** What a session the provider ended leaves: a run failed "sign in again", no retry, the account marked, every cached badge kept. */
import { expect } from 'vitest';
import type { SyncRecord } from '../../src/platform/records.ts';
import type { Harness } from './harness.ts';

export async function expectSignInAgain(h: Harness, accountId: string, s: SyncRecord, cached: readonly string[]): Promise<void> {
  expect(s).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/sign in to .+ again/) } });
  expect(s.retryAt).toBeUndefined();
  expect((await h.app.accounts.list()).find((a) => a.id === accountId)).toMatchObject({ needsSignIn: true });
  expect((await h.db.badges.byAccount(accountId)).map((r) => r.key).sort()).toEqual(cached);
}
