// @vitest-environment jsdom
/**
 * A screen that cannot load takes focus as the screen would have (session 28 review): the error's
 * heading (ui/ErrorState.tsx), as a screen's title does (ui/ScreenTitle.tsx). It left focus on the
 * page's body (the list, when the state cannot be read) or on the list row that opened a badge
 * which then failed, gone from the page: a keyboard user started again from the top of the popup.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderApp, renderWithEnv } from './render.tsx';

afterEach(cleanup);

describe('an error screen takes focus on its heading', () => {
  it('the home screen, when the state cannot be read', async () => {
    renderApp({ scenario: 'broken' });
    const heading = await screen.findByRole('heading', { name: "Lanyard can't load your badges" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('a badge that cannot be opened', async () => {
    const mock = createMockActions();
    renderWithEnv(<BadgeScreen badgeKey="k" onShare={() => {}} onAddresses={() => {}} onChanged={() => {}} onRemoved={() => {}} />, { ...mock, getBadge: async () => ({ ok: false, error: { code: 'ERR_STORAGE', message: 'IndexedDB is gone' } }) });
    const heading = await screen.findByRole('heading', { name: 'This badge could not be opened' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
