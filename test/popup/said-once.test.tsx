// @vitest-environment jsdom
/**
 * What the popup says to screen readers is said once (WCAG 4.1.3 Status Messages), found by the
 * accessibility review: an import from "Add a badge" said nothing (its answer went with its screen,
 * as the badge page opened with focus on the name).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;

describe('said once', () => {
  it('an import from "Add a badge": the badge page\'s name, where focus lands, is described by "Added …", once', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.input(await screen.findByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Imported badge', description: 'Added “Imported badge”.' });
    await waitFor(() => expect(focused()).toBe(title));
    // Seen too, and not a live region as well (it would be read a second time).
    const note = document.getElementById(title.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe('Added “Imported badge”.');
    expect(note.closest('[role="status"], [role="alert"], [aria-live]')).toBeNull();
    // Back from Share, the page does not say it again.
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('heading', { level: 2, name: 'Share “Imported badge”' });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('heading', { level: 2, name: 'Imported badge' });
    expect(again.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.queryByText('Added “Imported badge”.')).toBeNull();
  });
});
