// @vitest-environment jsdom
/**
 * The popup closes whenever focus leaves it ("Add to LinkedIn profile" opens a tab): found in the
 * 2026-12-06 review, it then opened on the list, search and filters gone, and a user with forty
 * badges looked for the badge again to copy its link. It now opens where it was for ten minutes
 * (src/popup/resume.ts), kept by browser-platform.ts in the page's localStorage.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { EMPTY_QUERY } from '../../src/popup/list/filter.ts';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { RESUME_MS, viewToRestore, viewToSave, type SavedView } from '../../src/popup/resume.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

/** Two popups one after the other, as the browser opens them, with what the first kept. */
function openPopup(kept: SavedView | undefined, at = MOCK_NOW) {
  const views: SavedView[] = [];
  const actions = createMockActions();
  const r = render(<App actions={actions} t={t} locale="en" now={now} resume={viewToRestore(kept, at)} remember={(v) => views.push(v)} />);
  return { ...r, views, last: () => views[views.length - 1] };
}

describe('the popup opens where it was', () => {
  it('closed on a badge\'s share screen after a search, it opens there; Back goes to its page, then the list with the search', async () => {
    const first = openPopup(undefined);
    const search = await screen.findByRole('searchbox', {}, { timeout: 3000 });
    fireEvent.input(search, { target: { value: 'kayak' } });
    fireEvent.click(await screen.findByRole('option', { name: /Kayaking Level 1/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Share' }));
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    const kept = first.last();
    expect(kept?.screens).toEqual([{ name: 'badge', key: 'local:7a1b3c' }, { name: 'share', key: 'local:7a1b3c' }]);
    first.unmount();

    openPopup(kept, MOCK_NOW + 60_000);
    expect(await screen.findByRole('heading', { level: 2, name: /Share .Kayaking Level 1./ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Kayaking Level 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('kayak'));
    expect(screen.getByRole('listbox', { name: 'Your badges' }).querySelectorAll('[role=option]')).toHaveLength(1);
    expect(screen.getByRole('option', { name: /Kayaking Level 1/ })).toBeTruthy();
  });

  it('after ten minutes, or from any other screen, it opens on the list', async () => {
    const kept: SavedView = { at: MOCK_NOW, screens: [{ name: 'badge', key: 'local:7a1b3c' }], query: { ...EMPTY_QUERY, text: 'kayak' } };
    expect(viewToRestore(kept, MOCK_NOW + RESUME_MS - 1)?.stack).toEqual([{ name: 'list' }, { name: 'badge', key: 'local:7a1b3c' }]);
    expect(viewToRestore(kept, MOCK_NOW + RESUME_MS)).toBeUndefined();
    // A clock set back is not "less than ten minutes ago".
    expect(viewToRestore(kept, MOCK_NOW - 1)).toBeUndefined();
    expect(viewToSave([{ name: 'list' }, { name: 'accounts' }], EMPTY_QUERY, MOCK_NOW).screens).toEqual([]);
    expect(viewToSave([{ name: 'list' }, { name: 'settings' }, { name: 'badge', key: 'k' }], EMPTY_QUERY, MOCK_NOW).screens).toEqual([]);
    expect(viewToSave([{ name: 'list' }, { name: 'badge', key: 'k', added: 'new' }], EMPTY_QUERY, MOCK_NOW).screens).toEqual([{ name: 'badge', key: 'k' }]);
  });

  it('what was kept is checked: anything malformed opens the list', () => {
    const good: SavedView = { at: MOCK_NOW, screens: [{ name: 'share', key: 'k' }], query: EMPTY_QUERY };
    expect(viewToRestore(good, MOCK_NOW)).toBeDefined();
    for (const bad of [null, 'x', {}, { ...good, at: 'now' }, { ...good, screens: [{ name: 'settings', key: 'k' }] }, { ...good, screens: [{ name: 'badge' }] }, { ...good, screens: [1, 2, 3] }, { ...good, query: { ...EMPTY_QUERY, sort: 'evil' } }, { ...good, query: { ...EMPTY_QUERY, text: 5 } }, { ...good, query: { ...EMPTY_QUERY, text: 'x'.repeat(501) } }]) {
      expect(viewToRestore(bad, MOCK_NOW), JSON.stringify(bad).slice(0, 80)).toBeUndefined();
    }
  });

  it('a badge removed since it closed on its page or share screen offers the way back to the list, not a retry', async () => {
    for (const name of ['badge', 'share'] as const) {
      const kept: SavedView = { at: MOCK_NOW, screens: [{ name, key: 'local:gone' }], query: { ...EMPTY_QUERY, text: 'kayak' } };
      const r = openPopup(kept, MOCK_NOW + 60_000);
      expect(await screen.findByText('Not found: it may have been removed.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Try again' }), name).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Back to your badges' }));
      expect(await screen.findByRole('listbox', { name: 'Your badges' })).toBeTruthy();
      r.unmount();
    }
  });
});
