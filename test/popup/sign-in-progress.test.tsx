// @vitest-environment jsdom
/**
 * What the sign-in forms say while a sign-in runs (use-sign-in.ts), read from the background's state
 * (state/get `signIns`):
 * - a sign-in waiting for a sign-out of the same account said only "Signing in…": it now says
 *   "Finishing the earlier sign-out of this account…" in the form's live region, only then, and
 *   Cancel still ends it;
 * - a popup opened again while a sign-in ran showed the form idle, and a second sign-in could be
 *   started: the form now joins the one under way, busy, with Cancel, and answers its reply.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/messaging/protocol.ts';
import type { AccountView } from '../../src/messaging/views.ts';
import { App } from '../../src/popup/App.tsx';
import { createMockActions, type MockActions } from '../../src/popup/mock-actions.ts';
import { now, renderApp, t } from './render.tsx';

afterEach(cleanup);

const ADA = { username: 'ada@example.org', password: 'lanyard-demo' };

async function passwordSignIn(host: string, choose = true): Promise<void> {
  if (choose) fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
  fireEvent.change(await screen.findByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
  fireEvent.input(screen.getByLabelText('Server address'), { target: { value: host } });
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: ADA.username } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: ADA.password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The popup opened over actions whose background already runs a sign-in (started by a popup closed since). */
function reopen(actions: MockActions) {
  return render(<App actions={actions} t={t} locale="en" now={now} />);
}

const status = () => document.getElementById('sign-in-status') ?? document.getElementById('provider-status');

describe('a sign-in that waits for a sign-out of the same account', () => {
  it('says so in the form’s live region, which was there before; Cancel still ends it, and the region is emptied', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    const before = await waitFor(() => status() ?? Promise.reject(new Error('no live region')));
    expect(before.textContent).toBe('');
    await passwordSignIn('https://slow-signed-out.example', false);
    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    const live = status()!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(live.textContent).toBe('Finishing the earlier sign-out of this account…'), { timeout: 3000 });
    // The same element all along (a region made with its words is not read), and the busy button is described by it.
    expect(live).toBe(before);
    expect(busy.getAttribute('aria-describedby')).toBe('sign-in-status');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    expect(actions.calls.some((c) => c.name === 'cancelSignIn')).toBe(true);
    expect(status()?.textContent).toBe('');
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('aria-describedby')).toBeNull();
  });

  it('a sign-in with no sign-out to wait for never says it', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    await passwordSignIn('https://slow.example');
    await screen.findByRole('button', { name: 'Signing in…' });
    const reads = actions.calls.filter((c) => c.name === 'getState').length;
    // The state is read again while it runs (the phase comes from there): two more reads at least.
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'getState').length).toBeGreaterThan(reads + 1), { timeout: 3000 });
    expect(status()?.textContent).toBe('');
    expect(screen.queryByText(/earlier sign-out/)).toBeNull();
  });

  it('nor says the phase of another popup’s sign-in to another backpack listed before its own', async () => {
    const actions = createMockActions({ scenario: 'first-run' });
    reopen(actions);
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    // Another popup (or tab) signs in to another Badgr server meanwhile, one that waits for a sign-out of its account.
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow-signed-out.example', ...ADA });
    await passwordSignIn('https://slow.example', false);
    await screen.findByRole('button', { name: 'Signing in…' });
    const reads = actions.calls.filter((c) => c.name === 'getState').length;
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'getState').length).toBeGreaterThan(reads + 1), { timeout: 3000 });
    expect(status()?.textContent).toBe('');
    expect(screen.queryByText(/earlier sign-out/)).toBeNull();
    // Its own backpack stays in the form (the other is not joined while its own runs).
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://slow.example');
  });
});

