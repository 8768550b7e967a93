// @vitest-environment jsdom
/**
 * The hover card stays only beside the element it checked, and only while a click there opens that
 * element's link (src/content/features/hover-verify.ts, src/content/dom/own-click.ts). A hostile page
 * (attack28, confirmed in Chromium by test/browser/hover-own-element.test.ts):
 * - swapped the genuine badge link under the resting pointer for its own look-alike link (replaceWith,
 *   or the genuine one moved away): no mouseout reaches a removed element, so "✓ Verified badge" stayed
 *   beside a link to phish.example;
 * - put, inside a genuine badge link, a control with its own click (a <button form> submitting to its
 *   server, no script needed) or a shadow root with its own link: the card vouched for the badge with
 *   no word of where a click goes, and the click went to the page's server.
 * jsdom has no layout: boxes and hit testing are stubbed as in hover-verify.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import { initHoverVerify, PAUSE_MS, REVEAL_MS } from '../../../src/content/features/hover-verify.ts';
import { flatContains } from '../../../src/content/dom/flat.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf } from '../support/shadow.ts';

const VERDICT: HoverVerdict = { verdict: 'valid', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', issuedOn: '2026-03-02T10:00:00Z', message: 'All checks passed.' };
const BADGE = 'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7';

let rt: FakeRuntime;
let controller: AbortController;
const user = new WeakSet<Event>();
const asUser = <E extends Event>(e: E): E => (user.add(e), e);
let onTop: Element | null = null;
const realRect = Element.prototype.getBoundingClientRect;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  Element.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 120, 20);
  document.elementFromPoint = () => onTop;
  rt = installRuntime({ 'hover/verify': () => VERDICT });
  controller = new AbortController();
  initHoverVerify(controller.signal, { isTrusted: (e) => user.has(e), pointerOver: (e) => onTop !== null && flatContains(e, onTop) });
});
afterEach(() => {
  controller.abort();
  rt.restore();
  Element.prototype.getBoundingClientRect = realRect;
  vi.useRealTimers();
});

let x = 20;
const moveOnto = (t: Element) => {
  onTop = t;
  t.dispatchEvent(asUser(new MouseEvent('mousemove', { bubbles: true, clientX: (x = x === 20 ? 21 : 20), clientY: 15 })));
  t.dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true })));
};
const state = () => {
  const host = hosts('hover-card')[0];
  return host ? shadowOf(host).querySelector('.c')?.getAttribute('data-state') : undefined;
};
const dwell = async () => vi.advanceTimersByTimeAsync(PAUSE_MS + REVEAL_MS + 10);
const HIDE = 400;
const add = (html: string) => (document.body.insertAdjacentHTML('beforeend', html), document.body.lastElementChild!);

describe('the hover card and the element it checked', () => {
  it('goes when the page removes the checked link and puts its own in its place, the pointer resting', async () => {
    const link = add(`<a id="l" href="${BADGE}">Programmer</a>`);
    moveOnto(link);
    await dwell();
    expect(state()).toBe('ready');
    const look = document.createElement('a');
    look.href = 'https://phish.example/claim';
    look.textContent = 'Programmer';
    link.replaceWith(look);
    onTop = look;
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBeUndefined();
  });

  it('goes when the page moves the checked link from under the resting pointer (no mouseout: the pointer did not move)', async () => {
    const link = add(`<a id="l" href="${BADGE}">Programmer</a>`);
    const other = add('<a id="o" href="https://phish.example/claim">Programmer</a>');
    moveOnto(link);
    await dwell();
    expect(state()).toBe('ready');
    onTop = other;
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBeUndefined();
  });

  it('stays while the pointer rests on the link or moves inside it', async () => {
    const link = add(`<a id="l" href="${BADGE}"><span id="s">Programmer</span></a>`);
    moveOnto(link);
    await dwell();
    moveOnto(link.firstElementChild!);
    await vi.advanceTimersByTimeAsync(2000);
    expect(state()).toBe('ready');
    expect(rt.sent).toHaveLength(1);
  });

  it('no card on a control inside a badge link whose click is its own (a <button form>, an <input>, a <label>, a <summary>)', async () => {
    add('<form id="f" action="https://phish.example/claim"></form>');
    for (const inner of ['<button form="f" id="i">Programmer</button>', '<input id="i" type="submit" form="f" value="Programmer">', '<label id="i" for="x">Programmer</label>', '<details><summary id="i">Programmer</summary></details>']) {
      const link = add(`<a href="${BADGE}">${inner}</a>`);
      moveOnto(link.querySelector('#i')!);
      await dwell();
      expect(state(), inner).toBeUndefined();
      link.remove();
    }
    expect(rt.sent).toHaveLength(0);
  });

  it('no card on a shadow root inside a badge link (it may hold its own link), and a card up for the link goes when the pointer enters it', async () => {
    const link = add(`<a href="${BADGE}">Programmer <span id="h"></span></a>`);
    const host = link.querySelector('#h')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<a href="https://phish.example/claim">Programmer</a>';
    moveOnto(host);
    await dwell();
    expect(state()).toBeUndefined();
    expect(rt.sent).toHaveLength(0);
    // The link's own text first: a card. Then into the shadow root, without leaving the link.
    moveOnto(link);
    await dwell();
    expect(state()).toBe('ready');
    moveOnto(host);
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBeUndefined();
  });

  it('a picture inside a link is still the picture’s: an <img> or a <span> around it changes nothing', async () => {
    const link = add(`<a href="${BADGE}"><span><img id="p" src="${BADGE}/image" alt="badge"></span></a>`);
    moveOnto(link.querySelector('#p')!);
    await dwell();
    expect(state()).toBe('ready');
  });
  it('goes when the page puts, under the resting pointer, a control of its own inside the checked link, or moves the checked picture into one', async () => {
    add('<form id="f" action="https://phish.example/claim"></form>');
    const link = add(`<a href="${BADGE}">Programmer</a>`);
    moveOnto(link);
    await dwell();
    expect(state()).toBe('ready');
    const button = document.createElement('button');
    button.setAttribute('form', 'f');
    button.textContent = 'Programmer';
    link.append(button);
    onTop = button;
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBeUndefined();
    // A picture's card, then the same picture moved into a <button form> (still connected, still under the pointer).
    const img = add(`<img src="${BADGE}/image" alt="badge">`);
    moveOnto(img);
    await dwell();
    expect(state()).toBe('ready');
    const wrap = add('<button form="f"></button>');
    wrap.append(img);
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBeUndefined();
  });
});
