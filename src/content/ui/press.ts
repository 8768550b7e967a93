/**
 * What pressing one of Lanyard's buttons does, wherever its listeners sit (the document for a host
 * in the light DOM, ui/button.ts; the host itself inside a site's shadow root, dom/shadow-press.ts):
 * the mousedown is cancelled so the site's editor keeps its focus and caret, and warms (on-demand.ts `preloadUi`); the pointer
 * or the keyboard focus reaching it warms (to start loading what the click needs, ahead of it); the
 * click presses it and goes no further. `hostOf` names our host for an event, or null: another
 * element's event, or one a page script made (ui/user.ts).
 *
 * A page can focus our host (delegatesFocus: the button takes it) under the user's typing, and their
 * next Enter or Space, meant for the page, pressed it (attack39). A key presses it only where the
 * focus came with the user's own Tab (their last key before the focus arrived). A pointer's click, or
 * an assistive technology's, comes with no key and still presses it. One listener for all
 * (content_js_gz_kb). Left, for those bytes: a page that cancels the user's Tab and focuses the host
 * itself, or focuses it after a Tab and before the next key, gets the next Enter (hover-intent.ts also
 * asks that the Tab kept its default action).
 *
 * The picker closed with the user's Escape or × gives the focus back to the button that opened it (WAI-ARIA APG
 * dialog pattern) and marks that host with BACK while it does (ui/picker.ts): that focus counts as the user's Tab.
 * BACK is a property of this world's own wrapper of the host: the page's scripts never see it nor set it (Chromium's
 * isolated world, Firefox's Xray wrappers), and it is there only during the picker's own focus() call.
 */
import { preloadUi } from '../on-demand.ts';
import { fromUser } from './user.ts';

// Whether the last key the user pressed was a Tab, for every listener: one on a host in a site's shadow root
// (shadow-press.ts) hears only its own keys. A focus that comes before the next key came with that Tab.
let tab = false;
export const BACK = 'lanyard';

export function listenPress(target: EventTarget, hostOf: (e: Event) => HTMLElement | null, press: (host: HTMLElement) => void, opts: AddEventListenerOptions): void {
  let reached: unknown;
  for (const t of ['mousedown', 'mouseover', 'focusin', 'click', 'keydown']) target.addEventListener(t, (e) => {
    const host = hostOf(e), k = (e as KeyboardEvent).key;
    if (t == 'keydown') tab = k == 'Tab' && fromUser(e);
    if (host) {
      if (t == 'click') return void (e.preventDefault(), e.stopPropagation(), press(host));
      if (t == 'focusin') reached = (tab || (host as never)[BACK]) && host;
      // Enter presses a button at its keydown's default action (keypress); Space at its keyup, only after a keydown
      // whose default action went ahead (Chromium: cancelled here, the Space pressed nothing).
      if (t == 'mousedown' || (t == 'keydown' && host != reached && (k == 'Enter' || k == ' '))) e.preventDefault();
      void preloadUi();
    }
  }, opts);
}
