// @vitest-environment jsdom
/** The popup says what went wrong with a sync and when it will try again (issue 12 point 13). */
import { cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/preact';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { EnvContext } from '../../src/popup/env.ts';
import { formatClock } from '../../src/popup/format.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { syncView } from '../../src/background/services/views.ts';
import type { StateReply } from '../../src/messaging/protocol.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { usePopupData } from '../../src/popup/use-popup-data.ts';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import { EMPTY_QUERY } from '../../src/popup/list/filter.ts';
import { ListScreen } from '../../src/popup/list/ListScreen.tsx';
import { StatusBar } from '../../src/popup/ui/StatusBar.tsx';
import { renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const state = (sync: StateReply['accounts'][number]['sync']): StateReply =>
  ({ accounts: [{ id: 'a', kind: 'badgr', providerName: 'Test backpack', baseUrl: 'https://bp.example', user: 'ada', needsSignIn: false, sync }], badgeCount: 3 }) as unknown as StateReply;

describe('sync failure status', () => {
  it('names the account, what happened and when the retry is', () => {
    renderWithEnv(<StatusBar online state={state({ status: 'error', done: 3, total: 9, error: { code: 'SERVER_ERROR', message: 'HTTP 503' }, retryAt: new Date(MOCK_NOW + 5 * 60_000).toISOString() })} />);
    const line = screen.getByTestId('sync-failure').textContent ?? '';
    expect(line).toContain('Test backpack');
    expect(line).toMatch(/could not sync: .+/);
    // When, relative and by the clock (the backoff is jittered: the minute is what the user can act on).
    expect(line).toContain(`Lanyard will try again in 5 minutes, at ${formatClock(MOCK_NOW + 5 * 60_000, MOCK_NOW, 'en')}.`);
  });

  it('a sync that left addresses out says so with the account, as a complete sync (no "could not sync", no retry)', () => {
    renderWithEnv(<StatusBar online state={state({ status: 'error', done: 9, total: 9, error: { code: 'ERR_TOO_MANY_ADDRESSES', message: 'bp.example lists more addresses…' } })} />);
    const line = screen.getByTestId('sync-failure').textContent ?? '';
    expect(line).toMatch(/^Test backpack lists more addresses than Lanyard keeps \(100, each with 10 other spellings at most\): your badges are synced/);
    expect(line).not.toMatch(/could not sync|try again/);
  });

  it('a throttled sync names the provider, says it asked Lanyard to slow down, and when the next try is (relative and clock time)', () => {
    const message = 'bp.example asks Lanyard to slow down: your badges stay as they are, and the sync goes on where it stopped.';
    const at = MOCK_NOW + 30 * 60_000;
    const clock = formatClock(at, MOCK_NOW, 'en');
    expect(clock).toMatch(/\d{1,2}:\d{2}/);
    renderWithEnv(<StatusBar online state={state({ status: 'error', done: 3, total: 9, error: { code: 'THROTTLED', message }, retryAt: new Date(at).toISOString() })} />);
    const line = screen.getByTestId('sync-failure').textContent ?? '';
    expect(line).toBe(`Test backpack asked Lanyard to slow down. Your badges stay as they are, and the sync goes on where it stopped: Lanyard will try again in 30 minutes, at ${clock}.`);
    expect(line).not.toMatch(/Too many attempts/);
  });

  it('the account card says the same; a due retry says "shortly"; French says it in French', () => {
    const noop = () => undefined;
    const throttled = (retryAt?: number) => state({ status: 'error', done: 3, total: 9, error: { code: 'THROTTLED', message: 'Too many requests' }, ...(retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}) });
    renderWithEnv(<AccountsScreen accounts={throttled(MOCK_NOW + 2 * 3600_000).accounts} onAdd={noop} onAddresses={noop} onSignInAgain={noop} onChanged={noop} />);
    expect(screen.getByText(/^Test backpack asked Lanyard to slow down\. .*Lanyard will try again in 2 hours, at /)).toBeTruthy();
    cleanup();
    renderWithEnv(<StatusBar online state={throttled(MOCK_NOW - 1000)} />);
    expect(screen.getByTestId('sync-failure').textContent).toBe('Test backpack asked Lanyard to slow down. Your badges stay as they are, and the sync goes on where it stopped: Lanyard will try again shortly.');
    cleanup();
    const frT = createTranslator(fr as Messages);
    render(<EnvContext.Provider value={{ actions: createMockActions(), t: frT, locale: 'fr', now: () => MOCK_NOW }}><StatusBar online state={throttled(MOCK_NOW + 30 * 60_000)} /></EnvContext.Provider>);
    expect(screen.getByTestId('sync-failure').textContent).toBe(`Test backpack a demandé à Lanyard de ralentir. Vos badges restent tels quels, et la synchronisation reprendra là où elle s’est arrêtée\u00a0: Lanyard réessaiera dans 30 minutes, à ${formatClock(MOCK_NOW + 30 * 60_000, MOCK_NOW, 'fr')}.`);
  });

  it('a session that ended offers "Sign in again" where it is said; the account card does not repeat it or offer Sync now', () => {
    const ended = state({ status: 'error', done: 0, total: 0, error: { code: 'UNAUTHORIZED', message: 'Sign in again' } });
    (ended.accounts[0] as { needsSignIn: boolean }).needsSignIn = true;
    const asked: string[] = [];
    renderWithEnv(<StatusBar online state={ended} onSignInAgain={(a) => asked.push(a.id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(asked).toEqual(['a']);
    cleanup();
    const noop = () => undefined;
    renderWithEnv(<AccountsScreen accounts={ended.accounts} onAdd={noop} onAddresses={noop} onSignInAgain={noop} onChanged={noop} />);
    expect(screen.getByRole('button', { name: /^Sign in again for/ })).toBeTruthy();
    expect(screen.queryByText(/Last sync failed/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Sync now/ })).toBeNull();
  });

  it('says nothing about a retry when the user must act, and nothing at all when the sync is fine', () => {
    renderWithEnv(<StatusBar online state={state({ status: 'error', done: 0, total: 0, error: { code: 'UNAUTHORIZED', message: 'Sign in again' } })} />);
    expect(screen.getByTestId('sync-failure').textContent).not.toContain('try again');
    cleanup();
    renderWithEnv(<StatusBar online state={state({ status: 'idle', done: 9, total: 9 })} />);
    expect(screen.queryByTestId('sync-failure')).toBeNull();
  });

  it('the background passes the scheduled retry through the actions interface', () => {
    const at = Date.UTC(2026, 10, 26, 12, 5);
    expect(syncView({ accountId: 'a', status: 'error', done: 1, total: 2, failures: 1, error: { code: 'SERVER_ERROR', message: '500' }, retryAt: at })).toMatchObject({ status: 'error', retryAt: new Date(at).toISOString() });
    expect(syncView({ accountId: 'a', status: 'idle', done: 2, total: 2, failures: 0, retryAt: at }).retryAt).toBeUndefined();
  });
});

describe('a sync that has just started (found in Chromium right after signing in)', () => {
  it('says it is getting the badges, not "0 of 0", with an indeterminate bar', () => {
    renderWithEnv(<StatusBar online state={state({ status: 'syncing', done: 0, total: 0 })} />);
    expect(screen.getByText('Getting your badges…')).toBeTruthy();
    expect(screen.queryByText(/0 of 0/)).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Getting your badges…' }).hasAttribute('aria-valuenow')).toBe(false);
  });

  it('the account card on Accounts says the same (it showed "Syncing badges: 0 of 0")', () => {
    const noop = () => undefined;
    renderWithEnv(<AccountsScreen accounts={state({ status: 'syncing', done: 0, total: 0 }).accounts} onAdd={noop} onAddresses={noop} onSignInAgain={noop} onChanged={noop} />);
    expect(screen.getByText('Getting your badges…')).toBeTruthy();
    expect(screen.queryByText(/0 of 0/)).toBeNull();
  });

  it('an account on a custom server, named by its host, does not show the host twice', () => {
    const noop = () => undefined;
    const [a] = state({ status: 'idle', done: 0, total: 0 }).accounts;
    renderWithEnv(<AccountsScreen accounts={[{ ...a!, providerName: '127.0.0.1:8787', baseUrl: 'http://127.0.0.1:8787', user: 'ada@example.org' }]} onAdd={noop} onAddresses={noop} onSignInAgain={noop} onChanged={noop} />);
    expect(screen.getByRole('heading', { name: '127.0.0.1:8787' })).toBeTruthy();
    expect(screen.getByText('ada@example.org')).toBeTruthy();
    expect(screen.queryByText(/ada@example\.org · 127\.0\.0\.1:8787/)).toBeNull();
  });

  it('an empty list while syncing says the badges are coming, and does not ask to connect a backpack', () => {
    const noop = () => undefined;
    const props = { badges: { status: 'ready' as const, value: [] }, accounts: [], expected: 0, query: EMPTY_QUERY, onQuery: noop, active: 0, onActive: noop, onOpen: noop, onImport: noop, onConnect: noop, onGuide: noop, onRetry: noop, listRef: { current: null } };
    renderWithEnv(<ListScreen {...props} syncing />);
    expect(screen.getByRole('heading', { name: 'Getting your badges…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect a backpack' })).toBeNull();
    cleanup();
    renderWithEnv(<ListScreen {...props} />);
    expect(screen.getByRole('heading', { name: 'No badges yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect a backpack' })).toBeTruthy();
  });
});

describe('the state after an action (found in Chromium: "Sync now" with an ended session)', () => {
  it('keeps reading the state for a moment, so a sync that starts late and fails at once is seen', async () => {
    // The background starts a sync without waiting: the reply to the reload still shows the old
    // error; the next read shows the sync over (the session ended). Nothing is ever "syncing".
    const old = state({ status: 'error', done: 0, total: 0, error: { code: 'UNREACHABLE', message: 'down' }, retryAt: new Date(Date.now() + 3_600_000).toISOString() });
    const ended = { ...old, accounts: [{ ...old.accounts[0]!, needsSignIn: true, sync: { status: 'error', done: 0, total: 0, error: { code: 'UNAUTHORIZED', message: 'Sign in again' } } }] } as StateReply;
    const actions = createMockActions();
    const replies = [old, old, ended];
    actions.getState = async () => ({ ok: true, value: replies.shift() ?? ended });
    const { result } = renderHook(() => usePopupData(actions, t));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await result.current.reload();
    await waitFor(() => expect(result.current.state.status === 'ready' && result.current.state.value.accounts[0]?.needsSignIn).toBe(true), { timeout: 3000 });
  });
});
