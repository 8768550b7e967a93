import { tx, type ContentKey } from '../i18n.ts';
import { QUIET_CSS } from './quiet.ts';

/**
 * Every piece of UI Lanyard puts on a page lives in a closed shadow root: the page's styles do
 * not reach it (`all: initial` on the host), and the page's scripts cannot read the user's badges
 * out of it: not its nodes (closed), not its words by searching (quiet.ts: window.find searches
 * closed shadow roots). (Bitwarden's closed shadow roots; Hypothesis's shadow containers.)
 *
 * The host is a <span>, never a custom element name: a page can define `lanyard-ui` itself, and a
 * custom element's ElementInternals (attachInternals() in its constructor, which runs even for an
 * element a content script creates) hands the page its shadow root, closed or not (DOM §4.2.14,
 * "available to element internals"): it read and rewrote the picker's rows and the hover card.
 */
export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
}

/** Marks our hosts, so features and the page observer can tell them apart. */
export const HOST_ATTR = 'data-lanyard';

/**
 * Generic font families only: the page's @font-face rules reach into shadow roots, and a family
 * named by name ("Segoe UI", Roboto, even -apple-system outside Safari) can be one the page
 * declares, split by unicode-range, so that the characters Lanyard draws (a badge's name in another
 * script, the marks ✓ ✕) would fetch, from the page's server and its service worker, the pieces
 * that hold them. A generic family is never matched against @font-face (CSS Fonts 4, generic font families).
 */
const BASE = `:host{all:initial!important}*{box-sizing:border-box;font:13px/1.35 system-ui,sans-serif}${QUIET_CSS}`;

/**
 * A panel's own direction, for the picker and the hover card (attack37): `all` leaves out `direction` and
 * `unicode-bidi` (CSS Cascade 5 §3.2 "the all shorthand"), so a page's `dir="rtl"` reached the panel and mirrored it
 * ("Use it anyway" where "Choose another" was, the close button where the title was). The direction is the browser
 * language's (the predefined `@@bidi_dir` message), as the words are; !important beats the page's rules on the host
 * (the shadow tree's important declarations win). A page's `<meta name="color-scheme">` reaches the system colours
 * of form controls (`color-scheme: normal`, CSS Color Adjustment 1 §2.2): the picker gives its controls their own
 * colours (picker.ts); the hover card has none.
 */
export const ownDirection = (): string => `:host{direction:${tx('@@bidi_dir' as ContentKey) === 'rtl' ? 'rtl' : 'ltr'}!important;unicode-bidi:isolate!important}`;

/**
 * Nothing of the page's drawn in the host's own box (attack38). The host is the page's element: its stylesheet reaches
 * the host's `::before` and `::after` (the `all` on the host does not: a pseudo-element is styled on its own, CSS
 * Pseudo-Elements 4 §3), which are drawn inside the host, after the panel at the same z-index, so above it, and in the
 * top layer with it, where no raise gets above them. A page's `::after` laid its picture over the whole picker, letting
 * the pointer through: in Firefox (no IntersectionObserver v2) a person's click "on the page" picked the badge under it,
 * and it could draw a look-alike verdict over the hover card. The shadow tree's important declarations win over the
 * page's, important or not (CSS Cascade 5 §6.1 "cascade contexts").
 */
export const NO_PAGE_PSEUDO = ':host::before,:host::after{content:none!important;display:none!important}';

function style(root: ShadowRoot, css: string): void {
  const text = BASE + css;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Not adopted: checked below.
  }
  // No constructable sheets here (or a content script may not adopt them): a <style> does the same.
  if (root.adoptedStyleSheets?.length != 1) {
    const el = document.createElement('style');
    el.textContent = text;
    root.append(el);
  }
}

/**
 * `delegatesFocus`: the host is never a Tab stop of its own, even with a tabindex; focus goes to
 * the first control inside (DOM §4.2.2.1, HTML §6.6.3 "focus delegate").
 */
export function mountShadow(kind: string, css: string, delegatesFocus?: boolean): ShadowUi {
  const host = document.createElement('span');
  host.setAttribute(HOST_ATTR, kind);
  const root = host.attachShadow({ mode: 'closed', delegatesFocus });
  style(root, css);
  return { host, root };
}