describe('a popup opened again while a sign-in runs', () => {
  it('password: the Badgr form, busy with Cancel, showing the backpack and name; no second sign-in; Cancel by keyboard gives the form back', async () => {
    const actions = createMockActions({ scenario: 'first-run' });
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow.example', ...ADA });
    reopen(actions);
    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://slow.example');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe(ADA.username);
    expect(status()?.textContent).toBe('A sign-in to slow.example is under way. It goes on while this popup is closed.');
    expect(actions.calls.filter((c) => c.name === 'waitSignIn').map((c) => c.args)).toEqual([['https://slow.example', 'badgr']]);
    // Pressing the busy button (Enter submits the form) starts nothing.
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: ADA.password } });
    fireEvent.submit(busy.closest('form')!);
    fireEvent.click(busy);
    expect(actions.calls.filter((c) => c.name === 'signIn')).toHaveLength(1);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    // The joined one's backpack and kind only (a Badgr and an OB 3.0 sign-in to one server run at once).
    expect(actions.calls.filter((c) => c.name === 'cancelSignIn').map((c) => c.args)).toEqual([['https://slow.example', undefined, 'badgr']]);
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(status()?.textContent).toBe('');
  });

  it('provider: the provider form, its address and kind those of the sign-in, busy with Cancel', async () => {
    const actions = createMockActions({ scenario: 'first-run' });
    void actions.signIn({ kind: 'badge-connect', baseUrl: 'https://slow-wallet.example' });
    reopen(actions);
    await screen.findByRole('button', { name: 'Signing in…' });
    expect((screen.getByLabelText("Provider's web address") as HTMLInputElement).value).toBe('https://slow-wallet.example');
    expect((screen.getByRole('radio', { name: /Badge Connect/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('its reply is answered as the form’s own: a failure is said beside the field it is about', async () => {
    const actions = createMockActions({ scenario: 'first-run' });
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow.example', ...ADA });
    let answer!: (r: Reply<AccountView>) => void;
    actions.waitSignIn = () => new Promise((r) => (answer = r));
    reopen(actions);
    await screen.findByRole('button', { name: 'Signing in…' });
    answer({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'invalid_grant' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/password/i);
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('a second sign-in to a backpack one runs to is refused in words (ERR_SIGN_IN_UNDER_WAY), not as a generic error', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    actions.signIn = async () => ({ ok: false, error: { code: 'ERR_SIGN_IN_UNDER_WAY', message: 'A sign-in to bp.example is under way already' } });
    await passwordSignIn('https://bp.example');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(t('errorSignInUnderWay'));
    expect(alert.textContent).toMatch(/under way already.*cancel it/);
  });
});

describe('a sign-in that ends by itself while focus is on its Cancel button', () => {
  it.each([
    ['fails', { ok: false, error: { code: 'BAD_CREDENTIALS', message: 'invalid_grant' } }],
    ['is refused as under way already', { ok: false, error: { code: 'ERR_SIGN_IN_UNDER_WAY', message: 'under way' } }],
  ] as [string, Reply<AccountView>][])('%s: focus moves to the Sign in button, not to the page’s body', async (_, reply) => {
    const { actions } = renderApp({ scenario: 'first-run' });
    let answer!: (r: Reply<AccountView>) => void;
    actions.signIn = () => new Promise((r) => (answer = r));
    await passwordSignIn('https://bp.example');
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    cancel.focus();
    answer(reply);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in' })));
  });
});

describe('a sign-in refused because another popup started one to the same backpack', () => {
  it('says so and joins that one: busy, with Cancel', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    await screen.findByRole('combobox', { name: 'Region' });
    // Another popup (or a tab) starts it now: this one read the state before.
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow.example', ...ADA });
    await passwordSignIn('https://slow.example', false);
    expect((await screen.findByRole('alert')).textContent).toBe(t('errorSignInUnderWay'));
    await screen.findByRole('button', { name: 'Signing in…' });
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(actions.calls.filter((c) => c.name === 'waitSignIn')).toHaveLength(1);
  });
});

describe('the form’s own sign-in, listed by a state read that comes back after it ended', () => {
  it('is not taken for another one under way: no busy form again, nothing joined', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    await screen.findByRole('combobox', { name: 'Region' });
    let answer!: (r: Reply<AccountView>) => void;
    actions.signIn = () => new Promise((r) => (answer = r));
    // The state read the sign-in asks for answers late, listing the sign-in as it ran when read.
    const getState = actions.getState.bind(actions);
    let late!: () => void;
    const lateRead = new Promise<void>((r) => (late = r));
    let first = true;
    actions.getState = async () => {
      const r = await getState();
      if (!first || !r.ok) return r;
      first = false;
      await lateRead;
      return { ok: true, value: { ...r.value, signingIn: true, signIns: [{ id: 'own', kind: 'badgr', baseUrl: 'https://bp.example', username: ADA.username, phase: 'signing-in' }] } };
    };
    await passwordSignIn('https://bp.example', false);
    await screen.findByRole('button', { name: 'Signing in…' });
    answer({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'invalid_grant' } });
    await screen.findByRole('alert');
    await screen.findByRole('button', { name: 'Sign in' });
    late();
    await new Promise((r) => setTimeout(r, 300));
    expect(actions.calls.filter((c) => c.name === 'waitSignIn')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Signing in…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
