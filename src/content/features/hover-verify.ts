/**
 * Verify on hover: when the pointer rests on a link or image that points at a badge for
 * `PAUSE_MS`, a card shows its verdict. One delegated listener per event type on the document;
 * results are cached per URL here too, so a second hover paints at once. This script only runs
 * on pages the user granted (it is registered with scripting.registerContentScripts for those).
 */
import type { Reply } from '../../messaging/protocol.ts';
import type { HoverVerdict } from '../../messaging/views.ts';
import { ask } from '../messages.ts';
import { badgeUrlOf } from '../sites/badge-urls.ts';
import { hideCard, showCard } from '../ui/hover-card.ts';

/** The hover pause (the issue allows at most 300 ms). */
export const PAUSE_MS = 250;
const HIDE_MS = 300;
const CACHE_SIZE = 200;

export interface HoverOptions {
  /** Whether an event came from the user (default: `isTrusted`). Tests: jsdom cannot make trusted events. */
  isTrusted?: (e: Event) => boolean;
}

export function initHoverVerify(signal: AbortSignal, { isTrusted = (e) => e.isTrusted }: HoverOptions = {}): void {
  const cache = new Map<string, Promise<Reply<HoverVerdict>>>();
  const settled = new Map<string, Reply<HoverVerdict>>();
  let target: Element | null = null;
  let pause: ReturnType<typeof setTimeout> | undefined;
  let hide: ReturnType<typeof setTimeout> | undefined;

  const verify = (url: string) => {
    let p = cache.get(url);
    if (!p) {
      if (cache.size >= CACHE_SIZE) {
        const oldest = cache.keys().next().value as string;
        cache.delete(oldest);
        settled.delete(oldest);
      }
      p = ask('hover/verify', { url }).then((r) => {
        if (r.ok) settled.set(url, r);
        else cache.delete(url); // failures are not remembered: the next hover asks again
        return r;
      });
      cache.set(url, p);
    }
    return p;
  };

  const show = (el: Element, url: string) => {
    const paint = (r: Reply<HoverVerdict>) => {
      if (target !== el) return;
      showCard(el, r.ok ? { kind: 'ready', verdict: r.value } : { kind: 'error', message: r.error.message });
    };
    const done = settled.get(url);
    if (done) return paint(done);
    showCard(el, { kind: 'loading' });
    void verify(url).then(paint);
  };

  const leave = () => {
    clearTimeout(pause);
    clearTimeout(hide);
    target = null;
    hide = setTimeout(hideCard, HIDE_MS);
  };

  // Only the user's own pointer and keyboard count: a page could dispatch synthetic events to make
  // Lanyard fetch URLs of its choosing.
  const enter = (e: Event) => {
    if (!isTrusted(e) || !(e.target instanceof Element)) return;
    const el = e.target.closest('a[href], img[src]');
    if (!el || el === target) return;
    const url = badgeUrlOf(e.target, document.baseURI);
    if (!url) return;
    clearTimeout(pause);
    clearTimeout(hide);
    target = el;
    pause = setTimeout(() => show(el, url), PAUSE_MS);
  };

  const out = (e: Event) => {
    if (!isTrusted(e)) return;
    const to = (e as MouseEvent).relatedTarget;
    if (target && to instanceof Node && target.contains(to)) return;
    if (target) leave();
  };

  const opts = { signal, passive: true };
  document.addEventListener('mouseover', enter, opts);
  document.addEventListener('mouseout', out, opts);
  document.addEventListener('focusin', enter, opts);
  document.addEventListener('focusout', out, opts);
  document.addEventListener('keydown', (e) => isTrusted(e) && e.key === 'Escape' && (leave(), hideCard()), opts);
  signal.addEventListener('abort', () => (clearTimeout(pause), clearTimeout(hide), hideCard()), { once: true });
}
