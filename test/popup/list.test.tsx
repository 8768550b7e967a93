// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_QUERY } from '../../src/popup/list/filter.ts';
import { ListScreen } from '../../src/popup/list/ListScreen.tsx';
import { HOSTILE_NAME, mockAccounts } from '../../src/popup/mock-data.ts';
import { FIRST_SCREEN } from '../../src/popup/use-popup-data.ts';
import { renderApp, renderWithEnv } from './render.tsx';

afterEach(cleanup);

const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
const names = () => options().map((o) => o.querySelector('.row-name')?.textContent);

describe('the badge list', () => {
  it('shows each badge with image, name, issuer, date and verification mark, newest first', async () => {
    renderApp();
    await screen.findByRole('listbox', { name: 'Your badges' });
    expect(screen.getByText('Badges: 9')).toBeTruthy();
    const first = options()[0] as HTMLElement;
    expect(first.querySelector('.row-name')?.textContent).toBe('Open Source Contributor');
    expect(first.querySelector('.row-meta')?.textContent).toContain('Lanyard Community · Aug 8, 2026');
    // The picture is asked for once the first screen is painted (ui/BadgeImage.tsx `wait`).
    await waitFor(() => expect(first.querySelector('img.badge-img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/));
    expect(within(first).getByText('Verified')).toBeTruthy();
    const expired = options().find((o) => o.textContent?.includes('First Aid at Work')) as HTMLElement;
    expect(within(expired).getByText('Expired')).toBeTruthy();
    expect(within(expired).getByText('Not valid')).toBeTruthy();
    const pending = options().find((o) => o.textContent?.includes('Introduction to Python')) as HTMLElement;
    expect(within(pending).getByText('Pending')).toBeTruthy();
    // Only the issuer's name may be cut short: the date is outside the truncating element.
    expect(pending.querySelector('.row-date')?.textContent).toBe(' · Jun 30, 2019');
    expect(pending.querySelector('.row-meta-text')?.textContent).toBe('Code Club');
  });

  it('keeps the hostile name as text: no element is created from it', async () => {
    const { container } = renderApp();
    await screen.findByRole('listbox');
    expect(screen.getByText(HOSTILE_NAME)).toBeTruthy();
    expect(container.querySelector('img[src="x"], script, [onerror]')).toBeNull();
    // Its image URL is javascript: and is replaced by the placeholder.
    const row = options().find((o) => o.textContent?.includes(HOSTILE_NAME)) as HTMLElement;
    expect(row.querySelector('img')).toBeNull();
    expect(row.querySelector('.placeholder')).not.toBeNull();
  });

  it('searches as you type, and says how many match', async () => {
    renderApp();
    const search = await screen.findByRole('searchbox', { name: 'Search badges' });
    fireEvent.input(search, { target: { value: 'climate' } });
    await waitFor(() => expect(names()).toEqual(['Climate Science Literacy']));
    expect(screen.getByText('Showing 1 of 9 badges')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'zzz' } });
    await screen.findByText('No badge matches your search or filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Show all badges' }));
    await waitFor(() => expect(options()).toHaveLength(9));
  });

  it('filters by verdict, address and expiry, and sorts', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    const verdict = screen.getByRole('combobox', { name: 'Verification' });
    fireEvent.change(verdict, { target: { value: 'indeterminate' } });
    await waitFor(() => expect(names().sort()).toEqual([HOSTILE_NAME, 'Team Leadership'].sort()));
    // The count is part of the button's accessible name (a label on a plain span is not announced).
    const filters = screen.getByRole('button', { name: 'Filters on: 1' });
    expect(filters.getAttribute('aria-expanded')).toBe('true');
    expect(filters.querySelector('[aria-label]')).toBeNull();
    fireEvent.change(verdict, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Issued to' }), { target: { value: 'ada.lovelace@work.example' } });
    await waitFor(() => expect(names().sort()).toEqual([HOSTILE_NAME, 'Data Protection Officer'].sort()));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Expiry' }), { target: { value: 'only' } });
    await waitFor(() => expect(names()).toEqual(['First Aid at Work']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Expiry' }), { target: { value: 'any' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'name' } });
    await waitFor(() => expect(names()[0]).toBe(HOSTILE_NAME));
    expect(names()[1]).toBe('Climate Science Literacy');
  });

  it('moves with the arrow keys, Home and End, and opens with Enter; Back returns to the same row', async () => {
    renderApp();
    const list = await screen.findByRole('listbox');
    list.focus();
    expect(list.getAttribute('aria-activedescendant')).toBe('badge-row-0');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe('badge-row-2'));
    expect(document.getElementById('badge-row-2')?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe('badge-row-8'));
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe('badge-row-1'));
    const name = document.querySelector('#badge-row-1 .row-name')?.textContent ?? '';
    fireEvent.keyDown(list, { key: 'Enter' });
    const title = await screen.findByRole('heading', { level: 2, name });
    await waitFor(() => expect(document.activeElement).toBe(title));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('listbox');
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(again.getAttribute('aria-activedescendant')).toBe('badge-row-1');
  });

  it('ArrowDown in the search box enters the list; ArrowUp on the first row goes back', async () => {
    renderApp();
    const search = await screen.findByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const list = screen.getByRole('listbox');
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(search);
  });

  it('renders only the rows in view out of 1,000, and keeps the active row rendered', async () => {
    renderApp({ n: 1000 });
    const list = await screen.findByRole('listbox');
    expect(screen.getByText('Badges: 1000')).toBeTruthy();
    await waitFor(() => expect(options()[0]?.getAttribute('aria-setsize')).toBe('1000'));
    expect(options().length).toBeLessThan(20);
    list.focus();
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => expect(document.getElementById('badge-row-999')).not.toBeNull());
    expect(options().length).toBeLessThan(20);
    expect(document.getElementById('badge-row-999')?.getAttribute('aria-posinset')).toBe('1000');
    expect(document.getElementById('badge-row-999')?.getAttribute('aria-setsize')).toBe('1000');
    // Open it and come back: the row is rendered again and still the active one.
    fireEvent.keyDown(list, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('listbox');
    await waitFor(() => expect(document.getElementById('badge-row-999')).not.toBeNull());
    expect(again.getAttribute('aria-activedescendant')).toBe('badge-row-999');
  });
});

