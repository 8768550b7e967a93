/**
 * A badge card offered to a web-mail editor the way a copy from a web page reaches it: a `paste`
 * event whose DataTransfer holds two flavours, `text/html` (the sanitised card) and `text/plain`
 * (the sentence with its link written out). Editors handle pastes themselves, cancel the event's
 * default and keep the flavour their mode allows, so a message in plain text gets the words and
 * the link rather than the card's words without its link.
 *
 * Why not ask the page whether the message is plain text: Gmail's plain-text mode leaves no trace
 * in the compose window (no attribute, same contenteditable; its menu item exists only once the
 * menu was opened: leggett/simplify issue 264, 2021; adam-p/markdown-here issue 50), and text
 * pasted in that mode loses its markup (public Gmail signature guides). Gmail's compose takes
 * synthetic `paste` events with `text/html` (public userscripts insert HTML that way).
 *
 * An editor without a paste handler ignores the event (a synthetic paste has no default action:
 * UI Events, trusted events): it is then left unchanged, and the caller inserts the card itself.
 * In Firefox the page would read the offer empty (world.ts `isFirefoxSandbox`), cancel it and keep
 * nothing: no paste is offered there, and the card goes in as HTML.
 */
import { isFirefoxSandbox } from '../world.ts';

/** Whether the editor took the paste: it cancelled the event's default, or its content changed. */
export function offerPaste(editor: HTMLElement, html: string, text: string): boolean {
  if (typeof DataTransfer !== 'function' || typeof ClipboardEvent !== 'function' || isFirefoxSandbox()) return false;
  let event: ClipboardEvent;
  try {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', text);
    event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  } catch {
    return false;
  }
  const before = editor.innerHTML;
  editor.dispatchEvent(event);
  return event.defaultPrevented || editor.innerHTML !== before;
}
