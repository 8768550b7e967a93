/**
 * Whether the user, not the page, points at a badge (issue 12 point 5). A page can focus links it
 * made (`a.focus()` gives trusted focus events) and move links under a still pointer (trusted
 * `mouseover`): neither is the user. Counted as the user's:
 *
 * - a pointer dwell: a trusted `mouseover`, no `mouseout` for the pause, and real pointer movement
 *   (a trusted pointermove/mousemove whose coordinates changed) over the element within the last
 *   MOVE_WINDOW_MS; a browser's synthetic move after a layout change has the same coordinates;
 * - keyboard focus that follows a real Tab key press (within KEY_WINDOW_MS), one focus per press,
 *   and only when that press kept its default action: a page's own keydown listener can cancel the
 *   user's Tab and focus a badge link of its choice (`a.focus()`, a trusted focusin during the
 *   press), while the browser's own move of the focus is the Tab's default action (UI Events
 *   §3.5 keydown: its default action, sequential focus navigation, is what preventDefault cancels);
 *
 * and in both cases only an element the user can see: not zero-sized, not hidden, not (almost)
 * transparent (`opacity` and a filter's `opacity()` alike), inside the viewport, and on top where it is pointed at.
 */
import { deepElementFromPoint, deepTarget, flatContains, flatParent } from '../dom/flat.ts';

export const MOVE_WINDOW_MS = 1000;
export const KEY_WINDOW_MS = 500;
/** Smaller than this (CSS px) in either direction: not something a person points at. */
const MIN_SIZE = 4;
const MIN_OPACITY = 0.1;

/**
 * The product of a computed `filter`'s opacity() functions (Filter Effects 1 §13.1.6: a number or a
 * percentage, none meaning 1): `filter: opacity(0)` hides an element as `opacity: 0` does, and hit
 * testing still finds it (filters do not change it). An SVG filter (`url(#f)`) counts as transparent.
 */
export function filterOpacity(filter: string): number {
  // An SVG filter (url()) may draw nothing at all: what it shows cannot be told from here.
  if (/(?:^|[\s)])url\(/i.test(filter)) return 0;
  let product = 1;
  for (const m of filter.matchAll(/(?:^|[\s)])opacity\(\s*([^)]*?)\s*\)/gi)) {
    const arg = m[1] ?? '';
    const n = arg === '' ? 1 : arg.endsWith('%') ? Number.parseFloat(arg) / 100 : Number.parseFloat(arg);
    product *= Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
  }
  return product;
}

export interface Point {
  x: number;
  y: number;
}

export interface IntentOptions {
  isTrusted: (e: Event) => boolean;
  now?: () => number;
}

/** Whether `el` is shown to the user (at `at`, when given: the pointer's position). */
export function isShown(el: Element, at?: Point): boolean {
  const r = el.getBoundingClientRect();
  if (r.width < MIN_SIZE || r.height < MIN_SIZE) return false;
  const vw = window.innerWidth || document.documentElement.clientWidth;
  const vh = window.innerHeight || document.documentElement.clientHeight;
  if (r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) return false;
  let opacity = 1;
  // Along the flat tree (a badge inside a web component's open root: its host's opacity counts), through the
  // prototypes' getters: a page's <form> cannot skip an ancestor by naming a control "parentElement" (dom/flat.ts).
  for (let n: Element | null = el; n; n = flatParent(n)) {
    const s = getComputedStyle(n);
    if (s.display === 'none' || s.contentVisibility === 'hidden') return false;
    if (n === el && (s.visibility === 'hidden' || s.visibility === 'collapse')) return false;
    opacity *= Number.parseFloat(s.opacity || '1') * filterOpacity(s.filter || '');
    if (opacity < MIN_OPACITY) return false;
  }
  const p = at ?? { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  if (p.x < r.left - 1 || p.x > r.right + 1 || p.y < r.top - 1 || p.y > r.bottom + 1) return false;
  // Covered by something else (a transparent overlay the page put over it): not what the user sees.
  const top = deepElementFromPoint(p.x, p.y);
  return top !== null && flatContains(el, top);
}

export function createIntent({ isTrusted, now = () => performance.now() }: IntentOptions) {
  let last: (Point & { t: number; target: EventTarget | null }) | undefined;
  let prev: Point | undefined;
  let tabAt = -Infinity;
  let tab: Event | undefined;
  return {
    /** pointermove/mousemove: remembered only when the pointer really moved. */
    move(e: Event): void {
      if (!isTrusted(e)) return;
      const m = e as MouseEvent;
      const p = { x: m.clientX, y: m.clientY };
      const moved = !prev || prev.x !== p.x || prev.y !== p.y || (m.movementX ?? 0) !== 0 || (m.movementY ?? 0) !== 0;
      prev = p;
      if (moved) last = { ...p, t: now(), target: deepTarget(m) };
    },
    /** Where the user's pointer is (its last trusted move), if it moved at all. */
    at(): Point | undefined {
      return prev;
    },
    /** keydown: a real Tab (or Shift+Tab) lets the next focus count, once. */
    key(e: Event): void {
      if (isTrusted(e) && (e as KeyboardEvent).key === 'Tab') (tabAt = now(), (tab = e));
    },
    /** After the pause: whether the pointer really moved over `el` lately and `el` is shown where it points. */
    pointerDwell(el: Element): boolean {
      if (!last || now() - last.t > MOVE_WINDOW_MS) return false;
      if (!(last.target instanceof Node) || !flatContains(el, last.target)) return false;
      return isShown(el, last);
    },
    /**
     * At a focusin: the real Tab press it follows (used up), when `el` is shown; else null. Whether
     * the page cancelled that press is known once its dispatch is over: ask `defaultPrevented` after the pause.
     */
    keyboardFocus(el: Element): Event | null {
      if (now() - tabAt > KEY_WINDOW_MS || !tab) return null;
      tabAt = -Infinity;
      return isShown(el) ? tab : null;
    },
  };
}
