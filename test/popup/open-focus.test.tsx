// @vitest-environment jsdom
/**
 * Opening the popup on the list puts focus on its search box, where arriving from another screen
 * while the list loads puts it (App.tsx): typing searches and ArrowDown goes into the badges at once.
 * Focus stayed on the page's body, and a keyboard user Tabbed past the header, the sync notice's
 * buttons and the search box first (walkff29's finding; WCAG 2.4.3 focus order, 2.1.1 keyboard).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

describe('opening the popup', () => {
  it('on the list with badges, focus is on the search box and ArrowDown goes into the list', async () => {
    renderApp();
    const list = await screen.findByRole('listbox');
    const search = screen.getByRole('searchbox');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(list));
  });

  it('on the first run\'s welcome, focus is on its heading (session 28: it stayed on the body, Tab went through the bar first)', async () => {
    renderApp({ scenario: 'first-run' });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Welcome to Lanyard' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('choosing a way to add a backpack puts focus on that way\'s heading (each way has its own title: WelcomeScreen keys it)', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a backpack' }));
    await screen.findByRole('heading', { level: 2, name: 'Add a backpack' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
    await waitFor(() => expect(document.activeElement).toBe(title));
  });
});
