// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import AddressesScreen from '../../src/popup/addresses/AddressesScreen.tsx';
import { mockAccounts, seedBadges } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { addressCard, renderAddresses, renderApp, renderWithEnv } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

const addresses = renderAddresses;
const card = addressCard;

describe('accounts', () => {
  it('lists accounts with their sync state, and signs out after asking', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    expect(await screen.findByRole('heading', { name: 'Canvas Credentials (US)' })).toBeTruthy();
    expect(screen.getByText('Synced 5 minutes ago')).toBeTruthy();
    expect(screen.getByText(/Last sync failed: The server could not be reached/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'This browser' })).toBeTruthy();
    const first = screen.getByRole('heading', { name: 'Canvas Credentials (US)' }).closest('li') as HTMLElement;
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    await waitFor(() => expect(actions.calls.some((c) => c.name === 'signOut' && c.args[0] === 'badgr-us')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Canvas Credentials (US)' })).toBeNull());
  });
});

describe('accounts, none left', () => {
  it('after the last sign-out there is no "Check all badges again" (nothing to check)', async () => {
    renderApp({ scenario: 'first-run' });
    await screen.findByRole('heading', { name: 'Welcome to Lanyard' });
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    expect(await screen.findByText('No backpack connected yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a backpack' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check all badges again' })).toBeNull();
  });
});

describe('addresses', () => {
  it('shows verified and primary marks, badge counts, and pending badges with what to do', async () => {
    await addresses();
    expect(within(card('ada@example.org')).getByText('Primary')).toBeTruthy();
    expect(within(card('ada@example.org')).getByText('Confirmed')).toBeTruthy();
    expect(within(card('ada@example.org')).getByText('Badges: 5')).toBeTruthy();
    const old = card('ada@old-school.example');
    expect(within(old).getByText('Not confirmed')).toBeTruthy();
    expect(within(old).getByText('Badges waiting for this address: 1.')).toBeTruthy();
    expect(within(old).getByText('Introduction to Python')).toBeTruthy();
    expect(within(old).getByText(across(/once ada@old-school.example is confirmed with Canvas Credentials \(US\)/))).toBeTruthy();
    expect(within(old).queryByRole('button', { name: /^Make primary/ })).toBeNull();
    expect(within(card('ada@example.org')).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.getByText('Only a confirmed address can be primary.')).toBeTruthy();
  });

  // Found in the 2026-12-06 review: every card has the same buttons, and Tab through them said "Remove,
  // Make primary, Remove, …" without the address; each button's name now ends with its card's address.
  it('each card\'s buttons name the address they act on, and the visible label stays short', async () => {
    await addresses();
    const cards = screen.getAllByRole('listitem').filter((li) => li.classList.contains('address'));
    expect(cards.length).toBeGreaterThan(1);
    let seen = 0;
    for (const li of cards) {
      const email = within(li).getByRole('heading', { level: 3 }).textContent!;
      const buttons = within(li).queryAllByRole('button');
      seen += buttons.length;
      expect(within(li).queryAllByRole('button', { name: (name) => name.endsWith(` ${email}`) })).toEqual(buttons);
      for (const button of buttons) expect(button.querySelector('.visually-hidden')?.textContent?.trim()).toBe(email);
    }
    expect(seen).toBeGreaterThan(3);
    const work = card('ada.lovelace@work.example');
    fireEvent.click(within(work).getByRole('button', { name: 'Remove ada.lovelace@work.example' }));
    expect(within(work).getByRole('button', { name: 'Remove ada.lovelace@work.example' })).toBe(document.activeElement);
  });

  it('adds an address, resends, makes a verified one primary, and removes one', async () => {
    const { actions } = await addresses();
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: 'ada@new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    await screen.findByText(across('Added. A confirmation e-mail is on its way to ada@new.example.'));
    expect(within(card('ada@new.example')).getByText('Not confirmed')).toBeTruthy();
    fireEvent.click(within(card('ada@new.example')).getByRole('button', { name: 'Resend confirmation ada@new.example' }));
    await screen.findByText(across('Confirmation e-mail sent again to ada@new.example.'));
    fireEvent.click(within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    await screen.findByText(across('ada.lovelace@work.example is now your primary address.'));
    expect(within(card('ada.lovelace@work.example')).getByText('Primary')).toBeTruthy();
    expect(within(card('ada@example.org')).queryByText('Primary')).toBeNull();
    fireEvent.click(within(card('ada@example.org')).getByRole('button', { name: 'Remove ada@example.org' }));
    fireEvent.click(within(card('ada@example.org')).getByRole('button', { name: 'Remove ada@example.org' }));
    await screen.findByText(across('Removed ada@example.org.'));
    expect(actions.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['addEmail', 'resendEmail', 'makePrimaryEmail', 'removeEmail']));
  });

  it('a second resend within Badgr\'s five minutes says how long to wait, not "too many sign-in attempts"', async () => {
    await addresses();
    const resend = () => fireEvent.click(within(card('ada@old-school.example')).getByRole('button', { name: 'Resend confirmation ada@old-school.example' }));
    resend();
    await screen.findByText(across('Confirmation e-mail sent again to ada@old-school.example.'));
    resend();
    await waitFor(() => expect(document.querySelector('.addresses-screen .notice')?.textContent).toMatch(/5 minutes/));
    const note = document.querySelector('.addresses-screen .notice')!;
    expect(note.textContent).not.toMatch(/sign-in/i);
    expect(note.textContent).toContain('The backpack asks Lanyard to wait: try again in 5 minutes.');
  });

  it('while the backpack confirms a new primary, the pressed button says so and keeps focus, and no other change is sent', async () => {
    const { actions } = await addresses({ latencyMs: 60 });
    // The screen's title takes focus first (after its render), as it does before a user can press anything.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('E-mail addresses'));
    const primary = within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' });
    primary.focus();
    fireEvent.click(primary);
    await waitFor(() => expect(primary.textContent).toBe('Making primary… ada.lovelace@work.example'));
    expect(primary.getAttribute('aria-disabled')).toBe('true');
    expect(primary.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(primary);
    expect(primary).toBe(within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Making primary… ada.lovelace@work.example' }));
    // A second press, and a press on another card, while it runs: nothing is sent.
    fireEvent.click(primary);
    const resend = within(card('ada@old-school.example')).getByRole('button', { name: 'Resend confirmation ada@old-school.example' });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(resend);
    await screen.findByText(across('ada.lovelace@work.example is now your primary address.'));
    expect(actions.calls.filter((c) => c.name === 'makePrimaryEmail')).toHaveLength(1);
    expect(actions.calls.some((c) => c.name === 'resendEmail')).toBe(false);
    expect(resend.getAttribute('aria-disabled')).toBeNull();
  });

  it('Add waits while a card\'s change runs, and the cards wait while an address is added (the later list overwrote the other\'s)', async () => {
    const { actions } = await addresses({ latencyMs: 60 });
    const field = screen.getByLabelText('Add an address');
    const add = screen.getByRole('button', { name: 'Add and send confirmation' });
    fireEvent.click(within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    await within(card('ada.lovelace@work.example')).findByRole('button', { name: 'Making primary… ada.lovelace@work.example' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    fireEvent.input(field, { target: { value: 'ada@new.example' } });
    fireEvent.click(add);
    await screen.findByText(across('ada.lovelace@work.example is now your primary address.'));
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
    expect(add.getAttribute('aria-disabled')).toBeNull();

    fireEvent.click(add);
    const resend = within(card('ada@old-school.example')).getByRole('button', { name: 'Resend confirmation ada@old-school.example' });
    await waitFor(() => expect(resend.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(resend);
    await screen.findByText(across('Added. A confirmation e-mail is on its way to ada@new.example.'));
    expect(actions.calls.filter((c) => c.name === 'addEmail')).toHaveLength(1);
    expect(actions.calls.some((c) => c.name === 'resendEmail')).toBe(false);
  });

  it('a new change clears the last one\'s note while it runs', async () => {
    await addresses({ latencyMs: 60 });
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: 'ada@new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    await screen.findByText(across('Added. A confirmation e-mail is on its way to ada@new.example.'));
    fireEvent.click(within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' }));
    await within(card('ada.lovelace@work.example')).findByRole('button', { name: 'Making primary… ada.lovelace@work.example' });
    expect(screen.queryByText(across('Added. A confirmation e-mail is on its way to ada@new.example.'))).toBeNull();
    await screen.findByText(across('ada.lovelace@work.example is now your primary address.'));
  });

  it('a 403 from the backpack shows its reason on the address field, not "sign in again"', async () => {
    const { actions } = await addresses();
    const reason = 'This function only available to authenticated users with confirmed email addresses.';
    actions.addEmail = async () => ({ ok: false, error: { code: 'REJECTED', message: `Adding the address was refused for this account (HTTP 403): ${reason}` } });
    const field = screen.getByLabelText('Add an address');
    fireEvent.input(field, { target: { value: 'ada@new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(reason);
    expect(alert.textContent).not.toMatch(/sign in/i);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The field is described by the server's reason (WCAG 3.3.1): a screen reader on the field hears why.
    expect(alert.id).toBeTruthy();
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
  });

  it('a 403 on making an address primary shows the server\'s reason, and the card\'s button is described by it', async () => {
    const { actions } = await addresses();
    const reason = 'This function only available to authenticated users with confirmed email addresses.';
    actions.makePrimaryEmail = async () => ({ ok: false, error: { code: 'REJECTED', message: `Making the address primary was refused for this account (HTTP 403): ${reason}` } });
    const button = within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(reason);
    expect(alert.textContent).not.toMatch(/sign in/i);
    const still = within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' });
    expect(alert.id).toBeTruthy();
    expect(still.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    // Another card is not described by it.
    expect(screen.getByLabelText('Add an address').getAttribute('aria-describedby')).toBeNull();
  });

  it('after a refused change the list is read again: an address removed on the backpack\'s own site meanwhile leaves the screen', async () => {
    const { actions } = await addresses();
    const listed = await actions.listEmails('badgr-us');
    if (!listed.ok) throw new Error('the mock lists addresses');
    // Removed elsewhere (another device, the backpack's site): Badgr answers 404 for its id.
    actions.listEmails = async () => ({ ok: true, value: listed.value.filter((e) => e.email !== 'ada@old-school.example') });
    actions.removeEmail = async () => ({ ok: false, error: { code: 'REJECTED', message: 'Removing the address was refused (HTTP 404)' } });
    const old = card('ada@old-school.example');
    fireEvent.click(within(old).getByRole('button', { name: 'Remove ada@old-school.example' }));
    fireEvent.click(within(old).getByRole('button', { name: 'Remove ada@old-school.example' }));
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 404');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'ada@old-school.example' })).toBeNull());
    expect(screen.getByRole('alert').textContent).toContain('HTTP 404');
  });

  it('before removing an address badges were issued to, the question says they leave the backpack (badgr-server detaches them)', async () => {
    await addresses();
    const work = card('ada.lovelace@work.example');
    fireEvent.click(within(work).getByRole('button', { name: 'Remove ada.lovelace@work.example' }));
    expect(within(work).getByRole('group', { name: 'Remove this address? Badges issued to it leave your backpack (Lanyard holds 2 of them).' })).toBeTruthy();
    fireEvent.keyDown(within(work).getByRole('group'), { key: 'Escape' });
  });

  it('a pending badge whose recipient the backpack spells in other letter case waits under that address\'s card', async () => {
    // badgr-server lists a badge issued to `Ada@Old-School.example` as pending for `ada@old-school.example`
    // (its own comparison, and its case variants); the badge's recipient is the listing's spelling.
    const pending = seedBadges().views.filter((b) => b.pending).map((b) => ({ ...b, recipient: b.recipient!.toUpperCase() }));
    expect(pending.length).toBeGreaterThan(0);
    renderWithEnv(<AddressesScreen account={mockAccounts()[0]} accountId="badgr-us" badges={pending} onSync={() => undefined} />);
    await screen.findByRole('heading', { level: 2, name: 'E-mail addresses' });
    expect(within(card('ada@old-school.example')).getByText(`Badges waiting for this address: ${pending.length}.`)).toBeTruthy();
  });

  it('an address is the backpack\'s words: its bidi controls are shown, not obeyed (a hostile backpack\'s RLO reversed it)', async () => {
    const actions = createMockActions();
    actions.listEmails = async () => ({ ok: true, value: [{ id: '1', email: 'ada@\u202Eelpmaxe.org', verified: true, primary: true, badgeCount: 0 }] });
    renderWithEnv(<AddressesScreen account={mockAccounts()[0]} accountId="badgr-us" badges={[]} onSync={() => undefined} />, actions);
    const heading = await screen.findByRole('heading', { level: 3 });
    expect(heading.textContent).not.toContain('\u202E');
    expect(heading.textContent).toContain('\u27E8RLO\u27E9');
  });

  it('addresses listed without ids (a server without the v1 address API) are shown with no change offered, and say where to change them', async () => {
    const actions = createMockActions();
    actions.listEmails = async () => ({ ok: true, value: [
      { id: '', email: 'ada@example.org', verified: true, primary: true, badgeCount: 1 },
      { id: '', email: 'ada@old-school.example', verified: false, primary: false, badgeCount: 0 },
    ] });
    renderWithEnv(<AddressesScreen account={mockAccounts()[0]} accountId="badgr-us" badges={[]} onSync={() => undefined} />, actions);
    await screen.findByRole('heading', { level: 3, name: 'ada@old-school.example' });
    expect(within(card('ada@old-school.example')).queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('Add an address')).toBeNull();
    expect(screen.getByText(/does not let Lanyard change them/).textContent).toContain('Canvas Credentials (US)');
  });

  it('an address the message validator would refuse (a local part over 64 characters, RFC 5321 §4.5.3.1.1) is said to be invalid, not an internal error', async () => {
    const { actions } = await addresses();
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: `${'a'.repeat(65)}@example.org` } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a valid e-mail address.');
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
  });

  it('refuses an invalid address before asking the server', async () => {
    const { actions } = await addresses();
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: 'not-an-address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a valid e-mail address.');
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
  });

  it('an address Badgr will not register (another account confirmed it) is said in words, on the field', async () => {
    await addresses();
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: 'grace@taken.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    await waitFor(() => expect(document.querySelector('.addresses-screen .notice')?.textContent).toContain('The backpack would not add this address: another account has confirmed it, or this account already has it.'));
    expect(screen.getByLabelText('Add an address').getAttribute('aria-invalid')).toBe('true');
  });

  it('an address already on the account is refused here, in words (Badgr answers a bare HTTP 400)', async () => {
    const { actions } = await addresses();
    fireEvent.input(screen.getByLabelText('Add an address'), { target: { value: ' Ada@Example.org ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and send confirmation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That address is already on your account.');
    expect(screen.getByLabelText('Add an address').getAttribute('aria-invalid')).toBe('true');
    expect(actions.calls.some((c) => c.name === 'addEmail')).toBe(false);
  });
});

describe('settings', () => {
  async function settings(options: Parameters<typeof renderApp>[0] = {}) {
    const r = renderApp(options);
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    return r;
  }

  it('turns verify-on-hover on without asking for any site, then for this site only (issue 12 point 6)', async () => {
    const { actions } = await settings();
    const toggle = screen.getByRole('switch', { name: /Check badge links/ }) as HTMLInputElement;
    fireEvent.click(toggle);
    await screen.findByText('Saved.');
    expect(actions.calls.find((c) => c.name === 'setHoverVerify')?.args).toEqual([true]);
    expect(toggle.checked).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Verify badges on blog.example' }));
    await screen.findByRole('button', { name: 'Stop verifying badges on blog.example' });
    expect(actions.calls.find((c) => c.name === 'setHoverSite')?.args).toEqual(['https://blog.example/*', true, false]);
    expect(screen.getByText('Sites with hover verification: 1.')).toBeTruthy();
  });

  it('a refused permission for the site says why, and the site stays off', async () => {
    await settings({ denyPermissions: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify badges on blog.example' }));
    expect((await screen.findByRole('alert')).textContent).toContain('was not given access');
    expect(screen.getByRole('button', { name: 'Verify badges on blog.example' })).toBeTruthy();
  });

  it('saves the sync interval and the LinkedIn organization ids', async () => {
    const { actions } = await settings();
    fireEvent.change(screen.getByRole('combobox', { name: 'Sync my backpacks' }), { target: { value: '360' } });
    await waitFor(() => expect(actions.calls.find((c) => c.name === 'saveSettings')?.args[0]).toEqual({ syncIntervalMinutes: 360 }));
    const rows = screen.getAllByRole('group', { name: /Company page/ });
    const last = rows.at(-1) as HTMLElement;
    fireEvent.input(within(last).getByLabelText('Issuer'), { target: { value: 'River Club' } });
    fireEvent.input(within(last).getByLabelText('Company id'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Each row needs an issuer and an id made of digits.');
    fireEvent.input(within(last).getByLabelText('Company id'), { target: { value: '424242' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'saveSettings').at(-1)?.args[0]).toEqual({ linkedInOrgIds: { 'https://northwind.example.edu/issuer': '1035', 'River Club': '424242' } }));
  });

  it('a company-page row the form refuses: the field at fault is marked, described by the message, and takes focus (it was a bare alert, focus left on Save)', async () => {
    await settings();
    const last = screen.getAllByRole('group', { name: /Company page/ }).at(-1) as HTMLElement;
    const issuer = within(last).getByLabelText('Issuer');
    const id = within(last).getByLabelText('Company id');
    fireEvent.input(issuer, { target: { value: 'River Club' } });
    fireEvent.input(id, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(id));
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(id.getAttribute('aria-describedby')).toBe(alert.id);
    expect(issuer.hasAttribute('aria-invalid')).toBe(false);
    // An id with no issuer: the issuer is the field at fault.
    fireEvent.input(issuer, { target: { value: '' } });
    fireEvent.input(id, { target: { value: '424242' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(issuer));
    expect(issuer.getAttribute('aria-invalid')).toBe('true');
    expect(id.hasAttribute('aria-invalid')).toBe(false);
    expect(within(last).getByRole('combobox', { name: 'Issuer', description: 'Each row needs an issuer and an id made of digits.' })).toBe(issuer);
    // A row removed above it: the rows move up, and no mark is left on a row that was not refused.
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://northwind.example.edu/issuer' }));
    expect(document.querySelector('[aria-invalid]')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  /** From the list, a badge's Share, then "Set the LinkedIn page": the company-page row named `issuer`, checked to hold focus on its id. */
  async function companyRowFromBadge(badge: string, issuer: string): Promise<HTMLElement> {
    await screen.findByRole('listbox');
    fireEvent.click(screen.getAllByRole('option').find((o) => o.textContent?.includes(badge)) as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Share' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Set the LinkedIn page' }));
    await screen.findByRole('heading', { name: 'LinkedIn company pages' });
    const row = screen.getAllByRole('group', { name: /Company page/ }).find((g) => (within(g).getByLabelText('Issuer') as HTMLInputElement).value === issuer) as HTMLElement;
    expect(row).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByLabelText('Company id')));
    return row;
  }

  it('"Set the LinkedIn page" on a badge brings its issuer into the company pages, focus on the id', async () => {
    const { actions } = renderApp();
    const row = await companyRowFromBadge('First Aid at Work', 'Red Cross Training Centre');
    fireEvent.input(within(row).getByLabelText('Company id'), { target: { value: '777' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'saveSettings').at(-1)?.args[0]).toEqual({ linkedInOrgIds: { 'https://northwind.example.edu/issuer': '1035', 'Red Cross Training Centre': '777' } }));
  });

  it('"Set the LinkedIn page" on a badge whose issuer has an id keys the company page by that id, not by the name any issuer can give itself', async () => {
    renderApp();
    await companyRowFromBadge('Web Accessibility Fundamentals', 'https://northwind.example.edu/issuer');
  });

  it('exports and imports a backup', async () => {
    const { actions } = await settings();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await screen.findByText('Saved lanyard-backup.json.');
    const file = new File([JSON.stringify({ badges: [{}, {}, {}] })], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import backup…'), { target: { files: [file] } });
    await screen.findByText('Restored badges: 3. Already here: 0.');
    expect(actions.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['exportBackup', 'importBackup']));
  });

  it('the backup picker is emptied once read, so the same file picked again is read again (Chromium fires no change for an equal pick: test/browser/popup-file-pick.test.ts)', async () => {
    await settings();
    const input = screen.getByLabelText('Import backup…') as HTMLInputElement;
    const set: string[] = [];
    Object.defineProperty(input, 'value', { configurable: true, get: () => '', set: (v: string) => void set.push(v) });
    fireEvent.change(input, { target: { files: [new File(['{"badges":[]}'], 'backup.json', { type: 'application/json' })] } });
    await screen.findByText('Restored badges: 0. Already here: 0.');
    expect(set).toEqual(['']);
  });
});

describe('sign-out that cannot end the session at the provider', () => {
  it('revoked: says it too (the card went with the button pressed, and nothing said the sign-out was done)', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const first = (await screen.findByRole('heading', { name: 'Canvas Credentials (US)' })).closest('li') as HTMLElement;
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    const note = await screen.findByText((_, el) => !!el?.parentElement?.classList.contains('notice') && el.tagName === 'DIV' && /^Signed out of Canvas Credentials \(US\)/.test(el.textContent ?? ''));
    expect(note.textContent).toBe('Signed out of Canvas Credentials (US): Lanyard forgot this account, its sign-in and its badges.');
    expect(note.closest('[aria-live]')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Canvas Credentials (US)' })).toBeNull();
  });

  it.each([
    ['not-offered', /Canvas Credentials \(US\) offers apps no way to end a sign-in/],
    ['failed', /could not reach Canvas Credentials \(US\) to end the sign-in there/],
  ] as const)('%s: says what Lanyard forgot and that the sign-in lives on at the provider', async (revoked, said) => {
    const { actions } = renderApp();
    const signOut = actions.signOut.bind(actions);
    actions.signOut = async (id) => {
      const r = await signOut(id);
      return r.ok ? { ok: true, value: { signedOut: true, revoked, kept: 0 } } : r;
    };
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const first = (await screen.findByRole('heading', { name: 'Canvas Credentials (US)' })).closest('li') as HTMLElement;
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    fireEvent.click(within(first).getByRole('button', { name: /^Sign out for/ }));
    // The provider's name is isolated in its own <bdi> (rtl.test.tsx): the note is the notice's text.
    const note = await screen.findByText((_, el) => !!el?.parentElement?.classList.contains('notice') && el.tagName === 'DIV' && said.test(el.textContent ?? ''));
    expect(note.textContent).toMatch(/Lanyard forgot this account, its sign-in and its badges/);
  });
});

describe('an account without a profile (OB 3.0 getProfile 404)', () => {
  it('is named by its host once, not "host · host"', () => {
    const account = { id: 'ob3-x', kind: 'ob3', providerName: 'Wallet', baseUrl: 'https://wallet.example', user: 'wallet.example', needsSignIn: false, sync: { status: 'idle', done: 0, total: 0 } } as const;
    renderWithEnv(<AccountsScreen accounts={[account]} onAdd={() => undefined} onAddresses={() => undefined} onSignInAgain={() => undefined} onChanged={() => undefined} />);
    const card = screen.getByRole('heading', { name: 'Wallet' }).closest('li') as HTMLElement;
    expect(within(card).getByText('wallet.example')).toBeTruthy();
    expect(card.textContent).not.toContain('wallet.example · wallet.example');
  });
});
