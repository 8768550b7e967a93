// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import { initHoverVerify, PAUSE_MS } from '../../../src/content/features/hover-verify.ts';
import { fixture, loadPage } from '../support/pages.ts';
import { installRuntime, raw, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf } from '../support/shadow.ts';

const VERDICT: HoverVerdict = {
  verdict: 'valid',
  name: 'Analytical Engine Programmer',
  issuerName: 'Analytical Society',
  issuedOn: '2026-03-02T10:00:00Z',
  issuedToYou: true,
  message: 'All checks passed.',
};

let rt: FakeRuntime;
let controller: AbortController;
/** Events the tests send as the user's (jsdom's are never trusted). */
const user = new WeakSet<Event>();
const asUser = <E extends Event>(e: E): E => (user.add(e), e);
beforeEach(() => {
  vi.useFakeTimers();
  loadPage(fixture('badge-links.html'));
  rt = installRuntime({ 'hover/verify': () => VERDICT });
  controller = new AbortController();
  initHoverVerify(controller.signal, { isTrusted: (e) => user.has(e) });
});
afterEach(() => {
  controller.abort();
  rt.restore();
  vi.useRealTimers();
});

const el = (id: string) => document.getElementById(id)!;
const over = (t: Element, from: Element | null = null) => t.dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true, relatedTarget: from })));
const out = (t: Element, to: Element | null = null) => t.dispatchEvent(asUser(new MouseEvent('mouseout', { bubbles: true, relatedTarget: to })));
const card = () => hosts('hover-card')[0];
const cardText = () => shadowOf(card()).querySelector('.c')?.textContent;

describe('verify on hover', () => {
  it('shows nothing before the pause, then the verdict card', async () => {
    over(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS - 10);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(20);
    expect(rt.sent).toEqual([{ type: 'hover/verify', args: { url: 'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7' } }]);
    expect(card()?.getAttribute('data-state')).toBe('ready');
    expect(cardText()).toContain('✓ Verified badge');
    expect(cardText()).toContain('Analytical Engine Programmer');
    expect(cardText()).toContain('Issued by Analytical Society, ');
    expect(cardText()).toContain('Issued to one of your addresses');
  });

  it('caches per URL: a second hover paints at once without asking again', async () => {
    over(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
    out(el('badgr'), el('plain'));
    await vi.advanceTimersByTimeAsync(400);
    expect(card()).toBeUndefined();
    over(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(card()?.getAttribute('data-state')).toBe('ready');
    expect(rt.sent).toHaveLength(1);
  });

  it('never asks about links that are not badges, or leaves before the pause', async () => {
    for (const id of ['plain', 'login', 'photo', 'js']) over(el(id));
    await vi.advanceTimersByTimeAsync(1000);
    over(el('credly'));
    await vi.advanceTimersByTimeAsync(100);
    out(el('credly'), el('plain'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
  });

  it('shows a loading card, then an error that is not cached', async () => {
    let answer: (v: unknown) => void = () => {};
    rt.handle['hover/verify'] = () => new Promise((r) => (answer = r));
    over(el('ob3'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(card()?.getAttribute('data-state')).toBe('loading');
    answer(raw({ ok: false, error: { code: 'ERR_FETCH', message: 'The issuer did not answer.' } }));
    await vi.advanceTimersByTimeAsync(0);
    expect(card()?.getAttribute('data-state')).toBe('error');
    expect(cardText()).toContain('The issuer did not answer.');
    out(el('ob3'), el('plain'));
    rt.handle['hover/verify'] = () => ({ ...VERDICT, verdict: 'invalid', issuedToYou: false, message: 'Revoked' });
    over(el('ob3'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(rt.sent).toHaveLength(2);
    expect(cardText()).toContain('✕ Not a valid badge');
    expect(cardText()).toContain('Not confirmed as issued to one of your addresses');
  });

  it('keeps the card while the pointer moves inside the link; Escape and abort remove it', async () => {
    const link = el('badgr');
    link.innerHTML = 'Analytical <b>Engine</b> Programmer';
    over(link);
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    out(link, link.querySelector('b'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(card()).toBeDefined();
    document.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(card()).toBeUndefined();
    over(el('badge-json'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(card()).toBeDefined();
    controller.abort();
    expect(card()).toBeUndefined();
  });

  it('works from the keyboard (focus)', async () => {
    el('badgr').dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(card()?.getAttribute('data-state')).toBe('ready');
  });

  it('ignores events the page makes up (mouseover, focusin), so a page cannot choose what Lanyard fetches', async () => {
    el('badgr').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    el('ob3').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
  });

  it('by default trusts only isTrusted events (every event jsdom makes is untrusted)', async () => {
    controller.abort();
    controller = new AbortController();
    initHoverVerify(controller.signal);
    el('badgr').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    el('badge-json').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
  });
});
