// @vitest-environment jsdom
/**
 * An inline confirmation says its question once. The group that holds the question and its
 * buttons was named by the question (aria-label) and also held the question as text, so a screen
 * reader read it twice: as the group's name on entering it, then as the text inside (browse mode).
 * Now the group is named by the visible question (aria-labelledby) and that text is not exposed a
 * second time.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmButton } from '../../src/popup/ui/ConfirmButton.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const QUESTION = 'Sign out and remove this account’s badges from this browser?';

/** How often the question reaches assistive technology: the group's name (found by it), and text not hidden from it. */
function exposures(group: HTMLElement): number {
  const asName = 1;
  const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('[aria-hidden="true"]')) text += n.textContent;
  return asName + text.split(QUESTION).length - 1;
}

describe('ConfirmButton', () => {
  it('the question is said once: as the group\'s name, which the confirm button is heard in', () => {
    renderWithEnv(<ConfirmButton label="Sign out" question={QUESTION} confirmLabel="Sign out" onConfirm={() => undefined} about={<span class="visually-hidden"> for Ada</span>} />);
    fireEvent.click(screen.getByRole('button', { name: /^Sign out/ }));
    const group = screen.getByRole('group', { name: QUESTION });
    expect(exposures(group)).toBe(1);
    // Still seen: the question is on screen for sighted users.
    expect(group.textContent).toContain(QUESTION);
    expect(document.activeElement?.textContent).toBe('Sign out for Ada');
    expect(group.contains(document.activeElement)).toBe(true);
  });
});
