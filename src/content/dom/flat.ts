/**
 * The flat tree through open shadow roots (CSS Scoping 1 §2.2, DOM §4.2.2.3 "assigned slot"): hover verifies a
 * badge picture or link inside a web component (attack29). A document listener sees an event from inside a
 * shadow root on its host (retargeting, DOM §2.5) and `closest()` stops at a root, so a badge inside a
 * component, or slotted into one, got no card.
 *
 * Only open roots are walked: the prototype's `shadowRoot` and `assignedSlot` getters answer null for a closed
 * one, and `composedPath()` leaves its nodes out (DOM §2.9), so an element inside a closed root is seen as its
 * host, and an element slotted into one has the host as its parent. Closed roots stay "a click of its own"
 * (own-click.ts): what they hold around a slot (their own link) cannot be seen through the event's path.
 * Every getter is the prototype's: a page's <form> with a control named `assignedSlot` cannot answer.
 */

const getter = <T>(proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get as (this: Node) => T;
let slotOf: ((this: Node) => HTMLSlotElement | null) | undefined;
let parentNodeOf: ((this: Node) => Node | null) | undefined;
let openRootOf: ((this: Node) => ShadowRoot | null) | undefined;
let hostOf: ((this: Node) => Element) | undefined;

/** `el.shadowRoot`: its root when open, else null. */
export function openRoot(el: Element): ShadowRoot | null {
  openRootOf ??= getter(Element.prototype, 'shadowRoot');
  return openRootOf.call(el);
}

/** The parent in the flat tree: the slot `n` is assigned to (in an open root), else its parent, else its root's host. */
export function flatParent(n: Node): Element | null {
  slotOf ??= getter(Element.prototype, 'assignedSlot');
  parentNodeOf ??= getter(Node.prototype, 'parentNode');
  hostOf ??= getter(ShadowRoot.prototype, 'host');
  const slot = n instanceof Element ? slotOf.call(n) : null;
  if (slot) return slot;
  const p = parentNodeOf.call(n);
  if (p instanceof ShadowRoot) return hostOf.call(p);
  return p instanceof Element ? p : null;
}

const matches = (el: Element, selector: string): boolean => Element.prototype.matches.call(el, selector);

/** `closest()` along the flat tree. */
export function flatClosest(el: Element, selector: string): Element | null {
  for (let n: Element | null = el; n; n = flatParent(n)) if (matches(n, selector)) return n;
  return null;
}

/** Whether `b` is `a` or under it in the flat tree. */
export function flatContains(a: Node, b: Node | null): boolean {
  for (let n: Node | null = b; n; n = flatParent(n)) if (n === a) return true;
  return false;
}

/**
 * What a listener outside every shadow root (the window's) finds of `el` in an event's `composedPath()`: `el`, or,
 * when it is inside a closed root (or an open one nested in one), the host of the outermost such root, which stands
 * for all it holds (DOM §2.9: nodes "closed-shadow-hidden" from the listener are left out of the path). A page moved
 * the picker's host into a closed root of its own: the path of a drop on the picker no longer held the host (attack38).
 */
export function seenOutside(el: Node): Node {
  hostOf ??= getter(ShadowRoot.prototype, 'host');
  const modeOf = getter<ShadowRootMode>(ShadowRoot.prototype, 'mode');
  let seen = el;
  for (let r = Node.prototype.getRootNode.call(el); r instanceof ShadowRoot; ) {
    const host = hostOf.call(r);
    if (modeOf.call(r) === 'closed') seen = host;
    r = Node.prototype.getRootNode.call(host);
  }
  return seen;
}

/** Where an event happened: the first node of its path (inside open roots), else its target. */
export function deepTarget(e: Event): EventTarget | null {
  const first = typeof e.composedPath === 'function' ? e.composedPath()[0] : undefined;
  return first instanceof Element ? first : e.target;
}

/** What is hit at (x, y), looked for inside open roots too. */
export function deepElementFromPoint(x: number, y: number): Element | null {
  if (typeof document.elementFromPoint !== 'function') return null;
  let top = document.elementFromPoint(x, y);
  for (let root = top && openRoot(top); root && top; root = openRoot(top)) {
    const inner = typeof root.elementFromPoint === 'function' ? root.elementFromPoint(x, y) : null;
    if (!inner || inner === top) break;
    top = inner;
  }
  return top;
}

/** The focused element, inside open roots too. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  for (let root = a && openRoot(a); root && a; root = openRoot(a)) {
    if (!root.activeElement || root.activeElement === a) break;
    a = root.activeElement;
  }
  return a;
}
