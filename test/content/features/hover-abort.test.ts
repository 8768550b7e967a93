// @vitest-environment jsdom
/**
 * Verify on hover turned off (its signal aborted: the user took hover back, the page left) while a card's
 * verdict is still on its way: the answer that comes after must not put a card back up. Before, the
 * dwell's element stayed the target, so the late answer painted a new card (and its top-layer look every
 * 200 ms, top-layer.ts) that nothing took down any more: the feature's listeners and timers were gone.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import { initHoverVerify, PAUSE_MS, REVEAL_MS } from '../../../src/content/features/hover-verify.ts';
import { fixture, loadPage } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf } from '../support/shadow.ts';

const VERDICT: HoverVerdict = { verdict: 'invalid', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', message: 'Revoked.' };

let rt: FakeRuntime;
let answer: (v: HoverVerdict) => void;
const user = new WeakSet<Event>();
const realRect = Element.prototype.getBoundingClientRect;

beforeEach(() => {
  vi.useFakeTimers();
  loadPage(fixture('badge-links.html'));
  Element.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 120, 20);
  rt = installRuntime({ 'hover/verify': () => new Promise<HoverVerdict>((r) => (answer = r)) });
});
afterEach(() => {
  rt.restore();
  Element.prototype.getBoundingClientRect = realRect;
  vi.useRealTimers();
  for (const h of hosts('hover-card')) h.remove();
});

const card = () => hosts('hover-card')[0];

it('an answer that comes after the feature was turned off puts no card up', async () => {
  const controller = new AbortController();
  const link = document.getElementById('badgr')!;
  // jsdom has no pointer: the one the events below move is over the link.
  initHoverVerify(controller.signal, { isTrusted: (e) => user.has(e), pointerOver: (e) => e.contains(link) });
  document.elementFromPoint = () => link;
  for (const [type, x] of [['mousemove', 20], ['mousemove', 21]] as const) link.dispatchEvent(addUser(new MouseEvent(type, { bubbles: true, clientX: x, clientY: 15 })));
  link.dispatchEvent(addUser(new MouseEvent('mouseover', { bubbles: true })));
  await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
  expect(rt.sent.map((m) => m.type)).toEqual(['hover/verify']);
  expect(shadowOf(card()!).querySelector('.c')?.getAttribute('data-state')).toBe('loading');
  controller.abort();
  expect(card()).toBeUndefined();
  answer(VERDICT);
  await vi.advanceTimersByTimeAsync(REVEAL_MS + 1000);
  expect(card()).toBeUndefined();
  expect(vi.getTimerCount()).toBe(0);
});

function addUser<E extends Event>(e: E): E {
  user.add(e);
  return e;
}
