/**
 * Writes into a site's rich-text editor at the caret the user had. execCommand goes first, as it
 * keeps the editor's undo and fires a real `input`; where it is refused (or missing), the
 * sanitised nodes go in through the Range, and an `input` event tells the editor (Gmail's draft
 * saver, Outlook, LinkedIn's Quill) that the content changed.
 */
import { restoreCaret, selectionFor } from './caret.ts';
import { toHtml } from './sanitize.ts';
import { offerPaste } from './paste.ts';

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

/**
 * An editor that holds text only (HTML "contenteditable" attribute, the plaintext-only state):
 * Chromium's insertHTML there keeps the card's words and drops its links, so the badge's own
 * link would be lost (checked in Chromium 2026: `<a href=…>View</a>` goes in as "View").
 */
function textOnly(editor: HTMLElement): boolean {
  return editor.closest('[contenteditable]')?.getAttribute('contenteditable')?.trim().toLowerCase() === 'plaintext-only';
}

/** Inserts a sanitised fragment (from sanitizeCard) at `range`. */
export function insertFragment(editor: HTMLElement, range: Range | null, fragment: DocumentFragment): void {
  const r = restoreCaret(editor, range);
  if (!command('insertHTML', toHtml(fragment))) fallback(editor, r, fragment, 'insertFromPaste');
}

/**
 * Inserts a badge card (a sanitised fragment from sanitizeCard) or, where the message is plain
 * text, `text` (its sentence, with the link written out). The editor is offered both first, as a
 * paste from the clipboard would (paste.ts): web mail decides there which one its mode keeps,
 * and Gmail's plain-text mode cannot be told from the page (paste.ts). An editor that takes no
 * paste gets the card through insertFragment, or `text` when it holds text only.
 */
export function insertCard(editor: HTMLElement, range: Range | null, fragment: DocumentFragment, text: string): void {
  if (textOnly(editor)) return insertText(editor, range, text);
  restoreCaret(editor, range);
  if (offerPaste(editor, toHtml(fragment), text)) return;
  // The caret the paste was offered at: the editor refused it and changed nothing.
  insertFragment(editor, selectionRange(editor) ?? range, fragment);
}

/** The selection's range when it is inside `editor`. */
function selectionRange(editor: HTMLElement): Range | null {
  const sel = selectionFor(editor);
  const r = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  return r && editor.contains(r.commonAncestorContainer) ? r : null;
}

/** Inserts plain text at `range`. */
export function insertText(editor: HTMLElement, range: Range | null, text: string): void {
  const r = restoreCaret(editor, range);
  if (!command('insertText', text)) fallback(editor, r, document.createTextNode(text), 'insertText');
}
