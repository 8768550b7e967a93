/**
 * Lanyard's hover card (attack29) and picker (attack31) above the page's top layer. A popover shown with showPopover(), a <dialog>
 * opened with showModal() and a fullscreen element are painted above everything else in the document,
 * whatever its z-index (CSS Position 4 §3 "the top layer"), in the order they were put there: a page showed
 * its own popover over the card (its look-alike "✓ Verified" over Lanyard's "✕ Revoked"), and a badge link in a
 * site's modal dialog got a card no one could see.
 *
 * The card's host is a manual popover (HTML §6.12: it closes no one else's popover and is not light-dismissed),
 * put in the top layer when it appears, and put there again (hidePopover then showPopover: the top of the
 * top layer) whenever the page puts something there after it: told by `beforetoggle` (popovers, dialogs) and
 * `fullscreenchange` on the document, and looked at on each check (`:popover-open, :modal, :fullscreen` that
 * were not open at the last raise, or the host no longer open). A page that keeps raising its own over the card
 * (it may answer each raise) gets no card at all after MAX_RAISES in RAISE_WINDOW_MS: it could draw a look-alike anywhere, but
 * the card Lanyard shows is never under one. What the page sees (the host's top-layer state, its toggle events)
 * follows the page's own acts and the host's appearing, never the verdict or when it is painted (point 8).
 * A popover inside the page's shadow root, open or closed, is not seen by the selector, and its `beforetoggle` does
 * not reach the document (not composed): shown after the card, it stayed above it (attack31). Where the browser can
 * tell (Chromium's IntersectionObserver v2 `trackVisibility`, https://w3c.github.io/IntersectionObserver/v2/, whose
 * occlusion test counts what lets the pointer through), the card's box covered by anything counts as something put
 * above it: raised again, as many times as the rest. Elsewhere (Firefox) every look also reads the page's shadow roots,
 * open or closed, through the extension's own API (dom/shadow-roots.ts: walked again after ten times what the last walk
 * took, 200 ms at least, and before each pick), and listens to each for `beforetoggle`
 * (attack32: a see-through popover there let a click pick a badge unseen). A page whose own listener, registered first on
 * its root or popover, stops that event can still hide and show a popover already known there unheard, above the card; in
 * the document too, its capturing listener on the window running before the document's (attack34). So there no pick acts
 * while the page has anything of its own in the top layer, in its document or a shadow root (`refusal`: 'popup', which the
 * picker names as the site's pop-up to close, attack33), and the hover card shows no verdict (`popup`), but for a modal
 * the picker is mounted in (which the page could, the same way, close and show again above it unheard).
 * The picker's host (picker.ts) is kept on top the same way: the page's overlay at the highest z-index, painted after
 * it, covered it, and where nothing tells what covers the panel (Firefox), a see-through one let a click pick a badge
 * unseen; a page that keeps raising its own over the picker closes it. A pick asks first (`refusal`): raised at that
 * moment, it counts for nothing, and after any raise the picker waits ARM_MS again (armed.ts). Manual popovers leave the focus where it is.
 * On top is not usable: a modal dialog the page opens makes everything outside it inert (HTML §6.13 "blocked by a
 * modal dialog"), in the top layer too, and the picker raised above it was seen while a person's click on its rows
 * went to the page's element under it. The picker says whether it can still be clicked (`usable`): else it closes.
 * A page's view transition is drawn above the top layer, where no raise reaches: while one runs, no pick and no verdict;
 * its end counts as a raise (attack35, `inTransition`). It ends by itself, and a site animating its own route change runs
 * one under the user's picker: meanwhile the browser's hit test finds the document and IntersectionObserver v2 says the
 * box is covered, which closed the picker (lost) at every route change; while one runs, neither counts (attack36), and
 * a pick is refused as 'transition' (the picker says the page is changing) until it ends and the panel is seen again.
 */

import { flatContains } from '../dom/flat.ts';
import { shadowRoots } from '../dom/shadow-roots.ts';

