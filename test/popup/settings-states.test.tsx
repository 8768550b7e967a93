// @vitest-environment jsdom
/**
 * Settings' loading and error states (session 28 review). The popup reopens where it was (resume.ts)
 * and "Import backup…" opens Settings in a tab (App `start`): either way Settings mounts before the
 * first state reply. It kept the settings it mounted with (none), so it said "Settings are not
 * available right now." for good, with no heading to land on and no way to try again. Now it waits
 * ("Loading…" past 400 ms, ui/Loading.tsx), shows the settings once they arrive, and when they
 * cannot be read says so under its own heading, which takes focus, with "Try again".
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

describe('Settings before, without and after the state', () => {
  it('opened before the first state reply, shows the settings once they arrive', async () => {
    const actions = createMockActions({ latencyMs: 800 });
    render(<App actions={actions} t={t} locale="en" now={now} start="settings" />);
    expect(await screen.findByRole('combobox', { name: 'Sync my backpacks' }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByText('Settings are not available right now.')).toBeNull();
  });

  it('when the state cannot be read: its heading, focused, the reason, and Try again', async () => {
    const actions = createMockActions({ scenario: 'broken' });
    render(<App actions={actions} t={t} locale="en" now={now} start="settings" />);
    const heading = await screen.findByRole('heading', { name: 'Settings', level: 2 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Settings are not available right now.')).toBeTruthy();
    const before = actions.calls.filter((c) => c.name === 'getState').length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'getState').length).toBeGreaterThan(before));
  });
});
