/**
 * What pressing one of Lanyard's buttons does, wherever its listeners sit (the document for a host
 * in the light DOM, ui/button.ts; the host itself inside a site's shadow root, dom/shadow-press.ts):
 * the mousedown is cancelled so the site's editor keeps its focus and caret, and warms; the pointer
 * or the keyboard focus reaching it warms (to start loading what the click needs, ahead of it); the
 * click presses it and goes no further. `hostOf` names our host for an event, or null: another
 * element's event, or one a page script made (ui/user.ts).
 */
export function listenPress(target: EventTarget, hostOf: (e: Event) => HTMLElement | null, press: (host: HTMLElement) => void, opts: AddEventListenerOptions, warm: () => void): void {
  target.addEventListener(
    'mousedown',
    (e) => {
      if (!hostOf(e)) return;
      e.preventDefault();
      warm();
    },
    opts,
  );
  for (const t of ['mouseover', 'focusin']) target.addEventListener(t, (e) => { if (hostOf(e)) warm(); }, { ...opts, passive: true });
  target.addEventListener(
    'click',
    (e) => {
      const host = hostOf(e);
      if (!host) return;
      e.preventDefault();
      e.stopPropagation();
      press(host);
    },
    opts,
  );
}
