// @vitest-environment jsdom
/**
 * "Copied the link." is said again when the same thing is copied again: a live region announces a
 * change, and the same words set over the same node are none (WAI-ARIA 1.2 §6.6.3 aria-live,
 * aria-relevant "additions text"), so a second press of "Copy link" was silent and the user could
 * not tell it worked. Each answer is a new node in the panel's live region.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

it('a second copy of the same thing is a new status node, announced again', async () => {
  const actions = createMockActions();
  let copies = 0;
  const copy = actions.copy.bind(actions);
  actions.copy = async (text: string, html?: string) => {
    copies++;
    return copy(text, html);
  };
  renderWithEnv(<ShareScreen badgeKey="badgr-us:aB3dE5fG7h" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
  const button = await screen.findByRole('button', { name: 'Copy link' });
  fireEvent.click(button);
  const said = await screen.findByText('Copied the link.');
  const node = said.closest('[role=status]');
  expect(node?.parentElement?.getAttribute('aria-live')).toBe('polite');
  fireEvent.click(button);
  await waitFor(() => expect(copies).toBe(2));
  await waitFor(() => expect(screen.getByText('Copied the link.').closest('[role=status]')).not.toBe(node));
  expect(screen.getAllByText('Copied the link.')).toHaveLength(1);
});
