// @vitest-environment jsdom
/**
 * Keyboard users keep their place: Escape cancels an inline confirmation and returns to the button
 * that asked, and a control that goes away under focus (a signed-out account, a removed address,
 * "Clear filters") hands focus to something sensible, never to the page's body (WCAG 2.4.3, 2.1.1).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { firstSyncActions, signInToBadgr } from './first-sync.ts';
import { now, renderApp, t } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;
const card = (name: string) => screen.getByRole('heading', { name }).closest('li') as HTMLElement;

async function accounts() {
  const r = renderApp();
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
  await screen.findByRole('heading', { name: 'Canvas Credentials (US)' });
  return r;
}

describe('focus', () => {
  it('Escape cancels "Sign out?" and focus returns to Sign out; nothing is signed out', async () => {
    const { actions } = await accounts();
    const open = within(card('Canvas Credentials (US)')).getByRole('button', { name: /^Sign out for/ });
    open.focus();
    fireEvent.click(open);
    const group = within(card('Canvas Credentials (US)')).getByRole('group');
    await waitFor(() => expect(group.contains(focused())).toBe(true));
    fireEvent.keyDown(focused(), { key: 'Escape' });
    await waitFor(() => expect(within(card('Canvas Credentials (US)')).queryByRole('group')).toBeNull());
    await waitFor(() => expect(focused().textContent).toBe('Sign out for Canvas Credentials (US) (ada@example.org · api.badgr.io)'));
    expect(card('Canvas Credentials (US)').contains(focused())).toBe(true);
    expect(actions.calls.some((c) => c.name === 'signOut')).toBe(false);
  });

  it('after signing out, focus goes to the Accounts heading, not the page', async () => {
    await accounts();
    fireEvent.click(within(card('Canvas Credentials (US)')).getByRole('button', { name: /^Sign out for/ }));
    fireEvent.click(within(card('Canvas Credentials (US)')).getByRole('button', { name: /^Sign out for/ }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Canvas Credentials (US)' })).toBeNull());
    await waitFor(() => expect(focused()).toBe(screen.getByRole('heading', { level: 2, name: 'Accounts' })));
  });

  it('after making an address primary focus stays on its card (its address, now marked Primary); after removing one, on the screen', async () => {
    await accounts();
    fireEvent.click(screen.getByRole('button', { name: /^E-mail addresses for/ }));
    const title = await screen.findByRole('heading', { level: 2, name: 'E-mail addresses' });
    const primary = within(card('ada.lovelace@work.example')).getByRole('button', { name: 'Make primary ada.lovelace@work.example' });
    primary.focus();
    fireEvent.click(primary);
    await screen.findByText(across('ada.lovelace@work.example is now your primary address.'));
    // Not the screen's title: the keyboard user stays where they were, on the card that changed.
    await waitFor(() => expect(focused()).toBe(screen.getByRole('heading', { level: 3, name: 'ada.lovelace@work.example' })));
    expect(within(card('ada.lovelace@work.example')).getByText('Primary')).toBeTruthy();
    fireEvent.click(within(card('ada@example.org')).getByRole('button', { name: 'Remove ada@example.org' }));
    fireEvent.click(within(card('ada@example.org')).getByRole('button', { name: 'Remove ada@example.org' }));
    await screen.findByText(across('Removed ada@example.org.'));
    await waitFor(() => expect(focused()).toBe(title));
  });

  it('"Clear filters" leaves focus in the filters; "Clear all" under "nothing matches" moves it to the list', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Verification' }), { target: { value: 'invalid' } });
    const clear = screen.getByRole('button', { name: 'Clear filters' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull());
    await waitFor(() => expect(screen.getByRole('group', { name: 'Filters' }).contains(focused())).toBe(true));

    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no badge is called this' } });
    const all = await screen.findByRole('button', { name: 'Show all badges' });
    all.focus();
    fireEvent.click(all);
    await waitFor(() => expect(focused()).toBe(screen.getByRole('listbox')));
  });

  it('Escape in the filters closes them and returns focus to the Filters button', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const toggle = screen.getByRole('button', { name: 'Filters' });
    fireEvent.click(toggle);
    const verdict = screen.getByRole('combobox', { name: 'Verification' });
    verdict.focus();
    fireEvent.keyDown(verdict, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(toggle);
  });

  it('Escape on the Filters button closes the open panel, and the panel is the next Tab stop after the button', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const toggle = screen.getByRole('button', { name: 'Filters' });
    fireEvent.click(toggle);
    const panel = screen.getByRole('group', { name: 'Filters' });
    // Tab order is document order here (no positive tabindex): nothing tabbable between the button and the panel.
    const tabbable = [...document.querySelectorAll<HTMLElement>('button, select, input, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => !el.hasAttribute('disabled'));
    const next = tabbable[tabbable.indexOf(toggle) + 1]!;
    expect(panel.contains(next), `next Tab stop: ${next.outerHTML.slice(0, 80)}`).toBe(true);
    toggle.focus();
    fireEvent.keyDown(toggle, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(toggle);
  });
});

describe('"Check all badges again" on Accounts', () => {
  it('says it is checking, ignores a second press meanwhile, then says it is done', async () => {
    const { actions } = renderApp({ latencyMs: 60 });
    await screen.findByRole('listbox', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const button = await screen.findByRole('button', { name: 'Check all badges again' }, { timeout: 3000 });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect((await screen.findByRole('status', {}, { timeout: 3000 })).textContent).toBe('Checked again.');
    expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(1);
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('LinkedIn organization ids in Settings', () => {
  it('removing a row (×) moves focus to the issuer field of the row in its place', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Settings' });
    await waitFor(() => expect(focused()).toBe(title));
    const first = screen.getAllByRole('group', { name: /Company page/ })[0] as HTMLElement;
    const remove = within(first).getByRole('button', { name: /Remove/ });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(screen.getAllByRole('group', { name: /Company page/ })).toHaveLength(1));
    const left = screen.getAllByRole('group', { name: /Company page/ })[0] as HTMLElement;
    await waitFor(() => expect(focused()).toBe(within(left).getByLabelText('Issuer')));
  });
});

describe('welcome', () => {
  it('"Other ways to start" returns focus to the way that was chosen (first run too)', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
    await waitFor(() => expect(focused()).toBe(title));
    const back = screen.getByRole('button', { name: 'Other ways to start' });
    back.focus();
    fireEvent.click(back);
    const choice = await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ });
    await waitFor(() => expect(focused()).toBe(choice));
  });
});

describe('signed in', () => {
  it('a first-run sign-in lands on the badge list, not on the page (the form that held focus is gone)', async () => {
    renderApp({ scenario: 'first-run' });
    await signInToBadgr();
    const list = await screen.findByRole('listbox', { name: 'Your badges' });
    await waitFor(() => expect(focused()).toBe(list));
  });

  it('the first sync\'s "Getting your badges…" holds focus, then hands it to the list that replaces it', async () => {
    // A backpack whose first sync takes a moment: the list is empty (syncing), then has a badge.
    const actions = await firstSyncActions();
    render(<App actions={actions} t={t} locale="en" now={now} />);
    await signInToBadgr();
    const waiting = await screen.findByRole('heading', { name: 'Getting your badges…' });
    await waitFor(() => expect(focused()).toBe(waiting));
    const list = await screen.findByRole('listbox', { name: 'Your badges' }, { timeout: 5000 });
    await waitFor(() => expect(focused()).toBe(list));
  });

  it('signing in to another backpack lands on the list too', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a backpack' }));
    await signInToBadgr();
    const list = await screen.findByRole('listbox', { name: 'Your badges' });
    await waitFor(() => expect(focused()).toBe(list));
  });
});

describe('loading', () => {
  it('a slow badge page shows nothing for a moment (no flash), then says "Loading…"', async () => {
    renderApp({ latencyMs: 900 });
    const row = await screen.findByText('Web Accessibility Fundamentals', {}, { timeout: 4000 });
    fireEvent.click(row);
    await new Promise((r) => setTimeout(r, 150));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect((await screen.findByText('Loading…', {}, { timeout: 1500 })).getAttribute('role')).toBe('status');
    await screen.findByRole('heading', { name: 'Verification' }, { timeout: 4000 });
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});

describe('after a badge is removed, or an import finishes', () => {
  it('removing a badge from its page lands on the list, on the badge that took its place', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const rows = () => within(screen.getByRole('listbox')).getAllByRole('option');
    const at = rows().findIndex((r) => r.textContent?.includes('Open Source Contributor'));
    const next = rows()[at + 1]?.querySelector('.row-name')?.textContent;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(next).toBeTruthy();
    fireEvent.click(rows()[at]!);
    const remove = await screen.findByRole('button', { name: 'Remove from Lanyard' });
    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(focused().getAttribute('role')).toBe('listbox'));
    const active = document.getElementById(focused().getAttribute('aria-activedescendant') ?? '');
    expect(active?.querySelector('.row-name')?.textContent).toBe(next);
    expect(screen.queryByText('Open Source Contributor')).toBeNull();
  });

  it('removing the only badge a search found lands on the search box, not on the page\'s body', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Open Source Contributor' } });
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(1));
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option'));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove from Lanyard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    // The list took focus, then went with the badge ("No badge matches"): focus fell to the body.
    await screen.findByText('No badge matches your search or filters.');
    await waitFor(() => expect(focused()).toBe(screen.getByRole('searchbox')));
  });

  it('a badge imported from Add a badge opens its page, focus on its name', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.input(await screen.findByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    const title = await waitFor(() => {
      const h = screen.getByRole('heading', { level: 2 });
      expect(h.textContent).not.toBe('Add a badge');
      return h;
    });
    await waitFor(() => expect(focused()).toBe(title));
  });
});
