// @vitest-environment jsdom
/**
 * "Check all badges again" is there when badges are, account or not. It went with the last account
 * (f1f0365: with no account and no badge it had nothing to check), but badges kept in this browser
 * alone have no account either: after signing out, or using Lanyard without one, Accounts offered no
 * way to check them all again (seen in Chromium with two local badges). The background checks every
 * badge, local ones included (src/background/services/library.ts verify()).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const screenWith = (hasBadges: boolean) => {
  const actions = createMockActions();
  renderWithEnv(<AccountsScreen accounts={[]} hasBadges={hasBadges} onAdd={() => undefined} onAddresses={() => undefined} onSignInAgain={() => undefined} onChanged={() => undefined} />, actions);
  return actions;
};

describe('Accounts with no account', () => {
  it('badges kept in this browser only can all be checked again', async () => {
    const actions = screenWith(true);
    expect(screen.getByText('No backpack connected yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check all badges again' }));
    await waitFor(() => expect(actions.calls.some((c) => c.name === 'verify')).toBe(true));
  });

  it('no badge at all: nothing to check, no button', () => {
    screenWith(false);
    expect(screen.queryByRole('button', { name: 'Check all badges again' })).toBeNull();
  });
});
