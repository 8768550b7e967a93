/**
 * Verify on hover: when the user rests the pointer on a link or image that points at a badge for
 * `PAUSE_MS`, or reaches it with the Tab key, a card shows its verdict. One delegated listener
 * per event type on the document; results are cached per URL here too. This script only runs on
 * the sites the user turned hover on for (registered with scripting.registerContentScripts).
 *
 * A page must not drive it (issue 12 point 5): only the user's real pointer dwell or Tab focus on
 * an element they can see counts (hover-intent.ts), and the background limits each tab's rate.
 * What the page can observe does not depend on the verdict (point 8): the card's host appears
 * PAUSE_MS after the dwell whatever is cached, has the same attributes and no size, and the
 * verdict is painted inside its closed shadow root no earlier than REVEAL_MS after that.
 *
 * The card describes what was checked: a page that points the element at another URL after the
 * dwell (its href or src, a <base>, or its own address under a relative link: history.pushState)
 * gets no verdict painted beside it, and a card already shown goes away (the user would click a link the card did not check). A
 * badge picture inside a link to somewhere else (a genuine badge's picture wrapping the page's own
 * link) is checked as a picture, and the card says where a click goes (badge-urls.ts clickTarget).
 * A card also goes when its element leaves the page or, for the pointer's card, is no longer under the
 * resting pointer (the page swapped it for its own link: no mouseout comes), and nothing inside a badge
 * link whose click is its own (a button, a shadow root: dom/own-click.ts) gets a card (attack28).
 */
import type { Reply } from '../../messaging/protocol.ts';
import type { HoverVerdict } from '../../messaging/views.ts';
import { ask } from '../messages.ts';
import { errorWords } from '../i18n.ts';
import { clickIsElsewhere } from '../dom/own-click.ts';
import { deepActive, deepElementFromPoint, deepTarget, flatClosest, flatContains } from '../dom/flat.ts';
import { badgeUrlOf, clickTarget } from '../sites/badge-urls.ts';
import { hideCard, showCard } from '../ui/hover-card.ts';
import { createIntent } from './hover-intent.ts';

/** The hover pause: a pointer resting this long (with no mouseout) is a dwell. */
export const PAUSE_MS = 300;
/** The verdict is painted this long after the card appears, cached or not. */
export const REVEAL_MS = 400;
const HIDE_MS = 300;
/** How often a shown card looks again at where its element points (hover-verify's `poll`). */
const POLL_MS = 200;
const CACHE_SIZE = 200;

export interface HoverOptions {
  /** Whether an event came from the user (default: `isTrusted`). Tests: jsdom cannot make trusted events. */
  isTrusted?: (e: Event) => boolean;
  /** Whether the pointer is over the element, as the browser keeps it (default: `:hover`). Tests: jsdom has no pointer. */
  pointerOver?: (el: Element) => boolean;
}

const hovered = (el: Element): boolean => {
  try {
    return el.matches(':hover');
  } catch {
    return false;
  }
};

