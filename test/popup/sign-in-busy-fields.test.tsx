// @vitest-environment jsdom
/**
 * While a sign-in runs, its form's fields are off: what they say is what it signs in with, and the
 * form kept them editable (a changed address or name changed nothing, but read as if it had). Focus in
 * a field (Enter pressed in the password) goes to Cancel, the one thing to do then; Cancel gives them
 * back. The accounts screen says a sign-in under way (a popup closed during it, opened on Accounts),
 * with a button back to its form.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, renderApp, t } from './render.tsx';

afterEach(cleanup);

const ADA = { username: 'ada@example.org', password: 'lanyard-demo' };
const disabled = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).disabled;

/** The Badgr form filled in for a backpack that never answers (mock-actions.ts `slow`); its password field. */
async function passwordForm(): Promise<HTMLInputElement> {
  renderApp({ scenario: 'first-run' });
  fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
  fireEvent.change(await screen.findByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
  fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'https://slow.example' } });
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: ADA.username } });
  const password = screen.getByLabelText('Password') as HTMLInputElement;
  fireEvent.input(password, { target: { value: ADA.password } });
  return password;
}

describe('a sign-in form while its sign-in runs', () => {
  it('password: the region, address, e-mail and password are off, focus goes from the password to Cancel, and Cancel gives them back', async () => {
    const password = await passwordForm();
    // Enter in the password field.
    password.focus();
    fireEvent.submit(password.form!);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    for (const f of ['Region', 'Server address', 'E-mail', 'Password']) expect(disabled(f)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(cancel.hasAttribute('disabled')).toBe(false);
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    for (const f of ['Region', 'Server address', 'E-mail', 'Password']) expect(disabled(f)).toBe(false);
  });

  it('password: the busy button pressed keeps focus (Tab reaches Cancel)', async () => {
    await passwordForm();
    const submit = screen.getByRole('button', { name: 'Sign in' });
    submit.focus();
    fireEvent.click(submit);
    await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Signing in…' }));
  });

  it('provider: the kind and the address are off', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    const address = (await screen.findByLabelText("Provider's web address")) as HTMLInputElement;
    fireEvent.input(address, { target: { value: 'https://slow.example' } });
    address.focus();
    fireEvent.submit(address.form!);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(address.disabled).toBe(true);
    for (const radio of screen.getAllByRole('radio') as HTMLInputElement[]) expect(radio.matches(':disabled')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Provider's web address")));
    expect(address.disabled).toBe(false);
  });
});

describe('the accounts screen during a sign-in', () => {
  it('says it, and its button opens its form, busy with Cancel', async () => {
    const actions = createMockActions();
    // Started by a popup closed since.
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow.example', ...ADA });
    render(<App actions={actions} t={t} locale="en" now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
    const note = await screen.findByText('A sign-in to slow.example is under way.', { exact: false });
    expect(note.closest('[role="status"]')).not.toBeNull();
    const show = screen.getByRole('button', { name: 'Show the sign-in slow.example' });
    fireEvent.click(show);
    await screen.findByRole('button', { name: 'Signing in…' });
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://slow.example');
    expect(disabled('E-mail')).toBe(true);
  });

  it('opens the form on the sign-in its button names, not the first of that form under way', async () => {
    const actions = createMockActions();
    // Two Badgr sign-ins to two backpacks, started by popups closed since: both said, each with its button.
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow.example', ...ADA });
    void actions.signIn({ kind: 'badgr', baseUrl: 'https://slow-too.example', ...ADA });
    render(<App actions={actions} t={t} locale="en" now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show the sign-in slow-too.example' }));
    await screen.findByRole('button', { name: 'Signing in…' });
    // Before: the form joined the first listed (slow.example), under the second's button.
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'waitSignIn').map((c) => c.args)).toEqual([['https://slow-too.example', 'badgr']]));
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://slow-too.example');
  });
});
