/**
 * Lanyard's UI lives in closed shadow roots, which page scripts (and tests) cannot reach through
 * `host.shadowRoot`. Tests keep the roots as they are made, by wrapping attachShadow.
 */
const roots = new WeakMap<Element, ShadowRoot>();
const original = Element.prototype.attachShadow;

Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = original.call(this, init);
  roots.set(this, root);
  return root;
};

export function shadowOf(host: Element | null | undefined): ShadowRoot {
  const root = host ? roots.get(host) : undefined;
  if (!root) throw new Error('no shadow root for this element');
  return root;
}

/** Our UI hosts of one kind (button kind, 'picker', 'hover-card'). */
export function hosts(kind: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-lanyard="${kind}"]`)];
}

export function pickerRoot(): ShadowRoot {
  return shadowOf(hosts('picker')[0]);
}

/** Lets queued microtasks and resolved promises run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

/**
 * What an element of Lanyard's UI shows: its text is CSS generated content (src/content/ui/quiet.ts,
 * `data-q`), never Text nodes, so `textContent` is empty; this reads it in document order.
 */
export function shown(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE && n.parentElement?.localName !== 'style') out += n.textContent ?? '';
    if (n instanceof Element && n.hasAttribute('data-q')) out += n.getAttribute('data-q');
    n.childNodes.forEach(walk);
  };
  walk(el);
  return out;
}
