// @vitest-environment jsdom
/**
 * Picker clickjacking (src/content/ui/armed.ts): a page that makes the picker see-through, tiny or
 * covered, or that moves it (or has it appear) under a pointer about to click something else,
 * gets no pick. jsdom lays nothing out and has no IntersectionObserver: the judgement is tested as
 * pure functions, and the picker with what jsdom can show (time, inline styles, a moved box, an
 * IntersectionObserver v2 the test plays).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARM_MS, drawnRefusal, guard, movedBetween, refusal, type Drawn, type Layer, type Seen } from '../../../src/content/ui/armed.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot, shown } from '../support/shadow.ts';
import { pause, pressAfterPause } from '../support/armed.ts';

// jsdom cannot make trusted events: the tests' clicks stand for the user's (user-events.test.ts shows a page's do nothing).
vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const plain: Layer = { opacity: '1', filter: 'none', clipPath: 'none', mask: 'none', mixBlendMode: 'normal', zoom: '1' };
const drawn = (layers: Partial<Layer>[], box: Partial<Drawn> = {}): Drawn => ({
  layers: layers.map((l) => ({ ...plain, ...l })),
  width: 340, height: 400, layoutWidth: 340, layoutHeight: 400, ...box,
});

describe('how the panel is drawn', () => {
  it('as Lanyard drew it: nothing to refuse', () => {
    expect(drawnRefusal(drawn([{}, {}, {}]))).toBeNull();
    // Upscaled (a zoomed page) is still readable; a site's slight fade is too.
    expect(drawnRefusal(drawn([{ opacity: '0.95' }, { zoom: '1.25' }], { width: 425, height: 500 }))).toBeNull();
    // Not laid out (no rendering, or a document without layout): nothing a person could click.
    expect(drawnRefusal(drawn([{}], { width: 0, height: 0, layoutWidth: 0, layoutHeight: 0 }))).toBeNull();
  });

  it('see-through: opacity on any ancestor, multiplied', () => {
    expect(drawnRefusal(drawn([{}, { opacity: '0.01' }, {}]))).toBe('transparent');
    expect(drawnRefusal(drawn([{ opacity: '0.9' }, { opacity: '0.9' }, {}]))).toBe('transparent');
  });

  it('filtered, blended, clipped or masked by an ancestor', () => {
    expect(drawnRefusal(drawn([{}, { filter: 'opacity(0)' }]))).toBe('filtered');
    expect(drawnRefusal(drawn([{}, { mixBlendMode: 'screen' }]))).toBe('filtered');
    expect(drawnRefusal(drawn([{}, {}, { clipPath: 'inset(0px 0px 95% 0px)' }]))).toBe('clipped');
    expect(drawnRefusal(drawn([{}, { mask: 'linear-gradient(transparent, transparent)' }]))).toBe('clipped');
  });

  it('shrunk: a scale transform, or CSS zoom (which shrinks the laid-out size too)', () => {
    expect(drawnRefusal(drawn([{}], { width: 34, height: 40 }))).toBe('shrunk');
    expect(drawnRefusal(drawn([{}], { width: 340, height: 20 }))).toBe('shrunk');
    expect(drawnRefusal(drawn([{}, { zoom: '0.1' }], { width: 34, height: 40, layoutWidth: 34, layoutHeight: 40 }))).toBe('shrunk');
  });
});

describe('what counts as a move', () => {
  const at = { left: 57, top: 220.03, scaleX: 1, scaleY: 187.14 / 187 };
  it('another place or scale; not the layout’s rounding as the panel grows with its own rows', () => {
    expect(movedBetween(at, { ...at, scaleY: 235.14 / 235 })).toBe(false);
    expect(movedBetween(at, { ...at, left: 58 })).toBe(true);
    expect(movedBetween(at, { ...at, top: 180 })).toBe(true);
    expect(movedBetween(at, { ...at, scaleX: 1.5, scaleY: 1.5 })).toBe(true);
    // Not laid out (no layout: 0 / 0): nothing to compare, no move.
    expect(movedBetween({ ...at, scaleX: NaN, scaleY: Infinity }, { ...at, scaleX: NaN, scaleY: Infinity })).toBe(false);
  });
});

describe('when an action may act', () => {
  const steady: Seen = { shownAt: 0, movedAt: -Infinity, visibleSince: undefined, shownRatio: 1, drawn: null };
  it(`only ${ARM_MS} ms after the panel (or what the action is in) appeared or moved`, () => {
    expect(refusal(steady, ARM_MS)).toBeNull();
    expect(refusal(steady, ARM_MS - 1)).toBe('too-soon');
    expect(refusal({ ...steady, movedAt: 1000 }, 1000 + ARM_MS - 1)).toBe('moved');
    expect(refusal({ ...steady, movedAt: 1000 }, 1000 + ARM_MS)).toBeNull();
  });

  it('where the browser can tell (IntersectionObserver v2), only once nothing has covered it for as long', () => {
    expect(refusal({ ...steady, visibleSince: null }, 10_000)).toBe('covered');
    expect(refusal({ ...steady, visibleSince: 9_900 }, 10_000)).toBe('too-soon');
    expect(refusal({ ...steady, visibleSince: 9_000 }, 10_000)).toBeNull();
  });

  it('not when the page draws it otherwise, or mostly outside the viewport', () => {
    expect(refusal({ ...steady, drawn: 'transparent' }, 10_000)).toBe('transparent');
    expect(refusal({ ...steady, shownRatio: 0.2 }, 10_000)).toBe('off-screen');
  });
});

const BADGES: PickerBadge[] = [
  { key: 'a', name: 'Analytical Engine Programmer', verdict: 'valid' },
  { key: 'u', name: 'Unverified one', verdict: 'unverified', warning: { level: 'unverified' } },
];

let rt: FakeRuntime;
let anchor: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="modal"><button id="anchor">open</button></div>';
  anchor = document.getElementById('anchor')!;
  rt = installRuntime({ 'picker/list': () => BADGES });
});
afterEach(() => {
  rt.restore();
  document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

const options = () => [...pickerRoot().querySelectorAll<HTMLElement>('li[role=option]')];
const panel = () => pickerRoot().querySelector<HTMLElement>('[role=dialog]')!;
async function open(container?: Element): Promise<string[]> {
  const picked: string[] = [];
  openPicker({ anchor, title: 't', container, onPick: async (b) => void picked.push(b.key) });
  await flush();
  return picked;
}

/**
 * The user's pointer moves over the panel (the guard measures it) and rests long enough; `change`
 * comes just before the click. That click picks nothing; the same click after a pause picks.
 */
