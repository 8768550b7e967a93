// @vitest-environment jsdom
/**
 * "Add a badge" (the header's "+") on the first run, with no account and no badge: it opens the
 * welcome's "Just this browser", as that choice does. Before, it pushed the same screen again: on
 * "Just this browser" it only added a Back arrow, the content unchanged (a Firefox walk, Chromium too).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const plus = () => screen.getByRole('button', { name: 'Add a badge' });
const heading = () => screen.getByRole('heading', { level: 2 });

describe('"+" on the first run', () => {
  it('on "Just this browser": nothing pushed, no Back arrow; the button says it is the current page, and what was typed stays', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const field = (await screen.findByLabelText(/Or paste/)) as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: 'https://badges.example.org/assertions/1' } });
    fireEvent.click(plus());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    expect(heading().textContent).toBe('Just this browser');
    expect(plus().getAttribute('aria-current')).toBe('page');
    expect((screen.getByLabelText(/Or paste/) as HTMLTextAreaElement).value).toBe('https://badges.example.org/assertions/1');
  });

  it('on the welcome’s choices: opens "Just this browser", focus on its heading, as that choice does; "Other ways to start" goes back', async () => {
    renderApp({ scenario: 'first-run' });
    await screen.findByRole('heading', { level: 2, name: 'Welcome to Lanyard' });
    expect(plus().getAttribute('aria-current')).toBeNull();
    fireEvent.click(plus());
    const title = await screen.findByRole('heading', { level: 2, name: 'Just this browser' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    expect(plus().getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Other ways to start' }));
    await screen.findByRole('heading', { level: 2, name: 'Welcome to Lanyard' });
    expect(plus().getAttribute('aria-current')).toBeNull();
  });

  it('from Settings: back to the welcome, on "Just this browser", focus on its heading', async () => {
    renderApp({ scenario: 'first-run' });
    await screen.findByRole('heading', { level: 2, name: 'Welcome to Lanyard' });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    fireEvent.click(plus());
    const title = await screen.findByRole('heading', { level: 2, name: 'Just this browser' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });
});
