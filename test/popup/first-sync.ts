/**
 * The first run's sign-in and first sync, for the tests that follow focus and what is said through
 * them (focus.test.tsx, said-once.test.tsx).
 */
import { fireEvent, screen } from '@testing-library/preact';
import type { AccountView } from '../../src/messaging/views.ts';
import type { PopupActions } from '../../src/popup/actions.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';

/** Chooses Canvas Credentials (Badgr), fills the form and presses Sign in from the keyboard's focus. */
export async function signInToBadgr(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.org' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'lanyard-demo' } });
  const signIn = screen.getByRole('button', { name: 'Sign in' });
  signIn.focus();
  fireEvent.click(signIn);
}

/** A backpack whose first sync takes a moment: the list is empty (syncing) for two state reads, then has a badge. */
export async function firstSyncActions(): Promise<PopupActions> {
  const mock = createMockActions({ scenario: 'first-run' });
  const one = await createMockActions().listBadges(1);
  const state = await mock.getState();
  if (!one.ok || !state.ok) throw new Error('the mock answers');
  let phase: 'first-run' | 'syncing' | 'done' = 'first-run';
  let reads = 0;
  const account: AccountView = { id: 'acct', kind: 'badgr', providerName: 'Canvas Credentials', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', needsSignIn: false, sync: { status: 'syncing', done: 0, total: 1 } };
  return {
    ...mock,
    signIn: async () => ((phase = 'syncing'), { ok: true as const, value: account }),
    getState: async () => {
      if (phase === 'syncing' && ++reads > 2) phase = 'done';
      const accounts = phase === 'first-run' ? [] : [{ ...account, sync: phase === 'done' ? { status: 'idle' as const, done: 1, total: 1, lastSyncedAt: '2026-12-05T00:00:00Z' } : account.sync }];
      return { ok: true as const, value: { ...state.value, accounts, badgeCount: phase === 'done' ? 1 : 0 } };
    },
    listBadges: async () => ({ ok: true as const, value: phase === 'done' ? one.value.map((b) => ({ ...b, accountId: 'acct' })) : [] }),
  };
}