export function initHoverVerify(signal: AbortSignal, { isTrusted = (e) => e.isTrusted, pointerOver = hovered }: HoverOptions = {}): void {
  const cache = new Map<string, Promise<Reply<HoverVerdict>>>();
  const intent = createIntent({ isTrusted });
  let target: Element | null = null;
  let pause: ReturnType<typeof setTimeout> | undefined;
  let hide: ReturnType<typeof setTimeout> | undefined;
  let reveal: ReturnType<typeof setTimeout> | undefined;
  /** While a card is up: hides it when the page points its element elsewhere. */
  let watch: MutationObserver | undefined;
  /** And when the page's own address moves under a relative link (history.pushState changes no DOM): looked at now and then. */
  let poll: ReturnType<typeof setInterval> | undefined;
  /** Whether `el` still points at the URL that was checked. */
  const same = (el: Element, url: string) => badgeUrlOf(el, document.baseURI) === url;
  /**
   * Whether a click would still open what was checked: for the pointer's card, what is under the pointer now
   * is `el` or inside it (the page may have moved it away, or put its own over it) and has no click of its
   * own; for the keyboard's, `el` has the focus and is in nothing with a click of its own (a picture moved into
   * a <button form>). Where the pointer is and what has the focus are read from the browser's own state too
   * (`:hover`, `activeElement`), not only from events: the page's capturing listeners on the window run first and
   * can stop the person's moves, `mouseout` and `focusout`, which kept a card up beside the link left (attack34).
   */
  const clickable = (el: Element, byPointer: boolean) => {
    if (!byPointer) return flatContains(el, deepActive()) && !clickIsElsewhere(el, el);
    const p = intent.at();
    const top = p ? deepElementFromPoint(p.x, p.y) : null;
    return top !== null && pointerOver(el) && flatContains(el, top) && !clickIsElsewhere(top, el);
  };

  const verify = (url: string) => {
    let p = cache.get(url);
    if (!p) {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      p = ask('hover/verify', { url }).then((r) => {
        // Failures are not remembered, nor a host not allowed yet: the next hover asks again.
        if (!r.ok || r.value.needsAccess) cache.delete(url);
        return r;
      });
      cache.set(url, p);
    }
    return p;
  };

  const show = (el: Element, url: string, byPointer: boolean) => {
    showCard(el, { kind: 'loading' });
    const shown = performance.now();
    // Where a click goes, when not to the badge checked: said on the card, which goes if it changes.
    const opens = clickTarget(el, url, document.baseURI);
    // Still on the page (a removed element keeps its href), under the pointer for the pointer's card, and in nothing with its own click.
    const still = () => el.isConnected && clickable(el, byPointer) && same(el, url) && clickTarget(el, url, document.baseURI) === opens;
    watch?.disconnect();
    // Every attribute, its name checked here: an attributeFilter never reports a namespaced one (DOM §4.3.3),
    // and an SVG link may say where it goes with xlink:href.
    const moved = (rs: MutationRecord[]) => rs.some((r) => r.type === 'childList' || r.attributeName === 'href' || r.attributeName === 'src');
    watch = new MutationObserver((rs) => void (target === el && moved(rs) && !still() && (leave(), hideCard())));
    watch.observe(document, { subtree: true, childList: true, attributes: true });
    clearInterval(poll);
    poll = setInterval(() => void (target === el && !still() && (leave(), hideCard())), POLL_MS);
    void verify(url).then((r) => {
      if (target !== el) return;
      clearTimeout(reveal);
      reveal = setTimeout(() => {
        if (target !== el) return;
        if (!still()) return void (leave(), hideCard());
        showCard(el, r.ok ? { kind: 'ready', verdict: r.value, ...(opens ? { opens } : {}) } : { kind: 'error', message: errorWords(r.error) });
      }, Math.max(0, REVEAL_MS - (performance.now() - shown)));
    });
  };

  const leave = () => {
    clearTimeout(pause);
    clearTimeout(hide);
    clearTimeout(reveal);
    watch?.disconnect();
    watch = undefined;
    clearInterval(poll);
    target = null;
    hide = setTimeout(hideCard, HIDE_MS);
  };

  /**
   * A candidate: a trusted event on a badge link or image; 'elsewhere' on something inside a badge link
   * (or around a picture) whose click is its own (dom/own-click.ts): no card there, and the card up goes.
   */
  const candidate = (e: Event): { el: Element; url: string } | 'elsewhere' | null => {
    // Where it happened, inside a web component's open root too (dom/flat.ts); a closed root's inside is its host.
    const t = deepTarget(e);
    if (!isTrusted(e) || !(t instanceof Element)) return null;
    const el = flatClosest(t, 'a[href], img[src]');
    if (!el) return null;
    const url = badgeUrlOf(t, document.baseURI);
    if (url && clickIsElsewhere(t, el)) return 'elsewhere';
    if (el === target) return null;
    return url ? { el, url } : null;
  };
  /** Nothing to check here: the card up (for the link around it) goes. */
  const elsewhere = () => void (target && (leave(), hideCard()));

  const start = (el: Element, url: string, byPointer: boolean, ok: () => boolean) => {
    clearTimeout(pause);
    clearTimeout(hide);
    clearTimeout(reveal);
    target = el;
    pause = setTimeout(() => {
      if (target !== el) return;
      if (ok()) show(el, url, byPointer);
      // Not the user's: forget it, so that a real dwell later starts afresh, and a card still up for
      // the element before (this one inside it) goes with its watch and look-again timer.
      else leave();
    }, PAUSE_MS);
  };

  const over = (e: Event) => {
    const c = candidate(e);
    if (c === 'elsewhere') elsewhere();
    else if (c) start(c.el, c.url, true, () => intent.pointerDwell(c.el));
  };

  const focus = (e: Event) => {
    const c = candidate(e);
    if (c === 'elsewhere') return elsewhere();
    // Decided at the focus itself: the Tab press it follows is used up by this focus. After the
    // pause, that press must not have been cancelled (the page focusing a link of its own in its place: hover-intent.ts).
    const press = c ? intent.keyboardFocus(c.el) : null;
    if (c && press) start(c.el, c.url, false, () => !press.defaultPrevented && flatContains(c.el, deepActive()));
  };

  const out = (e: Event) => {
    if (!isTrusted(e)) return;
    const to = (e as MouseEvent).relatedTarget;
    if (target && to instanceof Node && flatContains(target, to)) return;
    if (target) leave();
  };

  const opts = { signal, passive: true, capture: true };
  document.addEventListener('pointermove', intent.move, opts);
  document.addEventListener('mousemove', intent.move, opts);
  document.addEventListener('mouseover', over, opts);
  document.addEventListener('mouseout', out, opts);
  document.addEventListener('focusin', focus, opts);
  document.addEventListener('focusout', out, opts);
  document.addEventListener('keydown', (e) => {
    intent.key(e);
    if (isTrusted(e) && (e as KeyboardEvent).key === 'Escape') (leave(), hideCard());
  }, opts);
  // Its target forgotten too: a verdict still on its way then finds none, and puts no card up that nothing would take down.
  signal.addEventListener('abort', () => ((target = null), clearTimeout(pause), clearTimeout(hide), clearTimeout(reveal), clearInterval(poll), watch?.disconnect(), hideCard()), { once: true });
}
