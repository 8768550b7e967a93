/**
 * Remembers where the caret was in each editor, so a badge goes where the user was typing even
 * though opening the picker moves the focus. One `selectionchange` listener per feature.
 *
 * An editor inside an open shadow root (LinkedIn's composer in #interop-outlet): Chromium's
 * `document.getSelection()` retargets a selection there to the shadow host, and only the
 * non-standard `ShadowRoot.getSelection()` shows it; Firefox shows it through the document's.
 */
export interface CaretTracker {
  /** A copy of the last selection inside `editor` (the picker's own, which no later caret changes), or null when the user never put the caret there. */
  rangeIn(editor: Element): Range | null;
}

type WithSelection = ShadowRoot & { getSelection?(): Selection | null };

/** The Selection that holds `node`'s ranges: its shadow root's where the browser has one, else the document's. */
export function selectionFor(node: Node): Selection | null {
  const root = node.getRootNode() as WithSelection;
  return (root instanceof ShadowRoot && typeof root.getSelection === 'function' && root.getSelection()) || document.getSelection();
}

export function trackCaret(editorOf: (node: Node) => Element | null, signal: AbortSignal): CaretTracker {
  const saved = new WeakMap<Element, Range>();
  const remember = (sel: Selection | null | undefined): boolean => {
    if (!sel?.rangeCount) return false;
    const range = sel.getRangeAt(0);
    const editor = editorOf(range.commonAncestorContainer);
    if (editor) saved.set(editor, range.cloneRange());
    return editor !== null;
  };
  const update = () => {
    // The document's selection, then the focused open shadow roots', outermost first (closed ones are not reachable,
    // ours included), 8 deep at most.
    let root: Document | WithSelection | null | undefined = document;
    for (let i = 0; root && i < 9; i++, root = root.activeElement?.shadowRoot) if (typeof root.getSelection === 'function' && remember(root.getSelection())) return;
  };
  document.addEventListener('selectionchange', update, { signal });
  return {
    rangeIn(editor) {
      // The live selection first: Blink runs input (the button's press) before a queued
      // `selectionchange`, so the last key's caret may not have been seen yet.
      update();
      const r = saved.get(editor);
      return r && editor.contains(r.commonAncestorContainer) ? r.cloneRange() : null;
    },
  };
}

/** Puts the caret back (or at the end of the editor) and focuses the editor. */
export function restoreCaret(editor: HTMLElement, range: Range | null): Range {
  editor.focus({ preventScroll: true });
  let r = range;
  if (!r || !editor.contains(r.commonAncestorContainer)) {
    r = document.createRange();
    r.selectNodeContents(editor);
    r.collapse(false);
  }
  const sel = selectionFor(editor);
  sel?.removeAllRanges();
  sel?.addRange(r);
  return r;
}