/** A page raising its own over the card this many times within RAISE_WINDOW_MS: no card. */
export const MAX_RAISES = 4;
/**
 * The window MAX_RAISES are counted in. A page fighting for the top (again at each raise, or every frame) raises it many
 * times in it; a site's notices now and then do not: counted over the picker's whole life, a sixth notice closed it.
 */
export const RAISE_WINDOW_MS = 2000;
/** How often a shown card looks whether something was put above it (a page's shadow roots tell it nothing else). */
const CHECK_MS = 200;
const PAGE_TOP = ':popover-open, :modal, :fullscreen';
/** A walk of the page's shadow roots (Firefox) comes again after this many times what it took, CHECK_MS at least. */
const WALK_SHARE = 10;

export interface TopLayer {
  /** The card's box to watch for anything drawn over it (the one now shown: a new state is a new box). */
  watch(box: Element): void;
  /**
   * Looks now (before a pick acts): null when it may act; else why not. 'popup' while (where the browser cannot tell
   * what covers it: Firefox) the page has something in the top layer inside a shadow root, raised over or not: a site's
   * own pop-up, which the user can close (the picker says so); 'covered' when the page had put something else above it
   * (raised again now) or it is gone.
   */
  refusal(): 'covered' | 'popup' | 'transition' | null;
  stop(): void;
}

/**
 * Lanyard's own hosts kept on top, every content script's: the hover card's and the picker's are two scripts, each
 * with its own copy of this module, in one world. Not the page's: taken for it, a card shown while the picker was up
 * and the picker raised each other in turn until the picker was lost (closed under the user's hands). Kept on the
 * world's global object, which the page does not reach (Chromium's isolated world, Firefox's sandbox); an attribute
 * would be one the page could put on its own overlay.
 */
const OURS = Symbol.for('lanyard.top-layer.hosts');
const ours: Set<Element> = ((globalThis as unknown as Record<symbol, Set<Element> | undefined>)[OURS] ??= new Set());
/** Another of Lanyard's hosts is up: Chromium's occlusion test says a top-layer host shown later covers this one wherever it is. */
const othersUp = (host: Element): boolean => [...ours].some((h) => h !== host && isOpen(h));

/**
 * The page has a view transition running (attack35). Its pseudo-elements are painted above the whole document, the top
 * layer included (CSS View Transitions 1 §7.3 "the view transition layer"), and an element the page names is drawn there
 * live: raising the host cannot put it above them, and Firefox cannot tell it is covered. Read from the browser's own
 * state (`:active-view-transition`, CSS View Transitions 2), through this world's own `matches`; false where the
 * browser has no view transitions (the selector is unknown: it throws).
 */
export const inTransition = (): boolean => {
  try {
    return document.documentElement?.matches(':active-view-transition') === true;
  } catch {
    return false;
  }
};

/**
 * In the document Lanyard made it for (through open and closed roots alike), not merely connected: a page moved the
 * picker's host into a same-origin frame of its own, drawn at opacity 0.05 over its page, where every check of how it
 * is drawn stopped at the frame's root (armed.ts) and Firefox cannot tell what covers it: a person's click on the
 * page's picture picked a badge (attack36). Moved there, it is lost. The root through the prototype (the page's own).
 */
const inThisDocument = (el: Element): boolean => Node.prototype.getRootNode.call(el, { composed: true }) === document;

const isOpen = (el: Element): boolean => {
  try {
    return el.matches(':popover-open');
  } catch {
    return false;
  }
};

export interface KeepOptions {
  /** While it is on top: whether it still takes the user's clicks (else lost). */
  usable?: () => boolean;
  /** Raised again after the page put something above it. */
  raisedAgain?: () => void;
  /**
   * After each look, where the browser cannot tell what covers the host (Firefox): whether the page has something of
   * its own in the top layer (`refusal`'s 'popup'), which may be above it unheard; in every browser, whether the page
   * has a view transition running (drawn above the top layer). The hover card withholds its verdict.
   */
  popup?: (open: boolean) => void;
}

