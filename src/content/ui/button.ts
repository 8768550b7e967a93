/**
 * The small buttons Lanyard adds to a site's toolbars. Clicks are handled by one delegated
 * listener per feature on the document (the closed shadow root retargets them to the host), and
 * a mousedown on them is cancelled so the editor keeps its focus and caret.
 */
import { listenPress } from './press.ts';
import { quiet } from './quiet.ts';
import { mountShadow } from './shadow.ts';
import { fromUser } from './user.ts';

// Of a :host rule only important declarations reach the host: the sheet's `:host{all:initial!important}` (shadow.ts)
// outweighs any normal one in the same tree (CSS Cascade 5 §6.1; test/browser/content-linkedin.test.ts measures the box).
const CSS =
  ':host{display:inline-flex!important}' +
  'button{display:inline-flex;align-items:center;gap:5px;border:1px solid #8a8f98;border-radius:16px;' +
  'background:#fff;color:#1d2430;padding:4px 10px;cursor:pointer;white-space:nowrap}' +
  'button:hover{background:#eef3fb}button:focus-visible{outline:2px solid #0a66c2;outline-offset:1px}' +
  // The <i> is a flex item of the button: blockified (CSS Display 3 §2.7), it needs no display of its own.
  'i{width:12px;height:12px;border-radius:50%;background:#d4a017;box-shadow:inset 0 0 0 3px #f5d76e}';

/**
 * The hosts makeButton made. The attribute alone does not make a host ours: a page can put its own
 * `<div data-lanyard="linkedin-fill-form">` under a link the user is about to click, and that real
 * click would open the picker where the page chose (hostile review, session 11).
 */
const made = new WeakMap<EventTarget, string>();

/**
 * The host delegates focus: a feature may give it the tabindex of the site's control beside it
 * (`tabAfter`), and the Tab key then lands on the button, not on the host first.
 */
export function makeButton(kind: string, label: string): HTMLElement {
  const { host, root } = mountShadow(kind, CSS, true);
  // Not through h() (h.ts): its generic attribute loop costs the always-loaded scripts more than these lines.
  const button = document.createElement('button');
  const dot = document.createElement('i');
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  dot.setAttribute('aria-hidden', 'true');
  button.append(dot, quiet(label));
  root.append(button);
  made.set(host, kind);
  return host;
}

/**
 * Our button's host when the user (not a page script: user.ts) pressed or reached it, and Lanyard made it as this
 * kind. The host has no children of its own: what happens in its closed root is retargeted to it (DOM §2.5).
 */
function hostOf(e: Event, kind: string): HTMLElement | null {
  const t = e.target as HTMLElement;
  return fromUser(e) && made.get(t) == kind ? t : null;
}

/**
 * Calls `handler` when a button of this kind is clicked, until `signal` aborts; starts loading the on-demand file (on-demand.ts `preloadUi`) when the
 * pointer or the keyboard focus reaches one, and at the mousedown before the click (to start
 * loading what the click needs, ahead of it).
 */
export function onButton(kind: string, handler: (host: HTMLElement) => void, signal: AbortSignal): void {
  listenPress(document, (e) => hostOf(e, kind), handler, { capture: true, signal });
}

/**
 * Puts `host` in the Tab order of the site's control `beside`: a site that numbers its controls
 * with a positive tabindex (Gmail's compose: To, Subject, the body, Send, the formatting buttons all
 * carry tabindex="1") is walked through before anything at 0, so a button left at 0 would be reached
 * only after the whole page (HTML §6.6.3, sequential focus order).
 */
export function tabAfter(host: HTMLElement, beside: Element | null): void {
  const t = Number.parseInt(beside?.getAttribute('tabindex') ?? '', 10);
  if (t > 0) host.setAttribute('tabindex', String(t));
}
