/**
 * What a web mail site must tell the compose feature: where editable message bodies are, and,
 * from a body, its compose window and the place for the "Insert badge" button. Gmail and
 * Outlook implement it as data in gmail.ts and outlook.ts.
 */
import { all, closest, first, type Selectors } from './selectors.ts';
import { containsNode, parentOf } from '../dom/native.ts';

export interface ComposeSite {
  id: string;
  matches(url: URL): boolean;
  /** Every compose body on the page (new messages, replies, pop-outs), in order of preference. */
  body: Selectors;
  /** The compose window around a body (`closest`); else the nearest ancestor holding a send button. */
  root: Selectors;
  /** The send button inside a compose window. */
  send: Selectors;
  /** A table row of the send bar that takes one more cell (Gmail), tried before `send`. */
  row?: Selectors;
}

/** How far up from a body the fallback looks for an ancestor with a send button. */
const MAX_DEPTH = 25;

export function composeRoot(site: ComposeSite, body: Element): Element | null {
  const known = closest(body, site.root);
  if (known && first(known, site.send)) return known;
  // parentOf/containsNode: the compose may sit in a <form> whose controls carry any name (dom/native.ts).
  let el = parentOf(body);
  for (let i = 0; el && i < MAX_DEPTH; i++, el = parentOf(el)) {
    // The first ancestor with a send button. When it holds another message body too, that send is the other
    // body's: this editor has none of its own (Gmail's signature editor in Settings, beside a docked compose).
    if (first(el, site.send)) return all(el, site.body).some((b) => !containsNode(b, body) && !containsNode(body, b)) ? known : el;
  }
  return known;
}

export type Slot = { row: Element } | { after: Element };

/** Where the button goes in a compose window: a new cell of the send bar, else after send. */
export function buttonSlot(site: ComposeSite, root: Element): Slot | null {
  const row = site.row ? first(root, site.row) : null;
  if (row) return { row };
  const send = first(root, site.send);
  if (!send) return null;
  // Split buttons (send + its menu) sit in a group: go after the group, not between its halves.
  const group = parentOf(send)?.closest('[role="group"], .ms-Button-splitContainer, .dC') ?? splitOf(send);
  return { after: group && containsNode(root, group) ? group : send };
}

/** An unnamed split button: a parent holding only send and its menu button(s). */
function splitOf(send: Element): Element | null {
  const parent = parentOf(send);
  const kids = parent ? Array.from(parent.children) : [];
  const buttons = kids.filter((k) => k.tagName === 'BUTTON' || k.getAttribute('role') === 'button');
  return kids.length > 1 && kids.length <= 3 && buttons.length === kids.length ? parent : null;
}
