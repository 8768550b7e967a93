// @vitest-environment jsdom
/**
 * What the popup says to screen readers is said once (WCAG 4.1.3 Status Messages), found by the
 * accessibility review: an import from "Add a badge" said nothing (its answer went with its screen,
 * as the badge page opened with focus on the name); the first sync's "Getting your badges…" was
 * read twice, as the heading focus lands on and as the sync's announcement; the list's count was
 * read on every key typed in the search box.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import type { BadgeView } from '../../src/messaging/views.ts';
import { COUNT_PAUSE_MS } from '../../src/popup/list/count-announce.ts';
import { EMPTY_QUERY } from '../../src/popup/list/filter.ts';
import { ListScreen } from '../../src/popup/list/ListScreen.tsx';
import { seedBadges } from '../../src/popup/mock-data.ts';
import { firstSyncActions, signInToBadgr } from './first-sync.ts';
import { now, renderApp, renderWithEnv, t } from './render.tsx';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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

  // The first run's "Just this browser" (and "Add a badge" before any badge, which opens it) gave way
  // to the list: its "Added …" went with the welcome, and nothing said the badge was in.
  for (const via of ['the welcome', 'Add a badge'] as const) {
    it(`the first run's import (from ${via}) opens the badge page, its name described by "Added …"`, async () => {
      renderApp({ scenario: 'first-run' });
      if (via === 'the welcome') fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
      else fireEvent.click(await screen.findByRole('button', { name: 'Add a badge' }));
      fireEvent.input(await screen.findByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
      fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
      const title = await screen.findByRole('heading', { level: 2, name: 'Imported badge', description: 'Added “Imported badge”.' });
      await waitFor(() => expect(focused()).toBe(title));
      // Back leads to the list, which now holds it.
      fireEvent.click(screen.getByRole('button', { name: 'Back' }));
      await screen.findByRole('option', { name: /Imported badge/ });
    });
  }

  // Found in the 2026-12-06 review: three files picked at once, all added, opened the last one's page,
  // which said "Added …" of it alone: nothing said the other two were in.
  it('several files all added: the last one\'s page opens, its name described by how many were added, in English and French', async () => {
    const png = (n: string, byte: number) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, byte])], n, { type: 'image/png' });
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [png('kayak.png', 1), png('canoe.png', 2), png('sail.png', 3)] } });
    const title = await screen.findByRole('heading', { level: 2, name: 'sail', description: 'Added “sail”. Badges added in all: 3.' }, { timeout: 3000 });
    await waitFor(() => expect(focused()).toBe(title));
    expect(t('importRunAdded', 3)).toBe('Badges added in all: 3.');
    expect(createTranslator(fr as Messages)('importRunAdded', 3)).toBe('Badges ajoutés en tout\u00a0: 3.');
  });

  it('one file alone says only its own "Added …"', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [new File([new Uint8Array([0x89, 0x50])], 'kayak.png', { type: 'image/png' })] } });
    await screen.findByRole('heading', { level: 2, name: 'kayak', description: 'Added “kayak”.' }, { timeout: 3000 });
  });

  it('the same badge added a second time is said as held already, not "Added" again', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const add = async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
      fireEvent.input(await screen.findByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
      fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    };
    await add();
    await screen.findByRole('heading', { level: 2, name: 'Imported badge', description: 'Added “Imported badge”.' });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('listbox');
    await add();
    const title = await screen.findByRole('heading', { level: 2, name: 'Imported badge', description: 'You already had “Imported badge”: it was checked again, and is kept once.' });
    await waitFor(() => expect(focused()).toBe(title));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((await screen.findAllByRole('option')).filter((o) => o.textContent?.includes('Imported badge'))).toHaveLength(1);
  });

  it('a badge a connected backpack synced already is said as held from that backpack, and its page is the one opened', async () => {
    const { actions } = renderApp();
    const listed = await actions.listBadges();
    const synced = listed.ok ? listed.value.find((b: BadgeView) => b.accountId !== 'local') : undefined;
    expect(synced).toBeDefined();
    actions.importBadge = async () => ({ ok: true, value: { ...synced!, alreadyHeld: true, heldFrom: 'badgr.example\u202e' } });
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    fireEvent.input(await screen.findByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    // The backpack's name is the provider's words: its bidi control shown as a marker, isolated.
    const title = await screen.findByRole('heading', { level: 2, name: synced!.name, description: `You already have “${synced!.name}” from badgr.example⟨RLO⟩: Lanyard keeps that copy, so it was not added a second time.` });
    await waitFor(() => expect(focused()).toBe(title));
  });

  it('the first sync: "Getting your badges…" is read as the heading focus lands on, not announced as well; its end is', async () => {
    const actions = await firstSyncActions();
    render(<App actions={actions} t={t} locale="en" now={now} />);
    // Every text the sync's live region takes.
    const region = screen.getByTestId('sync-announce');
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    await signInToBadgr();
    const waiting = await screen.findByRole('heading', { name: 'Getting your badges…' });
    await waitFor(() => expect(focused()).toBe(waiting));
    await screen.findByRole('listbox', { name: 'Your badges' }, { timeout: 5000 });
    await waitFor(() => expect(region.textContent).toBe('Sync finished: your badges are up to date.'));
    expect(said.filter(Boolean)).toEqual(['Sync finished: your badges are up to date.']);
  });

  it('the list\'s count is said once typing pauses, not on every key', () => {
    vi.useFakeTimers();
    const noop = () => undefined;
    const views = seedBadges().views;
    function Searchable() {
      const [query, setQuery] = useState(EMPTY_QUERY);
      return <ListScreen badges={{ status: 'ready', value: views }} accounts={[]} expected={views.length} query={query} onQuery={setQuery} active={0} onActive={noop} onOpen={noop} onImport={noop} onConnect={noop} onGuide={noop} onRetry={noop} listRef={{ current: null }} />;
    }
    renderWithEnv(<Searchable />);
    const region = screen.getByTestId('count-announce');
    expect(region.getAttribute('role')).toBe('status');
    const shown = document.querySelector('.list-count')!;
    // Not a live region itself, so it is not read as it changes.
    expect(shown.closest('[role="status"], [aria-live]')).toBeNull();
    expect(shown.textContent).toBe('Badges: 9');
    // What shows as the list opens is on screen, not announced.
    act(() => {
      vi.advanceTimersByTime(COUNT_PAUSE_MS * 2);
    });
    expect(region.textContent).toBe('');
    // What the region says, sampled after every key and every moment that passes.
    const said: string[] = [];
    const sample = () => {
      const text = region.textContent ?? '';
      if (text !== (said[said.length - 1] ?? '')) said.push(text);
    };
    const wait = (ms: number) => {
      act(() => {
        vi.advanceTimersByTime(ms);
      });
      sample();
    };
    const search = screen.getByRole('searchbox');
    let typed = '';
    for (const key of 'climate') {
      typed += key;
      fireEvent.input(search, { target: { value: typed } });
      sample();
      wait(COUNT_PAUSE_MS / 5);
    }
    // The count on screen follows each key; nothing was said while typing.
    expect(shown.textContent).toBe('Showing 1 of 9 badges');
    expect(said).toEqual([]);
    wait(COUNT_PAUSE_MS - COUNT_PAUSE_MS / 5 - 1);
    expect(said).toEqual([]);
    wait(1);
    expect(region.textContent).toBe('Showing 1 of 9 badges');
    wait(COUNT_PAUSE_MS * 4);
    expect(said).toEqual(['Showing 1 of 9 badges']);
    // Cleared in one go: said once the pause has passed.
    fireEvent.input(search, { target: { value: '' } });
    sample();
    wait(COUNT_PAUSE_MS);
    expect(said).toEqual(['Showing 1 of 9 badges', 'Badges: 9']);
  });
});
