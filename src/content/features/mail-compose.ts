/**
 * Web mail: an "Insert badge" button in every compose window's send bar (new messages, replies,
 * pop-outs, several at once). Pressing it loads the picker (on-demand.ts); the chosen badge's
 * card goes in, sanitised, where the caret was before the picker opened (actions/mail.ts).
 */
import type { Feature } from '../loader.ts';
import { logOnce } from '../log.ts';
import { tx } from '../i18n.ts';
import { withUi } from '../on-demand.ts';
import { onDomChange } from '../observer.ts';
import { buttonSlot, composeRoot, type ComposeSite } from '../sites/compose.ts';
import { all, first } from '../sites/selectors.ts';
import { trackCaret } from '../dom/caret.ts';
import { put, putInRow, takeOut } from '../dom/put.ts';
import { makeButton, onButton, tabAfter } from '../ui/button.ts';

const KIND = 'insert-badge';

export function composeFeature(site: ComposeSite): Feature {
  return { id: `${site.id}-insert-badge`, matches: site.matches, init: (signal) => init(site, signal) };
}

function init(site: ComposeSite, signal: AbortSignal): void {
  const id = `${site.id}-insert-badge`;
  /** Each compose body with what we added to its window. */
  const added = new Map<HTMLElement, { host: HTMLElement; nodes: Element[] }>();
  const bodyOf = new WeakMap<HTMLElement, HTMLElement>();
  const caret = trackCaret((node) => {
    for (const body of added.keys()) if (body.contains(node)) return body;
    return null;
  }, signal);

  const scan = () => {
    // Copies of our button that a site cloned along with its own markup do nothing: take them out.
    const ours = new Set([...added.values()].map((a) => a.host));
    for (const el of document.querySelectorAll<HTMLElement>(`[data-lanyard="${KIND}"]`)) if (!ours.has(el)) el.remove();
    for (const [body, a] of added) {
      if (!body.isConnected) {
        takeOut(a.nodes);
        added.delete(body);
      }
    }
    const bodies = all(document, site.body);
    for (const body of bodies) {
      if (!(body instanceof HTMLElement) || added.get(body)?.host.isConnected) continue;
      // An editable region inside a body (pasted markup, an embedded component) is part of that body.
      if (bodies.some((outer) => outer !== body && outer.contains(body))) continue;
      const old = added.get(body);
      if (old) takeOut(old.nodes);
      const root = composeRoot(site, body);
      const slot = root && buttonSlot(site, root);
      if (!slot) {
        logOnce(id, 'a compose body without a send bar: no button');
        continue;
      }
      const host = makeButton(KIND, tx('contentButtonInsertBadge'));
      tabAfter(host, first(root, site.send)); // Gmail's compose is all tabindex="1"
      bodyOf.set(host, body);
      added.set(body, { host, nodes: 'row' in slot ? putInRow(slot.row, host) : put(slot, host) });
    }
  };

  onDomChange(scan, signal);
  onButton(KIND, (anchor) => {
    const editor = bodyOf.get(anchor);
    if (!editor?.isConnected) return;
    // Saved now, before the picker takes the focus.
    const range = caret.rangeIn(editor);
    void withUi('mail', signal, (ui) => ui.insertCard({ anchor, signal, editor, range }));
  }, signal);
  signal.addEventListener('abort', () => {
    for (const a of added.values()) takeOut(a.nodes);
    added.clear();
  });
}
