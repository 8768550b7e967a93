/**
 * Web mail: an "Insert badge" button in every compose window's send bar (new messages, replies,
 * pop-outs, several at once). Picking a badge puts its card, sanitised, where the caret was
 * before the picker opened, and the editor is told so it saves the draft.
 */
import type { Feature } from '../loader.ts';
import { logOnce } from '../log.ts';
import { ask } from '../messages.ts';
import { onDomChange } from '../observer.ts';
import { buttonSlot, composeRoot, type ComposeSite } from '../sites/compose.ts';
import { all } from '../sites/selectors.ts';
import { trackCaret } from '../dom/caret.ts';
import { insertFragment } from '../dom/insert.ts';
import { put, takeOut } from '../dom/put.ts';
import { sanitizeCard } from '../dom/sanitize.ts';
import { makeButton, onButton } from '../ui/button.ts';
import { openPicker } from '../ui/picker.ts';

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
    for (const body of all(document, site.body)) {
      if (!(body instanceof HTMLElement) || added.get(body)?.host.isConnected) continue;
      const old = added.get(body);
      if (old) takeOut(old.nodes);
      const root = composeRoot(site, body);
      const slot = root && buttonSlot(site, root);
      if (!slot) {
        logOnce(id, 'a compose body without a send bar: no button');
        continue;
      }
      const host = makeButton(KIND, 'Insert badge');
      bodyOf.set(host, body);
      added.set(body, { host, nodes: put(slot, host) });
    }
  };

  onDomChange(scan, signal);
  onButton(KIND, (host) => {
    const body = bodyOf.get(host);
    if (!body?.isConnected) return;
    // Saved now, before the picker takes the focus.
    const range = caret.rangeIn(body)?.cloneRange() ?? null;
    openPicker({
      signal,
      anchor: host,
      title: 'Insert a badge',
      async onPick(badge) {
        const r = await ask('picker/card', { key: badge.key });
        if (!r.ok) return r.error.message;
        if (!body.isConnected) return 'That message was closed.';
        insertFragment(body, range, sanitizeCard(r.value.html));
      },
    });
  }, signal);
  signal.addEventListener('abort', () => {
    for (const a of added.values()) takeOut(a.nodes);
    added.clear();
  }, { once: true });
}
