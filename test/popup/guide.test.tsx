// @vitest-environment jsdom
/**
 * "Can't find a badge?" over the mock actions: reachable from the menu, the empty list and a
 * pending badge; shows unconfirmed addresses and the badges waiting on them; each action calls
 * the backpack through the actions and says what happened.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

async function openGuide(options = {}) {
  const r = renderApp(options);
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: "Can't find a badge?" }));
  await screen.findByRole('heading', { level: 2, name: "Can't find a badge?" });
  await screen.findAllByRole('heading', { name: 'ada@example.org' });
  return r;
}
const account = () => screen.getByRole('region', { name: /Canvas Credentials \(US\)/ });
const card = (email: string) => within(account()).getByRole('heading', { name: email }).closest('li') as HTMLElement;

describe("Can't find a badge?", () => {
  it('lists the unconfirmed address and the badge waiting on it', async () => {
    await openGuide();
    expect(within(account()).getByText(across(/was sent to ada@old-school.example, which is not confirmed yet/))).toBeTruthy();
    expect(within(card('ada@old-school.example')).getByText('Not confirmed')).toBeTruthy();
    expect(within(card('ada@example.org')).getByText('Confirmed')).toBeTruthy();
  });

  it('adds the address the award went to, resends a confirmation, and makes an address primary', async () => {
    const { actions } = await openGuide();
    fireEvent.input(within(account()).getByLabelText('The address the badge was sent to'), { target: { value: 'ada@award.example' } });
    fireEvent.click(within(account()).getByRole('button', { name: 'Add and send confirmation' }));
    await screen.findByText(across(/is sending a confirmation e-mail to ada@award.example/));
    expect(actions.calls.some((c) => c.name === 'addEmail' && c.args[1] === 'ada@award.example')).toBe(true);
    fireEvent.click(within(card('ada@old-school.example')).getByRole('button', { name: 'Resend confirmation ada@old-school.example' }));
    await screen.findByText(across('Confirmation e-mail sent again to ada@old-school.example.'));
    fireEvent.click(within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    await screen.findByText(across(/ada.lovelace@work.example is now your primary address. Badges issued to your other addresses stay yours/));
    expect(screen.getByText(/Badges issued to your old address stay in your backpack as long as the old address stays on your account/)).toBeTruthy();
  });

  it('refuses a malformed address without calling the backpack', async () => {
    const { actions } = await openGuide();
    fireEvent.input(within(account()).getByLabelText('The address the badge was sent to'), { target: { value: 'not an address' } });
    fireEvent.click(within(account()).getByRole('button', { name: 'Add and send confirmation' }));
    await screen.findByText('Enter a valid e-mail address.');
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
  });

  it('an address already on the account is refused in words, without calling the backpack', async () => {
    const { actions } = await openGuide();
    fireEvent.input(within(account()).getByLabelText('The address the badge was sent to'), { target: { value: 'ADA@example.org' } });
    fireEvent.click(within(account()).getByRole('button', { name: 'Add and send confirmation' }));
    await within(account()).findByText('That address is already on your account.');
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
  });

  it('imports from the award e-mail link', async () => {
    const { actions } = await openGuide();
    const panel = screen.getByRole('region', { name: 'Have the award e-mail or the badge image?' });
    fireEvent.input(within(panel).getByRole('textbox'), { target: { value: 'https://badges.example.org/public/assertions/abc' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add badge' }));
    await waitFor(() => expect(actions.calls.some((c) => c.name === 'importBadge')).toBe(true));
  });

  it('sends a password reset for the chosen backpack, and says when to try again', async () => {
    const { actions } = await openGuide();
    const panel = screen.getByRole('region', { name: 'Forgot your password?' });
    fireEvent.input(within(panel).getByLabelText('E-mail'), { target: { value: 'ada@example.org' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Send me a reset link' }));
    await within(panel).findByText(across(/If ada@example.org has an account at api.badgr.io, a reset link is on its way/));
    expect(actions.calls.find((c) => c.name === 'requestPasswordReset')?.args).toEqual(['https://api.badgr.io', 'ada@example.org']);
    fireEvent.click(within(panel).getByRole('button', { name: 'Send me a reset link' }));
    // Badgr throttles resets as it throttles sign-ins (apps/mainsite/utils.py `throttleable`), but a reset is no sign-in attempt.
    const wait = await within(panel).findByText(/5 minutes/);
    expect(wait.textContent).toContain('The backpack asks Lanyard to wait');
    expect(wait.textContent).not.toContain('sign-in');
  });

  it('a reset the form refuses (no address, a server address Lanyard cannot use) marks the field at fault, described by the message, and focuses it', async () => {
    const { actions } = await openGuide();
    const panel = screen.getByRole('region', { name: 'Forgot your password?' });
    const email = within(panel).getByLabelText('E-mail');
    fireEvent.input(email, { target: { value: 'ada' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Send me a reset link' }));
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(within(panel).getByRole('textbox', { name: 'E-mail', description: 'Enter a valid e-mail address.' })).toBe(email);
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    const server = within(panel).getByLabelText('Server address');
    fireEvent.input(server, { target: { value: 'not a server' } });
    fireEvent.input(email, { target: { value: 'ada@example.org' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Send me a reset link' }));
    await waitFor(() => expect(document.activeElement).toBe(server));
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    expect(actions.calls.some((c) => c.name === 'requestPasswordReset')).toBe(false);
  });

  it('is offered on the empty list', async () => {
    renderApp({ scenario: 'empty' });
    fireEvent.click(await screen.findByRole('button', { name: "Can't find a badge?" }));
    expect(await screen.findByRole('heading', { level: 2, name: "Can't find a badge?" })).toBeTruthy();
  });
});