async function changedBeforeClick(picked: string[], change: () => void): Promise<void> {
  options()[0]!.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, composed: true }));
  pause();
  change();
  options()[0]!.click();
  await flush();
  expect(picked).toEqual([]);
  pressAfterPause(options()[0]);
  await flush();
  expect(picked).toEqual(['a']);
}

describe('the picker against clickjacking', () => {
  it('a click or Enter that meets the panel as it appears picks nothing; the same after a pause picks', async () => {
    const picked = await open();
    options()[0]!.click();
    panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(picked).toEqual([]);
    expect(panel().hasAttribute('data-armed')).toBe(false);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual(['a']);
  });

  it('a double click does not use a warned badge unread: "Use it anyway" waits as long', async () => {
    const picked = await open();
    pressAfterPause(options()[1]);
    await flush();
    const anyway = [...pickerRoot().querySelectorAll('button')].find((b) => shown(b) === 'Use it anyway')!;
    anyway.click();
    await flush();
    expect(picked).toEqual([]);
    pressAfterPause(anyway);
    await flush();
    expect(picked).toEqual(['u']);
  });

  it('a panel the page moved under the pointer picks nothing until it has stayed put', async () => {
    const picked = await open();
    let left = 100;
    panel().getBoundingClientRect = () => ({ left, top: 100, width: 340, height: 400, right: left + 340, bottom: 500, x: left, y: 100, toJSON: () => ({}) });
    // The page slides the modal across, after the pointer's last move.
    await changedBeforeClick(picked, () => (left = 500));
  });

  it('its own rows and status line (the panel grows) are not a move: a pick after the pause picks', async () => {
    // The panel's height follows its content, as a browser lays it out, from the moment it is made.
    const isPanel = (el: HTMLElement) => el.getAttribute('role') === 'dialog';
    const height = (el: HTMLElement) => 60 + 48 * el.querySelectorAll('li').length + (shown(el.querySelector('[role=status]')) ? 20 : 0);
    const spies = [
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) { return isPanel(this) ? 340 : 0; }),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) { return isPanel(this) ? height(this) : 0; }),
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
        const h = isPanel(this) ? height(this) : 0;
        return { left: 10, top: 10, width: isPanel(this) ? 340 : 0, height: h, right: 350, bottom: 10 + h, x: 10, y: 10, toJSON: () => ({}) };
      }),
    ];
    try {
      const picked = await open();
      expect(options()).toHaveLength(2);
      pressAfterPause(options()[0]);
      await flush();
      expect(picked).toEqual(['a']);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('an upscaled panel is a moved one', async () => {
    const picked = await open();
    let scale = 1;
    panel().getBoundingClientRect = () => ({ left: 10, top: 10, width: 340 * scale, height: 400 * scale, right: 10 + 340 * scale, bottom: 10 + 400 * scale, x: 10, y: 10, toJSON: () => ({}) });
    Object.defineProperties(panel(), { offsetWidth: { get: () => 340 }, offsetHeight: { get: () => 400 } });
    // The page blows the modal up: the row now under the pointer is another one.
    await changedBeforeClick(picked, () => (scale = 3));
  });

  it('a panel in a see-through or filtered container picks nothing, however long the user waits', async () => {
    const modal = document.getElementById('modal')!;
    for (const style of ['opacity: 0.01', 'filter: opacity(0)']) {
      modal.setAttribute('style', style);
      const picked = await open(modal);
      pressAfterPause(options()[0]);
      await flush();
      expect(picked, style).toEqual([]);
      expect(shown(pickerRoot().querySelector('[role=status]'))).toBe('This page covers or fades Lanyard’s panel, so it does not act on clicks or keys here.');
      modal.removeAttribute('style');
      pressAfterPause(options()[0]);
      await flush();
      expect(picked, 'once drawn as it should be').toEqual(['a']);
    }
  });

  it('where the browser says something covers it (IntersectionObserver v2), picks nothing until it is seen uncovered for a while', async () => {
    let report: ((entries: object[]) => void) | undefined;
    class V2 {
      readonly trackVisibility = true;
      constructor(cb: (entries: object[]) => void, init: { trackVisibility?: boolean }) {
        expect(init.trackVisibility).toBe(true);
        report = cb;
      }
      observe() {}
      disconnect() {}
    }
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = V2;
    const picked = await open();
    // A see-through overlay with pointer-events: none lies over it: the clicks go through to the picker.
    pressAfterPause(options()[0]);
    report!([{ intersectionRatio: 1, isVisible: false }]);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual([]);
    report!([{ intersectionRatio: 1, isVisible: true }]);
    options()[0]!.click();
    await flush();
    expect(picked, 'just uncovered').toEqual([]);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual(['a']);
    expect(hosts('picker')).toEqual([]);
  });
});

describe('a panel taken out of the document', () => {
  it('is not measured again when its wait ends (the page removed it; its guard was never stopped)', () => {
    vi.useFakeTimers();
    try {
      const el = document.createElement('div');
      document.body.append(el);
      guard(el, () => true);
      el.remove();
      const styles = vi.spyOn(window, 'getComputedStyle');
      vi.advanceTimersByTime(ARM_MS * 2);
      expect(styles).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