/**
 * Puts `host` (just connected) in the top layer and keeps it on top while it is up; `onLost` when it cannot be
 * (the page keeps raising its own, took the host out of it, or kept it from its first raise: null then), or when
 * `usable` says, while it is on top, that it no longer takes the user's clicks. Null,
 * without `onLost`, when this browser has no Popover API: the card is as it was (fixed, z-index).
 */
export function keepOnTop(host: HTMLElement, onLost: () => void, { usable, raisedAgain, popup }: KeepOptions = {}): TopLayer | null {
  if (typeof host.showPopover !== 'function' || typeof host.hidePopover !== 'function') return null;
  let known = new Set<Element>();
  let raises = 0;
  /** When the last raises were (at most MAX_RAISES kept). */
  const recent: number[] = [];
  let raising = false;
  /** The page put something in the top layer since the last raise (it may be one that was there already, raised again). */
  let raised = false;
  let queued: ReturnType<typeof setTimeout> | undefined;
  /** Reported covered while another of Lanyard's hosts was up (which it cannot tell from the page's): looked at again once it is gone. */
  let unsure = false;
  /** The card's box drawn over (Chromium): a raise is asked for; null where the browser cannot tell. */
  // Drawn over by the page's view transition: no raise puts it above that, and the transition's end is a raise of its own.
  const covered = coveredWatch(() => (inTransition() ? undefined : othersUp(host) ? (unsure = true) : ((raised = true), later())));
  const heard = new WeakSet<ShadowRoot>();
  let roots: ShadowRoot[] = [];
  /** When the roots are walked again (a walk reads every element: at most a tenth of the time; each pick walks). */
  let walkAt = 0;
  /** How many of the page's own the last look found open, in the document or its shadow roots (Firefox only). */
  let pageOpen = 0;
  /**
   * Where the browser cannot tell (Firefox), what the page put in the top layer inside its shadow roots, open or closed
   * (dom/shadow-roots.ts): one not there at the last raise is above. Each root is listened to as the document is, so
   * that one shown again (hidden and shown in one task: the last in the top layer, and still "known") raises too.
   */
  const inShadows = (): Element[] => {
    if (covered) return [];
    const found: Element[] = [];
    const t = performance.now();
    if (t >= walkAt) {
      roots = shadowRoots(host);
      walkAt = t + Math.max(CHECK_MS, WALK_SHARE * (performance.now() - t)) - 1;
    }
    for (const root of roots) {
      if (!heard.has(root)) (heard.add(root), root.addEventListener('beforetoggle', soon, { capture: true, signal: ac.signal }));
      found.push(...root.querySelectorAll(PAGE_TOP));
    }
    return found;
  };
  const open = () => {
    const all = [...document.querySelectorAll(PAGE_TOP), ...inShadows()].filter((e) => e !== host && !ours.has(e));
    // Lanyard's own host, mounted in a site's shadow root (LinkedIn 2026's composer in #interop-outlet's), and a modal it
    // is mounted in hold it: not something over it. The document's own count too (attack34): a page's capturing listener
    // on the window runs before the document's, so it can stop a popover's `beforetoggle` there as in a root.
    pageOpen = covered ? 0 : all.filter((e) => !flatContains(e, host)).length;
    return new Set(all);
  };
  let box: Element | undefined;
  /** Observed afresh: its first report says whether it is covered now (a change of state alone is reported, and a page that covers it again within the observer's delay makes none). */
  const watch = () => box && covered && (covered.unobserve(box), covered.observe(box));
  const raise = (): boolean => {
    raising = true;
    try {
      // Manual: hidePopover() leaves the focus where it is (only an auto popover restores what had it before: HTML
      // §6.12 "show popover" shouldRestoreFocus), so a raise keeps the user typing in the picker's search.
      host.setAttribute('popover', 'manual');
      if (isOpen(host)) host.hidePopover();
      host.showPopover();
      known = open();
      raised = false;
      watch();
      return isOpen(host);
    } catch {
      // The page made the host something that cannot be shown so (a modal dialog's child, removed…).
      return false;
    } finally {
      raising = false;
    }
  };
  /** Whether the card may stay: nothing put above it since the last raise, or raised again above it. */
  const check = (): boolean => {
    if (!inThisDocument(host)) return false;
    if (unsure && !othersUp(host)) (unsure = false), watch();
    const now = open();
    // Under a view transition the hit test finds the document (the transition's pseudo-elements are the root's): not lost.
    if (isOpen(host) && !raised && ![...now].some((e) => !known.has(e))) return (known = now), inTransition() || usable?.() !== false;
    const at = performance.now();
    raises++;
    if (recent.length === MAX_RAISES && at - recent[0]! < RAISE_WINDOW_MS) return false;
    if (recent.push(at) > MAX_RAISES) recent.shift();
    if (!raise()) return false;
    // Covered until now: what is under the pointer was not seen (the picker's picks wait again: armed.ts).
    raisedAgain?.();
    return true;
  };
  const ac = new AbortController();
  let every: ReturnType<typeof setInterval> | undefined;
  let gone = false;
  /** The page's view transition seen at the last look, and how many have ended since the host appeared. */
  let transition = false;
  let ended = 0;
  const look = () => {
    if (!check()) return void (stop(), (gone = true), onLost());
    const now = inTransition();
    // Drawn over until now, like a raise: what is under the pointer was not seen (a page ended it at the person's press).
    if (transition && !now) (ended++, raisedAgain?.());
    transition = now;
    popup?.(pageOpen > 0 || now);
  };
  const later = () => {
    clearTimeout(queued);
    // After the page's own task: its showPopover() or showModal() has run (beforetoggle comes first).
    queued = setTimeout(look, 0);
  };
  const soon = (e: Event) => {
    if (raising || (e.target !== host && ((e as Event & { newState?: string }).newState === 'closed' || ours.has(e.target as Element)))) return;
    if (e.target !== host) raised = true;
    later();
  };
  const stop = () => (clearTimeout(queued), clearInterval(every), ac.abort(), covered?.disconnect(), ours.delete(host));
  ours.add(host);
  document.addEventListener('beforetoggle', soon, { capture: true, signal: ac.signal });
  document.addEventListener('fullscreenchange', soon, { capture: true, signal: ac.signal });
  // Not put there at its appearing (the page cancelled its cancelable beforetoggle, or took the host away as it was
  // shown): no card, as when the page fights later. Left up outside the top layer, it was under the page's own.
  if (!raise()) return (stop(), onLost(), null);
  transition = inTransition();
  popup?.(pageOpen > 0 || transition);
  every = setInterval(look, CHECK_MS);
  const refusal = (): 'covered' | 'popup' | 'transition' | null => {
    const before = raises + ended;
    // Every root walked now: one the page made since the last walk may hold what covers the picker.
    walkAt = 0;
    if (!gone) look();
    if (gone) return 'covered';
    // One the page has open may have been hidden and shown again above it unheard (its root's own listener, registered
    // first, stopped the event: attack32; in the document, the window's: attack34): where nothing tells what covers it,
    // no pick while one is open.
    // Nor while the page's view transition may draw over it (in every browser: no raise puts it above one).
    return pageOpen ? 'popup' : transition ? 'transition' : raises + ended === before ? null : 'covered';
  };
  return { stop, refusal, watch: (el) => (covered?.disconnect(), (box = el), watch()) };
}

type EntryV2 = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * An IntersectionObserver v2 calling `onCovered` when the box it observes is shown but something is drawn over it;
 * null where the browser cannot tell. A raise hides and shows the host in one task: no report comes between.
 */
function coveredWatch(onCovered: () => void): IntersectionObserver | null {
  const IO = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof IO !== 'function') return null;
  const io = new IO((entries) => {
    if ((entries as EntryV2[]).some((e) => e.isIntersecting && e.isVisible === false)) onCovered();
  }, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
  return (io as { trackVisibility?: boolean }).trackVisibility === true ? io : (io.disconnect(), null);
}
