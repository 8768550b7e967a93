import { listenPress } from '../ui/press.ts';
import { fromUser } from '../ui/user.ts';

/**
 * A button host put inside a site's open shadow root (LinkedIn's #interop-outlet): the document's
 * delegated listener (ui/button.ts `onButton`) sees its events retargeted to the site's shadow
 * host, not to ours, so the host itself listens, with the same behaviour (the mousedown keeps the
 * editor's focus and caret; hover and focus warm up what the press needs). A host in the light DOM
 * is left to `onButton`. Should `onButton` come to read `composedPath()`, its capture-phase
 * listener runs first and stops the click, so a press is never handled twice. As there, only the
 * user's own events count (ui/user.ts): the host sits in the site's open shadow root, where a page
 * script reaches it as easily as a light-DOM host.
 */
export function pressInShadow(host: HTMLElement, press: (host: HTMLElement) => void, signal: AbortSignal): void {
  if (!(host.getRootNode() instanceof ShadowRoot)) return;
  listenPress(host, (e) => (fromUser(e) ? host : null), press, { signal });
}
