// @vitest-environment jsdom
/**
 * What the popup says to screen readers is said once (WCAG 4.1.3 Status Messages), found by the
 * accessibility review: an import from "Add a badge" said nothing (its answer went with its screen,
 * as the badge page opened with focus on the name); the first sync's "Getting your badges…" was
 * read twice, as the heading focus lands on and as the sync's announcement.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messaging/views.ts';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, renderApp, t } from './render.tsx';

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

  it('the first sync: "Getting your badges…" is read as the heading focus lands on, not announced as well; its end is', async () => {
    // A backpack whose first sync takes a moment: the list is empty (syncing), then has a badge (as in focus.test.tsx).
    const mock = createMockActions({ scenario: 'first-run' });
    const one = await createMockActions().listBadges(1);
    const state = await mock.getState();
    if (!one.ok || !state.ok) throw new Error('the mock answers');
    let phase: 'first-run' | 'syncing' | 'done' = 'first-run';
    let reads = 0;
    const account: AccountView = { id: 'acct', kind: 'badgr', providerName: 'Canvas Credentials', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', needsSignIn: false, sync: { status: 'syncing', done: 0, total: 1 } };
    const actions = {
      ...mock,
      signIn: async () => ((phase = 'syncing'), { ok: true as const, value: account }),
      getState: async () => {
        if (phase === 'syncing' && ++reads > 2) phase = 'done';
        const accounts = phase === 'first-run' ? [] : [{ ...account, sync: phase === 'done' ? { status: 'idle' as const, done: 1, total: 1, lastSyncedAt: '2026-12-05T00:00:00Z' } : account.sync }];
        return { ok: true as const, value: { ...state.value, accounts, badgeCount: phase === 'done' ? 1 : 0 } };
      },
      listBadges: async () => ({ ok: true as const, value: phase === 'done' ? one.value.map((b) => ({ ...b, accountId: 'acct' })) : [] }),
    };
    render(<App actions={actions} t={t} locale="en" now={now} />);
    // Every text the sync's live region takes.
    const region = screen.getByTestId('sync-announce');
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'lanyard-demo' } });
    const signIn = screen.getByRole('button', { name: 'Sign in' });
    signIn.focus();
    fireEvent.click(signIn);
    const waiting = await screen.findByRole('heading', { name: 'Getting your badges…' });
    await waitFor(() => expect(focused()).toBe(waiting));
    await screen.findByRole('listbox', { name: 'Your badges' }, { timeout: 5000 });
    await waitFor(() => expect(region.textContent).toBe('Sync finished: your badges are up to date.'));
    expect(said.filter(Boolean)).toEqual(['Sync finished: your badges are up to date.']);
  });
});
