/**
 * The badge list: a listbox that renders only the rows in view (1,000 badges scroll as 10), with
 * the active row announced through aria-activedescendant. Keys: arrows, Home/End, Page Up/Down
 * move; Enter or Space opens. Focus stays on the list, so the active row is always rendered.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BadgeView } from '../../messaging/views.ts';
import { BadgeRow } from './BadgeRow.tsx';
import { afterFirstScreen, firstScreenPainted, markReady } from './ready.ts';
import { revealRow, visibleRange } from './virtual.ts';

export const ROW_HEIGHT = 64;
/** Until the viewport is measured (and in jsdom, which has no layout). */
const FALLBACK_HEIGHT = 420;
/** Rows rendered past each edge of the viewport (virtual.ts visibleRange), once the first screen is painted. */
const OVERSCAN = 4;
/** Rows that a viewport this tall shows at once (visibleRange renders these and the overscan). */
const rowsIn = (height: number) => Math.ceil(height / ROW_HEIGHT);

export interface BadgeListProps {
  items: readonly BadgeView[];
  active: number;
  onActive(index: number): void;
  onOpen(badge: BadgeView): void;
  label: string;
  /** Called from ArrowUp on the first row, to return to the search box. */
  onExitTop?(): void;
  listRef?: { current: HTMLDivElement | null };
  /** When this changes (a new search or filter), the list scrolls back to the active row (the first). */
  scrollKey?: string;
}

export function BadgeList({ items, active, onActive, onOpen, label, onExitTop, listRef, scrollKey }: BadgeListProps) {
  const own = useRef<HTMLDivElement>(null);
  const ref = listRef ?? own;
  const [scrollTop, setScrollTop] = useState(0);
  /** The viewport's height in px; a render follows only when the rows it holds change (rowsInView). */
  const measured = useRef(FALLBACK_HEIGHT);
  const [, setRowsInView] = useState(() => rowsIn(FALLBACK_HEIGHT));
  const height = measured.current;
  const count = items.length;
  const current = Math.min(Math.max(0, active), Math.max(0, count - 1));

  // The viewport's height, from a ResizeObserver: its first report comes after the first layout,
  // before that frame is painted. Reading clientHeight here instead forced a layout in the middle
  // of the first render (issue 14: 5 ms of the popup's first screen); FALLBACK_HEIGHT is taller
  // than the popup's viewport, so the first render has every visible row. The report renders the
  // list again only if the number of rows in view changed: a second render of every row inside
  // the first frame (issue 14: 2.4 ms, and the style and layout again) when it did not.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(() => {
      measured.current = el.clientHeight || FALLBACK_HEIGHT;
      setRowsInView(rowsIn(measured.current));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);

  useLayoutEffect(() => {
    if (count) markReady();
  }, [count]);

  // The rows past the bottom edge (kept rendered so that scrolling finds them) come once the first
  // screen is painted: the popup's first frame lays out only the rows in view (issue 14: 12 rows
  // rendered, styled and laid out for the 7 shown).
  const [overscan, setOverscan] = useState(() => (firstScreenPainted() ? OVERSCAN : 0));
  useEffect(() => (overscan ? undefined : afterFirstScreen(() => setOverscan(OVERSCAN))), [overscan]);

  // On a new search the active row is the first; back from a badge page it is the one that was
  // open: either way, scroll so that it is rendered and in view.
  // The first row is in view at the top whatever the height: only another row needs it measured.
  // A new viewport is at the top already, and writing scrollTop forces a layout (issue 14: 5 ms
  // inside the first render), so the first run writes only another position.
  const fresh = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    const top = current === 0 ? 0 : revealRow(current, 0, el?.clientHeight || FALLBACK_HEIGHT, ROW_HEIGHT);
    if (el && !(fresh.current && top === 0)) el.scrollTop = top;
    fresh.current = false;
    setScrollTop(top);
  }, [scrollKey, ref]);

  const go = (index: number) => {
    const next = Math.min(Math.max(0, index), count - 1);
    onActive(next);
    const el = ref.current;
    if (el) {
      const top = revealRow(next, el.scrollTop, measured.current, ROW_HEIGHT);
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
  };

  // The active row is an index, and the rows are slots (below): when the list changes under it with
  // the same search (a sync adds a badge above it, the rest of the list arrives, a verdict re-sorts
  // it), the same index would hold another badge in the same element, which nothing announces, and
  // Enter would open a badge the user never chose (review32b). The badge stays active, found by its
  // key; a badge that is gone leaves its place active, and a new search starts where ListScreen says.
  const held = useRef<{ items: readonly BadgeView[]; key: string | undefined; scrollKey: string | undefined } | undefined>(undefined);
  useLayoutEffect(() => {
    const h = held.current;
    if (h && h.items !== items && h.scrollKey === scrollKey && h.key !== undefined && items[current]?.key !== h.key) {
      const moved = items.findIndex((b) => b.key === h.key);
      if (moved >= 0) {
        held.current = { items, key: h.key, scrollKey };
        return go(moved);
      }
    }
    held.current = { items, key: items[current]?.key, scrollKey };
  }, [items, current, scrollKey]);

  // Keyboard use in the list, drawn by the stylesheet (`[data-keys]:focus`) whatever the browser's
  // :focus-visible says: Firefox keeps it off for a list its script focused after a click (Back
  // from a badge) even while the user then moves with the arrows; Chromium turns it on at the key.
  const [keys, setKeys] = useState(false);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!count) return;
    setKeys(true);
    const page = Math.max(1, Math.floor(measured.current / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1, PageDown: current + page, PageUp: current - page };
    if (e.key === 'ArrowUp' && current === 0 && onExitTop) {
      e.preventDefault();
      onExitTop();
    } else if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key] as number);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const b = items[current];
      if (b) onOpen(b);
    }
  };

  // The browser clamps scrollTop when the list shrinks, but only after this render: clamp here too.
  const top = Math.min(scrollTop, Math.max(0, count * ROW_HEIGHT - height));
  const { start, end } = visibleRange(top, height, ROW_HEIGHT, count, overscan);
  // Each row's element is a slot that the next render fills again (keyed by its place modulo the
  // window, distinct within it), not the badge's own: a keystroke that changes every badge in view
  // updates the rows' words instead of removing and creating them (issue 14: over 10,000 badges,
  // the rows' removal, creation, style and layout were 9 of a keystroke's 17 ms). Scrolling by a
  // row hands the row that left to the one that came. What a row keeps of its badge (the picture's
  // state) is keyed by the picture in BadgeRow.tsx.
  const slots = end - start;
  const rows = [];
  for (let i = start; i < end; i++) {
    const b = items[i] as BadgeView;
    rows.push(<BadgeRow key={i % slots} badge={b} index={i} count={count} top={i * ROW_HEIGHT} active={i === current} onClick={() => {
          onActive(i);
          onOpen(b);
        }} />);
  }
  return (
    <div
      ref={ref}
      class="list-viewport"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={count ? `badge-row-${current}` : undefined}
      onKeyDown={onKeyDown}
      onPointerDown={() => setKeys(false)}
      {...(keys ? { 'data-keys': '' } : {})}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="list-spacer" role="presentation" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
