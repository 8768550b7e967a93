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
});
