// @vitest-environment jsdom
/**
 * Issue 13 point 5: "Can't find a badge?" is reachable from a badge issued to an address the user
 * has not confirmed (BadgeScreen's notYours: pending on its account), not only from the menu and the
 * empty list (guide.test.tsx). The badge page's "Help me get this badge" opens the guide; a badge
 * issued to a confirmed address does not offer it.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

async function openBadge(name: RegExp): Promise<void> {
  renderApp();
  const list = await screen.findByRole('listbox');
  fireEvent.click(within(list).getByRole('option', { name }));
  await screen.findByRole('heading', { level: 2, name });
}

describe("Can't find a badge? from a badge's page", () => {
  it('a badge waiting on an unconfirmed address offers the guide, and it opens', async () => {
    await openBadge(/Introduction to Python/);
    fireEvent.click(await screen.findByRole('button', { name: 'Help me get this badge' }));
    expect(await screen.findByRole('heading', { level: 2, name: "Can't find a badge?" })).toBeTruthy();
    expect((await screen.findAllByText(across(/was sent to ada@old-school.example, which is not confirmed yet/))).length).toBeGreaterThan(0);
  });

  it('a badge issued to a confirmed address does not', async () => {
    await openBadge(/Kayaking Level 1/);
    expect(screen.queryByRole('button', { name: 'Help me get this badge' })).toBeNull();
  });
});
