/**
 * Whether a click where the user points opens the badge link hover checked, or something inside it
 * with a click of its own (attack28). The element that acts on a click is the first one on the event's
 * path with an activation behaviour (DOM §2.9 "dispatch", activationTarget), the shadow trees the path
 * crosses included: inside `<a href=badge>`, a `<button form=f>` submits its form to the page's server
 * (no script needed), and a shadow root (declarative: `<template shadowrootmode="closed">`, no script
 * either) may hold its own `<a href>`, while the document sees the event on the host and `closest('a')`
 * finds the badge link. Open roots are seen through the prototype's getter; closed ones through the
 * extension's own DOM API (Chromium `chrome.dom.openOrClosedShadowRoot`, Firefox content scripts'
 * `Element.openOrClosedShadowRoot`), never through anything the page can set.
 */
import { extensionDom } from '../world.ts';
import { flatClosest, flatParent, openRoot } from './flat.ts';

/** Elements whose click is their own (HTML §4.10 form controls, §4.11.1 summary, §4.8.14 area, embedded content). */
const OWN_CLICK = 'button, input, select, textarea, label, summary, area, iframe, object, embed, audio[controls], video[controls]';

let rootGetter: ((this: Element) => ShadowRoot | null) | undefined;
const matches = (el: Element, selector: string): boolean => Element.prototype.matches.call(el, selector);

/** The shadow root `el` hosts, open or closed (closed ones through the extension's own DOM API only), else null. */
export function anyRoot(el: Element): ShadowRoot | null {
  rootGetter ??= Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get as (this: Element) => ShadowRoot | null;
  const open = rootGetter.call(el);
  if (open) return open;
  try {
    // Firefox's content-script-only property (a page's control named so is an element, never a ShadowRoot).
    const ff = (el as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
    if (ff instanceof ShadowRoot) return ff;
    const root = extensionDom()?.openOrClosedShadowRoot(el);
    return root instanceof ShadowRoot ? root : null;
  } catch {
    return null;
  }
}

/** Whether `el` hosts a shadow root, open or closed. */
export const hostsShadow = (el: Element): boolean => anyRoot(el) !== null;

/**
 * Whether a click on `from` (where the event happened, inside open shadow roots: dom/flat.ts) may go somewhere
 * other than the link around the checked element `el` (a badge link, or a picture): an element between them
 * with its own click or another link, or a shadow root whose inside is not on the way (a closed one, or the
 * host itself under the pointer: what in it is clicked is not known). Walked along the flat tree: a slotted
 * picture goes through its slot, so that an open root's own link around the slot is the link (clickTarget).
 */
export function clickIsElsewhere(from: Element, el: Element): boolean {
  const link = flatClosest(el, 'a[href], a[*|href]');
  for (let n: Element | null = from; n && n !== link; n = flatParent(n)) {
    if (matches(n, OWN_CLICK) || (n !== el && matches(n, 'a[href], a[*|href]'))) return true;
    if (hostsShadow(n) && (n === from || !openRoot(n))) return true;
  }
  return false;
}
