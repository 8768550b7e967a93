// @vitest-environment jsdom
/**
 * review32b: the list's active row (aria-activedescendant, BadgeList.tsx) is an index, and the rows
 * are slots filled again at each render (search32). When the list changed under it with the same
 * search (a sync adding a badge above it, the rest of the list arriving), the index stayed: the
 * row the user had arrowed to now held another badge, in the same element, so nothing was
 * announced, and Enter opened a badge the user never chose. The same badge stays active.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeView } from '../../src/messaging/views.ts';
import { EnvContext } from '../../src/popup/env.ts';
import { BadgeList } from '../../src/popup/list/BadgeList.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { generateBadges } from '../../src/popup/mock-data.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

const env = { actions: createMockActions(), t, locale: 'en', now };
const opened: string[] = [];
function Holder({ items, scrollKey }: { items: readonly BadgeView[]; scrollKey: string }) {
  const [active, setActive] = useState(0);
  return (
    <EnvContext.Provider value={env}>
      <BadgeList items={items} active={active} onActive={setActive} onOpen={(b) => opened.push(b.key)} label="Your badges" scrollKey={scrollKey} />
    </EnvContext.Provider>
  );
}
const listbox = (root: ParentNode) => root.querySelector<HTMLElement>('[role=listbox]')!;
const activeName = (root: ParentNode) => {
  const id = listbox(root).getAttribute('aria-activedescendant');
  return root.querySelector(`#${id}`)?.querySelector('.row-name')?.textContent;
};

describe('the active row when the list changes under it', () => {
  const badges = generateBadges(30);
  const added = generateBadges(1, 500)[0]!;

  it('stays on the badge the user chose when a badge is added above it (same search)', () => {
    const { container, rerender } = render(<Holder items={badges} scrollKey="q" />);
    const box = listbox(container);
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(activeName(container)).toBe(badges[2]!.name);
    rerender(<Holder items={[added, ...badges]} scrollKey="q" />);
    expect(activeName(container)).toBe(badges[2]!.name);
    expect(listbox(container).getAttribute('aria-activedescendant')).toBe('badge-row-3');
    fireEvent.keyDown(listbox(container), { key: 'Enter' });
    expect(opened.at(-1)).toBe(badges[2]!.key);
  });

  it('stays on the badge when the list is sorted again under it', () => {
    const { container, rerender } = render(<Holder items={badges} scrollKey="q" />);
    const box = listbox(container);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    rerender(<Holder items={[...badges].reverse()} scrollKey="q" />);
    expect(activeName(container)).toBe(badges[1]!.name);
  });

  it('keeps the place when its badge is gone, and follows a new search from its first row', () => {
    const { container, rerender } = render(<Holder items={badges} scrollKey="q" />);
    fireEvent.keyDown(listbox(container), { key: 'ArrowDown' });
    rerender(<Holder items={badges.filter((_, i) => i !== 1)} scrollKey="q" />);
    expect(activeName(container)).toBe(badges[2]!.name);
    // A new search: the list's own answer, not the badge held before (ListScreen sets the first row).
    rerender(<Holder items={[added, ...badges]} scrollKey="other" />);
    expect(listbox(container).getAttribute('aria-activedescendant')).toBe('badge-row-1');
  });
});
