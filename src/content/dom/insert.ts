/**
 * Writes into a site's rich-text editor at the caret the user had. execCommand goes first, as it
 * keeps the editor's undo and fires a real `input`; where it is refused (or missing), the
 * sanitised nodes go in through the Range, and an `input` event tells the editor (Gmail's draft
 * saver, Outlook, LinkedIn's Quill) that the content changed.
 */
import { restoreCaret, selectionFor } from './caret.ts';
import { toHtml } from './sanitize.ts';

function command(name: string, value: string): boolean {
  try {
    return document.execCommand(name, false, value);
  } catch {
    return false;
  }
}

function fallback(editor: HTMLElement, range: Range, node: Node, inputType: string): void {
  const last = node instanceof DocumentFragment ? node.lastChild : node;
  range.deleteContents();
  range.insertNode(node);
  if (last) range.setStartAfter(last);
  range.collapse(true);
  const sel = selectionFor(editor);
  sel?.removeAllRanges();
  sel?.addRange(range);
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
}

/** Inserts a sanitised fragment (from sanitizeCard) at `range`. */
export function insertFragment(editor: HTMLElement, range: Range | null, fragment: DocumentFragment): void {
  const r = restoreCaret(editor, range);
  if (!command('insertHTML', toHtml(fragment))) fallback(editor, r, fragment, 'insertFromPaste');
}

/** Inserts plain text at `range`. */
export function insertText(editor: HTMLElement, range: Range | null, text: string): void {
  const r = restoreCaret(editor, range);
  if (!command('insertText', text)) fallback(editor, r, document.createTextNode(text), 'insertText');
}
