// @vitest-environment jsdom
/**
 * The popup closed while a sign-in ran, and opened again (walk28): the background went on and
 * stored the account, but the popup read the state once (no account, nothing syncing), never read
 * it again, and stayed on the sign-in form with the account signed in behind it. While the state
 * says a sign-in is under way, the popup reads it again, and once it ends a little longer (the
 * account is stored just after the sign-in leaves the running ones, accounts.ts commit).
 */
import { cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/protocol.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { usePopupData } from '../../src/popup/use-popup-data.ts';
import { t } from './render.tsx';

afterEach(cleanup);

const account = { id: 'a', kind: 'badgr', providerName: 'Test backpack', baseUrl: 'https://bp.example', user: 'ada', needsSignIn: false, sync: { status: 'idle', done: 0, total: 0 } };

describe('a sign-in under way when the popup opens', () => {
  it('is waited for: the account it stores shows without any action', async () => {
    const actions = createMockActions();
    // Two reads with the sign-in running, one in the gap after it (no longer running, account not yet there), then the account.
    const replies: Partial<StateReply>[] = [{ signingIn: true, accounts: [] }, { signingIn: true, accounts: [] }, { accounts: [] }, { accounts: [account] as unknown as StateReply['accounts'] }];
    let reads = 0;
    actions.getState = async () => {
      const r = replies[Math.min(reads++, replies.length - 1)]!;
      return { ok: true, value: { settings: {}, badgeCount: 0, identities: [], ...r } as StateReply };
    };
    const { result } = renderHook(() => usePopupData(actions, t));
    await waitFor(() => expect(result.current.state.status === 'ready' && result.current.state.value.accounts.map((a) => a.id)).toEqual(['a']), { timeout: 5000 });
    expect(reads).toBe(4);
  });

  it('no sign-in under way and nothing syncing: the state is read once', async () => {
    const actions = createMockActions();
    let reads = 0;
    actions.getState = async () => (reads++, { ok: true, value: { settings: {}, badgeCount: 0, identities: [], accounts: [] } as unknown as StateReply });
    const { result } = renderHook(() => usePopupData(actions, t));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await new Promise((r) => setTimeout(r, 1600));
    expect(reads).toBe(1);
  });
});
