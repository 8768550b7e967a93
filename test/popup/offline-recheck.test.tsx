// @vitest-environment jsdom
/**
 * Offline, "Check again" and "Check all badges again" check nothing: a check could only fail to
 * reach the issuer and replace each badge's settled result with "not fully verified" (found by
 * the 2026-12-05 walk of the popup). Back online, they check as before. Online with the issuer's
 * server down, the background keeps the last complete result (last-complete.ts) and the page says
 * when it was verified and what could not be reached.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { renderApp, renderWithEnv } from './render.tsx';

const setOnline = (value: boolean) => {
  Object.defineProperty(navigator, 'onLine', { value, configurable: true });
  dispatchEvent(new Event(value ? 'online' : 'offline'));
};

afterEach(() => {
  cleanup();
  setOnline(true);
});

const noop = () => {};

describe('checking again while offline', () => {
  it('a badge keeps its result and the page says why nothing was checked; online again, it is checked', async () => {
    const actions = createMockActions();
    renderWithEnv(<BadgeScreen badgeKey="badgr-us:aB3dE5fG7h" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    const button = await screen.findByRole('button', { name: 'Check again' });
    setOnline(false);
    fireEvent.click(button);
    expect((await screen.findByText(/You're offline, so Lanyard did not check this badge again/)).textContent).toContain('keeps its last result');
    expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(0);
    setOnline(true);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText(/You're offline, so Lanyard/)).toBeNull());
  });

  it('"Check all badges again" checks nothing offline and says so', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const button = await screen.findByRole('button', { name: 'Check all badges again' }, { timeout: 3000 });
    setOnline(false);
    fireEvent.click(button);
    expect(await screen.findByText(/did not check your badges again: each keeps its last result/)).toBeTruthy();
    expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(0);
    setOnline(true);
    fireEvent.click(button);
    expect((await screen.findByRole('status', {}, { timeout: 3000 })).textContent).toContain('Checked again.');
    expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(1);
    expect(screen.queryByText(/did not check your badges again/)).toBeNull();
  });

  it('online with the issuer unreachable, Check again keeps the verdict and says when it was last verified and what could not be reached', async () => {
    const base = createMockActions();
    let unreachable: BadgeDetail['unreachable'];
    const actions = {
      ...base,
      getBadge: async (key: string) => {
        const r = await base.getBadge(key);
        return r.ok && unreachable ? { ...r, value: { ...r.value, unreachable } } : r;
      },
      verify: async (key?: string) => {
        unreachable = { at: new Date(MOCK_NOW - 60_000).toISOString(), hosts: ['api.badgr.io'] };
        return base.verify(key);
      },
    };
    renderWithEnv(<BadgeScreen badgeKey="badgr-us:aB3dE5fG7h" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    expect((await screen.findByRole('status')).textContent).toContain('Lanyard could not reach api.badgr.io, so the badge keeps the result of its last complete check.');
    expect(screen.queryByText('Checked again.')).toBeNull();
    const note = document.querySelector('.last-complete')!.textContent!;
    expect(note).toMatch(/^Last verified 5 minutes ago\. The latest check could not reach api\.badgr\.io at \d{1,2}:\d{2}\s?[AP]M, so this is the result of the last complete check\./);
    expect(screen.queryByText(/^Last checked .* ago\.$/)).toBeNull();
    // Said once, there: the details no longer repeat it (badge.test.tsx).
    expect(screen.queryByText('Last complete check')).toBeNull();
    expect(document.querySelector('.verdict-panel-valid')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(base.calls.filter((c) => c.name === 'verify')).toHaveLength(2));
  });
});