describe('list states', () => {
  it('first run shows the welcome screen with the ways in', async () => {
    renderApp({ scenario: 'first-run' });
    expect(await screen.findByRole('heading', { name: 'Welcome to Lanyard' })).toBeTruthy();
    for (const name of [/Canvas Credentials \(Badgr\)/, /Parchment Digital Badges/, /Another wallet or backpack/, /Just this browser/]) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('signed in with no badges shows the empty state', async () => {
    renderApp({ n: 0 });
    // Its backpack synced and sent none (below: not "No badges yet", with Connect a backpack).
    expect(await screen.findByRole('heading', { name: 'No badges in your backpack' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('heading', { name: 'No badges in your backpack' }).closest('section')!).getByRole('button', { name: 'Add a badge' }));
    expect(await screen.findByRole('heading', { name: 'Add a badge', level: 2 })).toBeTruthy();
  });

  it('a background without handlers gives a clean error with a retry', async () => {
    const { actions } = renderApp({ scenario: 'broken' });
    expect(await screen.findByRole('heading', { name: "Lanyard can't load your badges" })).toBeTruthy();
    expect(screen.getByText(/background service can't do this yet/)).toBeTruthy();
    const before = actions.calls.filter((c) => c.name === 'getState').length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'getState').length).toBe(before + 1));
  });

  it('shows a skeleton while loading, and the offline notice when offline', async () => {
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      renderApp({ latencyMs: 50 });
      expect(screen.getByText('Loading your badges…')).toBeTruthy();
      expect(screen.getByText(/You're offline/)).toBeTruthy();
      await screen.findByRole('listbox');
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    }
  });

  it('shows sync progress, and reloads the list when it is done', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const sync = await screen.findAllByRole('button', { name: /^Sync now for/ });
    fireEvent.click(sync[0] as HTMLElement);
    const bars = await screen.findAllByRole('progressbar', {}, { timeout: 3000 });
    expect(bars[0]?.getAttribute('aria-valuemax')).toBe('5');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), { timeout: 5000 });
    expect(actions.calls.filter((c) => c.name === 'listBadges').length).toBeGreaterThan(1);
  });

  it('paints the newest screenful first, then the whole list, in the same order', async () => {
    const { actions } = renderApp({ n: 1000, latencyMs: 5 });
    await screen.findByRole('listbox');
    // The first answer holds only the first screen, already newest first, and the count is the cache's.
    // (Badges issued the same day as the last of the screen come too: the popup sorts those by name.)
    const firstSize = Number(options()[0]?.getAttribute('aria-setsize'));
    expect(firstSize).toBeGreaterThanOrEqual(FIRST_SCREEN);
    expect(firstSize).toBeLessThan(FIRST_SCREEN + 10);
    expect(screen.getByText('Badges: 1000')).toBeTruthy();
    const firstScreen = names();
    await waitFor(() => expect(options()[0]?.getAttribute('aria-setsize')).toBe('1000'));
    expect(names().slice(0, 5)).toEqual(firstScreen.slice(0, 5));
    expect(actions.calls.filter((c) => c.name === 'listBadges').map((c) => c.args)).toEqual([[FIRST_SCREEN], []]);
  });

  it('asks once when the first screen is the whole list', async () => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    await new Promise((r) => setTimeout(r, 50));
    expect(actions.calls.filter((c) => c.name === 'listBadges').map((c) => c.args)).toEqual([[FIRST_SCREEN]]);
  });

  it('while the rest loads, a search says it is loading rather than count the first screen', async () => {
    renderApp({ n: 1000, latencyMs: 200 });
    const search = await screen.findByRole('searchbox');
    await screen.findByRole('listbox');
    fireEvent.input(search, { target: { value: names()[0]!.split(' ')[0] } });
    // The count on screen (the one said to screen readers waits for typing to pause: said-once.test.tsx).
    const count = () => document.querySelector('.list-count')?.textContent;
    expect(count()).toBe('Loading your badges…');
    await waitFor(() => expect(count()).toMatch(/^Showing \d+ of 1000 badges$/), { timeout: 3000 });
  });
});

