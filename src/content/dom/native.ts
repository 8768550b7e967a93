/**
 * DOM reads and writes a page's <form> cannot clobber. A form's named controls and images are
 * properties of the form itself (HTML §4.10.3 "the form element": named properties, with
 * [LegacyOverrideBuiltIns]), and Chromium's isolated worlds see them (measured in Chromium 156):
 * inside `<form><input name="parentElement"><input name="querySelector">…</form>`, the content
 * script's `form.parentElement` is that <input>, and `form.querySelector(…)` throws. Walking up
 * from a link, or looking for a send button in a compose form, goes through these instead: the
 * prototypes' own getters and methods (this world's, which the page cannot change).
 */

/** `node.parentElement`, even when `node` is a form with a control named "parentElement". */
export const parentOf = (node: Node): Element | null => Object.getOwnPropertyDescriptor(Node.prototype, 'parentElement')!.get!.call(node) as Element | null;

/** The prototype whose querySelector(All) `root` has: a document's, a fragment's or an element's. */
const protoOf = (root: ParentNode): ParentNode =>
  root instanceof Document ? Document.prototype : root instanceof DocumentFragment ? DocumentFragment.prototype : Element.prototype;

export const queryOne = (root: ParentNode, selector: string): Element | null => protoOf(root).querySelector.call(root, selector);
export const queryAll = (root: ParentNode, selector: string): NodeListOf<Element> => protoOf(root).querySelectorAll.call(root, selector);

/** `a.contains(b)`. */
export const containsNode = (a: Node, b: Node | null): boolean => Node.prototype.contains.call(a, b);

/** `parent.append(child)`, `parent.prepend(child)` and `ref.after(node)`. */
export const appendTo = (parent: Element, child: Node): void => Element.prototype.append.call(parent, child);
export const prependTo = (parent: Element, child: Node): void => Element.prototype.prepend.call(parent, child);
export const putAfter = (ref: Element, node: Node): void => Element.prototype.after.call(ref, node);
