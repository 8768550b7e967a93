/**
 * Remembers where the caret was in each editor, so a badge goes where the user was typing even
 * though opening the picker moves the focus. One `selectionchange` listener per feature.
 */
export interface CaretTracker {
  /** The last selection inside `editor`, or null when the user never put the caret there. */
  rangeIn(editor: Element): Range | null;
}

export function trackCaret(editorOf: (node: Node) => Element | null, signal: AbortSignal): CaretTracker {
  const saved = new WeakMap<Element, Range>();
  document.addEventListener(
    'selectionchange',
    () => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      const editor = editorOf(range.commonAncestorContainer);
      if (editor) saved.set(editor, range.cloneRange());
    },
    { signal },
  );
  return {
    rangeIn(editor) {
      const r = saved.get(editor);
      return r && editor.contains(r.commonAncestorContainer) ? r : null;
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
  const sel = document.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(r);
  return r;
}
