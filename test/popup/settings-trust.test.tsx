// @vitest-environment jsdom
/** Settings: the per-backpack trust switch (issue 12 point 4) goes through the actions interface and shows what trusting confirms. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

async function settings() {
  const r = renderApp();
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { level: 2, name: 'Settings' });
  return r;
}

describe('trusting a backpack\'s addresses', () => {
  it('is off by default, names the addresses it would confirm, and is saved through setTrust', async () => {
    const { actions } = await settings();
    expect(screen.getByRole('heading', { name: 'Addresses you trust' })).toBeTruthy();
    const toggle = screen.getByRole('switch', { name: 'Trust the addresses Canvas Credentials (US) (ada@example.org) verified' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText('Verified there: ada@example.org, ada.lovelace@work.example')).toBeTruthy();
    // The local backpack has nothing to trust.
    expect(screen.queryByRole('switch', { name: /This browser/ })).toBeNull();
    fireEvent.click(toggle);
    await screen.findByText('Saved. Lanyard is checking your badges again.');
    expect(actions.calls.find((c) => c.name === 'setTrust')?.args).toEqual(['badgr-us', true]);
    await waitFor(() => expect(toggle.checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'setTrust').at(-1)?.args).toEqual(['badgr-us', false]));
    await waitFor(() => expect(toggle.checked).toBe(false));
  });
});
