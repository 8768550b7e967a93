// @vitest-environment jsdom
/**
 * The list's rows are slots filled again at each render (BadgeList.tsx): a search that changes
 * every badge in view updates the rows in place (issue 14), and never lets one badge's picture, or
 * a picture that failed, stand beside another badge's name.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeView } from '../../src/messaging/views.ts';
import { EnvContext } from '../../src/popup/env.ts';
import { BadgeList } from '../../src/popup/list/BadgeList.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { generateBadges } from '../../src/popup/mock-data.ts';
import { now, t } from './render.tsx';

afterEach(cleanup);

const env = { actions: createMockActions(), t, locale: 'en', now };
const list = (items: readonly BadgeView[]) => (
  <EnvContext.Provider value={env}>
    <BadgeList items={items} active={0} onActive={() => {}} onOpen={() => {}} label="Your badges" />
  </EnvContext.Provider>
);
const rows = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[role=option]')];
const picture = (row: HTMLElement) => row.querySelector('.badge-img');

describe('the rows of the list', () => {
  const before = generateBadges(30);
  const after = generateBadges(30, 100);

  it('are the same elements after the badges in view all change, with the new badges in them', async () => {
    const { container, rerender } = render(list(before));
    const first = rows(container);
    expect(first.length).toBeGreaterThan(4);
    rerender(list(after));
    const second = rows(container);
    expect(second).toHaveLength(first.length);
    second.forEach((row, i) => {
      expect(row).toBe(first[i]);
      expect(row.querySelector('.row-name')?.textContent).toBe(after[i]!.name);
      expect(row.id).toBe(`badge-row-${i}`);
      expect(row.getAttribute('aria-posinset')).toBe(String(i + 1));
    });
  });

  it('keep their order in the document when the list scrolls, each badge in the row at its place', () => {
    const { container, rerender } = render(list(before));
    rerender(list(before.slice(1)));
    rows(container).forEach((row, i) => {
      expect(row.querySelector('.row-name')?.textContent).toBe(before[i + 1]!.name);
      expect(row.getAttribute('aria-posinset')).toBe(String(i + 1));
    });
  });

  it('never show a picture of the badge that was there: another picture is another element', async () => {
    const { container, rerender } = render(list(before));
    await waitFor(() => expect(picture(rows(container)[0]!)?.getAttribute('src')).toBe(before[0]!.image));
    const old = picture(rows(container)[0]!) as HTMLImageElement;
    const other = { ...after[0]!, image: 'https://img.example/other.png' };
    rerender(list([other, ...after.slice(1)]));
    const now = picture(rows(container)[0]!) as HTMLImageElement;
    expect(now).not.toBe(old);
    expect(old.getAttribute('src')).toBe(before[0]!.image);
    await waitFor(() => expect(picture(rows(container)[0]!)?.getAttribute('src')).toBe('https://img.example/other.png'));
  });

  it('do not carry a picture that failed to the next badge in the row', async () => {
    const { container, rerender } = render(list(before));
    await waitFor(() => expect(picture(rows(container)[0]!)?.tagName).toBe('IMG'));
    fireEvent.error(picture(rows(container)[0]!) as HTMLImageElement);
    await waitFor(() => expect(rows(container)[0]!.querySelector('.placeholder')).not.toBeNull());
    rerender(list([{ ...after[0]!, image: 'https://img.example/fine.png' }, ...after.slice(1)]));
    await waitFor(() => expect(picture(rows(container)[0]!)?.getAttribute('src')).toBe('https://img.example/fine.png'));
    expect(rows(container)[0]!.querySelector('.placeholder')).toBeNull();
  });
});
