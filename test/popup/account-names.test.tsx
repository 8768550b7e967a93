// @vitest-environment jsdom
/**
 * Every account card has the same buttons ("Sync now", "E-mail addresses", "Sign out", "Sign in
 * again"): each one's accessible name says which account it acts on (the backpack's name and the
 * user or host), heard and not seen, as the address cards' buttons do (WCAG 2.4.6, 4.1.2).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import type { AccountView } from '../../src/messaging/views.ts';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import { EnvContext } from '../../src/popup/env.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, renderWithEnv } from './render.tsx';

afterEach(cleanup);

const idle = { status: 'idle', done: 0, total: 0 } as const;
const ACCOUNTS: AccountView[] = [
  { id: 'a', kind: 'badgr', providerName: 'Canvas Credentials (US)', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', needsSignIn: false, sync: idle },
  { id: 'b', kind: 'badgr', providerName: 'Canvas Credentials (US)', baseUrl: 'https://api.badgr.io', user: 'grace@example.org', needsSignIn: false, sync: idle },
  { id: 'c', kind: 'badgr', providerName: 'badgr.example', baseUrl: 'https://badgr.example', user: '', needsSignIn: true, sync: idle },
] as AccountView[];

const screenWith = (accounts = ACCOUNTS) => <AccountsScreen accounts={accounts} onAdd={() => undefined} onAddresses={() => undefined} onSignInAgain={() => undefined} onChanged={() => undefined} />;

describe('the Accounts screen\'s buttons say which account', () => {
  it('in English: each name ends with the backpack and the user, every name on the screen once', () => {
    renderWithEnv(screenWith());
    expect(screen.getByRole('button', { name: 'Sync now for Canvas Credentials (US) (ada@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync now for Canvas Credentials (US) (grace@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'E-mail addresses for Canvas Credentials (US) (grace@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out for Canvas Credentials (US) (ada@example.org · api.badgr.io)' })).toBeTruthy();
    // Known only by its host, which is its name: said once.
    expect(screen.getByRole('button', { name: 'Sign in again for badgr.example' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out for badgr.example' })).toBeTruthy();
    const names = screen.getAllByRole('button').map((b) => b.textContent!.trim());
    expect(new Set(names).size).toBe(names.length);
    // Seen: the short label alone.
    const visible = screen.getByRole('button', { name: 'Sync now for Canvas Credentials (US) (ada@example.org · api.badgr.io)' });
    expect(visible.querySelector('.visually-hidden')!.textContent).toBe('for Canvas Credentials (US) (ada@example.org · api.badgr.io)');
  });

  it('the sign-out confirmation names the account too, and Escape gives focus back to the named button', () => {
    renderWithEnv(screenWith());
    const card = screen.getByText((_, el) => el?.tagName === 'P' && el.textContent === 'grace@example.org · api.badgr.io').closest('li') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: 'Sign out for Canvas Credentials (US) (grace@example.org · api.badgr.io)' }));
    const confirm = within(card).getByRole('button', { name: 'Sign out for Canvas Credentials (US) (grace@example.org · api.badgr.io)' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Sign out for Canvas Credentials (US) (grace@example.org · api.badgr.io)' }));
  });

  it('in French', () => {
    const t = createTranslator(fr as Messages);
    render(<EnvContext.Provider value={{ actions: createMockActions(), t, locale: 'fr', now }}>{screenWith()}</EnvContext.Provider>);
    expect(screen.getByRole('button', { name: 'Synchroniser pour Canvas Credentials (US) (ada@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se déconnecter pour Canvas Credentials (US) (grace@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Adresses e-mail pour Canvas Credentials (US) (ada@example.org · api.badgr.io)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se reconnecter pour badgr.example' })).toBeTruthy();
  });

  it('a card\'s failed sync is shown, not announced: the status bar says each new failure once (an alert here said it again, and anew as its minutes counted down)', () => {
    const failed = { ...ACCOUNTS[0]!, sync: { status: 'error', done: 0, total: 0, error: { code: 'UNREACHABLE', message: 'x' }, retryAt: new Date(now() + 15 * 60_000).toISOString() } } as AccountView;
    renderWithEnv(screenWith([failed]));
    const text = screen.getByText(/Last sync failed/);
    expect(text.textContent).toMatch(/15 minutes/);
    expect(text.closest('[role=alert],[role=status],[aria-live]')).toBeNull();
  });
});