// Found in a review of the popup: an empty list with a backpack connected (it sent no badges)
// still asked to "Connect a backpack".
describe('an empty list with a backpack connected', () => {
  it('says the backpack sent no badges for this account, and offers Add a badge and the guide, not Connect a backpack', async () => {
    renderApp({ scenario: 'empty' });
    const title = await screen.findByRole('heading', { name: 'No badges in your backpack' });
    const empty = title.closest('section')!;
    // The backpack that synced well is named; the one whose sync failed (the bar says why) is not.
    expect(empty.textContent).toContain('Canvas Credentials (US) sent no badges for this account.');
    expect(empty.textContent).not.toContain('Open Climate Academy');
    expect(screen.queryByRole('button', { name: 'Connect a backpack' })).toBeNull();
    // Its button names the screen it opens, as the header's does (it said "Import a badge"; session 30 walk).
    fireEvent.click(within(empty).getByRole('button', { name: 'Add a badge' }));
    await screen.findByRole('heading', { level: 2, name: 'Add a badge' });
  });

  it('a backpack that has not synced well yet: no badges from it yet, not "sent no badges"; none connected: Connect a backpack', () => {
    const noop = () => undefined;
    const [badgr, ob3, local] = mockAccounts();
    const props = { badges: { status: 'ready' as const, value: [] }, expected: 0, query: EMPTY_QUERY, onQuery: noop, active: 0, onActive: noop, onOpen: noop, onImport: noop, onConnect: noop, onGuide: noop, onRetry: noop, listRef: { current: null } };
    renderWithEnv(<ListScreen {...props} accounts={[ob3!, local!, { ...badgr!, sync: { status: 'idle', done: 0, total: 0 } }]} />);
    expect(screen.getByRole('heading', { name: 'No badges yet' })).toBeTruthy();
    expect(screen.getByText(/^Lanyard has no badges from your backpack yet\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect a backpack' })).toBeNull();
    expect(screen.getByRole('button', { name: "Can't find a badge?" })).toBeTruthy();
    cleanup();
    renderWithEnv(<ListScreen {...props} accounts={[local!]} />);
    expect(screen.getByRole('button', { name: 'Connect a backpack' })).toBeTruthy();
  });
});
