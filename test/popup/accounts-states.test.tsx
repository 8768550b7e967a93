// @vitest-environment jsdom
/**
 * Accounts, an account's addresses and "Can't find a badge?" say what they say from the accounts
 * (session 28 review). Opened before the state's first reply (a slow worker start: the bar is there
 * at once), Accounts said "No backpack connected yet." and the guide "You are not signed in to a
 * backpack", though both were; and when the state could not be read they went on saying it. Now they
 * wait (ui/Loading.tsx), and an unreadable state is an error under its own heading, with Try again.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

describe('the screens made of the accounts, before and without the state', () => {
  it('Accounts opened before the first reply: no false "No backpack connected yet", then the accounts', async () => {
    const actions = createMockActions({ latencyMs: 600 });
    render(<App actions={actions} t={t} locale="en" now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const seen: string[] = [];
    const watch = setInterval(() => seen.push(document.querySelector('main')?.textContent ?? ''), 20);
    await screen.findByRole('heading', { name: 'Canvas Credentials (US)' }, { timeout: 4000 });
    clearInterval(watch);
    expect(seen.filter((s) => s.includes('No backpack connected yet'))).toEqual([]);
  });

  it('"Can\'t find a badge?" opened before the first reply: no false "not signed in"', async () => {
    const actions = createMockActions({ latencyMs: 600 });
    render(<App actions={actions} t={t} locale="en" now={now} />);
    fireEvent.click(screen.getByRole('button', { name: "Can't find a badge?" }));
    const seen: string[] = [];
    const watch = setInterval(() => seen.push(document.querySelector('main')?.textContent ?? ''), 20);
    await waitFor(() => expect(actions.calls.some((c) => c.name === 'getState')).toBe(true));
    await new Promise((r) => setTimeout(r, 1500));
    clearInterval(watch);
    expect(seen.filter((s) => /not signed in/i.test(s))).toEqual([]);
  });

  it('when the state cannot be read, Accounts says so under its heading, focused, with Try again', async () => {
    const actions = createMockActions({ scenario: 'broken' });
    render(<App actions={actions} t={t} locale="en" now={now} />);
    await screen.findByRole('heading', { name: "Lanyard can't load your badges" });
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const heading = await screen.findByRole('heading', { name: 'Your accounts could not be loaded' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByText('No backpack connected yet.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
