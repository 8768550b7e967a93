// @vitest-environment jsdom
/**
 * The sync failure under the header, found in a review of the popup: it took about 80 px on every
 * screen, could not be put away (with the filters open the list showed a row and a half), and on
 * Accounts it said again what the account's card says. Now: one line, "Details" shows it whole,
 * "Hide" puts it away until the popup closes, and Accounts says it on the card alone. It is still
 * announced once (sync-announce.test.tsx) and every control is a button, reached by Tab.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useState } from 'preact/hooks';
import type { StateReply } from '../../src/messaging/protocol.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { StatusBar } from '../../src/popup/ui/StatusBar.tsx';
import { loadPopupStyles, renderApp, renderWithEnv } from './render.tsx';

beforeAll(loadPopupStyles);
afterEach(cleanup);

// The dataset's "Open Climate Academy wallet" could not be reached at its last sync.
const FAILURE = /^Open Climate Academy wallet could not sync: /;
const bar = () => screen.queryAllByTestId('sync-failure');
const nav = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('the sync failure under the header', () => {
  it('is one line, and "Details" shows the whole sentence', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const [text] = bar();
    expect(text?.textContent).toMatch(FAILURE);
    expect(getComputedStyle(text!).whiteSpace).toBe('nowrap');
    expect(getComputedStyle(text!).textOverflow).toBe('ellipsis');
    const line = text!.parentElement!;
    const details = within(line).getByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(details.getAttribute('aria-controls')).toBe(text!.id);
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(getComputedStyle(text!).whiteSpace).toBe('normal');
    // The whole sentence is in the page either way.
    expect(text!.textContent).toMatch(/Lanyard will try again/);
  });

  it('"Hide" puts it away for as long as the popup is open, focus stays on the screen; Accounts still says it, on the card', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const hide = within(bar()[0]!.parentElement!).getByRole('button', { name: 'Hide' });
    hide.focus();
    fireEvent.click(hide);
    await waitFor(() => expect(bar()).toHaveLength(0));
    await waitFor(() => expect(document.activeElement?.closest('main')).not.toBeNull());
    nav('Settings');
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    expect(bar()).toHaveLength(0);
    nav('Accounts');
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
    const card = screen.getByRole('heading', { level: 3, name: 'Open Climate Academy wallet' }).closest('li')!;
    expect(card.textContent).toMatch(/Last sync failed|could not be reached/);
  });

  it('on Accounts the bar does not repeat what the account\'s card says', async () => {
    renderApp();
    await screen.findByRole('listbox');
    expect(bar()).toHaveLength(1);
    nav('Accounts');
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
    expect(bar()).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 3, name: 'Open Climate Academy wallet' }).closest('li')!.querySelector('.notice-error')).not.toBeNull();
    // Back on another screen, it shows again (it was not hidden).
    nav('Settings');
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    expect(bar()).toHaveLength(1);
  });

  it('hidden, it stays hidden as the state is read again; a new failure shows again, and is said once', async () => {
    const failing = (code: string, minutes: number): StateReply =>
      ({ accounts: [{ id: 'a', kind: 'badgr', providerName: 'Test backpack', baseUrl: 'https://bp.example', user: 'ada', needsSignIn: false, sync: { status: 'error', done: 1, total: 2, error: { code, message: 'x' }, retryAt: new Date(MOCK_NOW + minutes * 60_000).toISOString() } }], badgeCount: 1 }) as unknown as StateReply;
    function Bar() {
      const [state, setState] = useState(failing('UNREACHABLE', 5));
      return (
        <>
          <button type="button" onClick={() => setState({ ...failing('UNREACHABLE', 5) })}>same</button>
          <button type="button" onClick={() => setState(failing('SERVER_ERROR', 10))}>new</button>
          <StatusBar online state={state} />
        </>
      );
    }
    renderWithEnv(<Bar />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(bar()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'same' }));
    expect(bar()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'new' }));
    await waitFor(() => expect(bar()).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('sync-announce').textContent).toBe(bar()[0]!.textContent));
  });

  // Found in the 2026-12-06 review: with two backpacks failing, Tab met "Details", "Hide", "Details", "Hide", none saying which.
  it('each button is described by the failure it is about', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const [text] = bar();
    const line = text!.parentElement!;
    for (const name of ['Details', 'Hide']) {
      const described = within(line).getByRole('button', { name }).getAttribute('aria-describedby');
      expect(described, name).toBe(text!.id);
      expect(document.getElementById(described!)?.textContent).toMatch(FAILURE);
    }
  });
});
