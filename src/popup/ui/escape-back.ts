/**
 * Escape on a screen with a Back control does what Back does (the header's arrow): leaving a screen
 * is one key, as in a dialog (WAI-ARIA APG: Escape closes). Left alone, Escape on the home screen
 * closes Chromium's toolbar popup, and Firefox's panel takes Escape before the page sees it
 * (test/browser/firefox-toolbar-panel.test.ts). Escape is not taken where it means something
 * already: a control that handled it (ConfirmButton, the filters) prevents its default; an open
 * menu, a dialog, a list box or `<select>` (its picker), a text field with text in it (a search box
 * clears, and what was typed is not left behind by a stray key), and a key pressed while composing.
 */
import { useEffect, useRef } from 'preact/hooks';

const TEXT = /^(?:text|search|email|url|tel|password|number|date|datetime-local|month|week|time)$/;

/** True when this keydown is an Escape the page may take for "back". */
export function escapeMeansBack(e: KeyboardEvent): boolean {
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  const el = e.target instanceof Element ? e.target : null;
  if (!el) return true;
  if (el.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [aria-modal="true"], [contenteditable]:not([contenteditable="false"])')) return false;
  if (el.matches('select, [aria-expanded="true"][aria-haspopup]:not([aria-haspopup="false"]), [role="combobox"][aria-expanded="true"]')) return false;
  if (el instanceof HTMLTextAreaElement) return el.value === '';
  if (el instanceof HTMLInputElement && TEXT.test(el.type)) return el.value === '';
  return true;
}

/** While `back` is given, Escape anywhere in the page that `escapeMeansBack` lets through calls it. */
export function useEscapeBack(back: (() => void) | undefined): void {
  const to = useRef(back);
  to.current = back;
  const on = !!back;
  useEffect(() => {
    if (!on) return;
    const key = (e: KeyboardEvent) => {
      if (!to.current || !escapeMeansBack(e)) return;
      e.preventDefault();
      to.current();
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [on]);
}
