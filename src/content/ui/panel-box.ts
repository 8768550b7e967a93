/** Where the picker's panel is drawn, for picker.ts: what a click there reaches, a press inside it, a row brought into view. */

/**
 * Whether a click at the panel's middle reaches Lanyard's host: hit-tested in the tree the host is in (a container in
 * the site's own shadow root, as LinkedIn's 2026 composer: the document's answer would be the root's host), which
 * answers with the host for anything inside its closed root. The root through the prototype (a page cannot clobber it).
 */
export function hitsHost(panel: HTMLElement, host: HTMLElement): boolean {
  const r = panel.getBoundingClientRect();
  // Not laid out (no rendering here): nothing to tell.
  if (!r.width || !r.height) return true;
  const scope = Node.prototype.getRootNode.call(host) as Document | ShadowRoot;
  return scope.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
}

/** Whether a pointer event is inside the panel's box as laid out. */
export function within(panel: HTMLElement, e: MouseEvent): boolean {
  const r = panel.getBoundingClientRect();
  return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
}

/**
 * Brings a row into the list's view by scrolling the list alone. Never `scrollIntoView`: it scrolls every
 * scrollable ancestor, the page's document too (CSSOM View §5), and a page that held the panel out of its
 * view heard from its own scroll events that a row existed (how many badges the user holds, whether a search
 * matched). The list's own scroll happens inside the closed shadow root, where no scroll event reaches the page.
 */
export function showRow(list: HTMLElement, li: Element): void {
  const r = li.getBoundingClientRect();
  const box = list.getBoundingClientRect();
  if (r.top < box.top) list.scrollTop -= box.top - r.top;
  else if (r.bottom > box.bottom) list.scrollTop += r.bottom - box.bottom;
}
