/**
 * Escape on a screen with a Back control does what Back does (the header's arrow): leaving a screen
 * is one key, as in a dialog (WAI-ARIA APG: Escape closes); a Back inside a screen (the welcome's
 * "Other ways to start") goes first, on the first run's home too. Left alone, Escape on the home screen
 * closes Chromium's toolbar popup, and Firefox's panel takes Escape before the page sees it
 * (test/browser/firefox-toolbar-panel.test.ts). Escape is not taken where it means something
 * already: a control that handled it (ConfirmButton, the filters) prevents its default; a menu, a
 * dialog or a `<select>` (its picker), a text field with text in it (a search box clears, and what
 * was typed is not left behind by a stray key; a read-only one holds nothing typed), and a key
 * pressed while composing.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Inputs whose value is not typed text (Escape on them has no meaning of its own). */
const NOT_TEXT = /^(?:checkbox|radio|file|button|submit|reset)$/;

/**
 * True when this keydown is an Escape the page may take for "back". The popup has no dialog or menu of
 * its own today; one added later keeps its Escape (its role says it).
 */
export function escapeMeansBack(e: KeyboardEvent): boolean {
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  const el = e.target instanceof Element ? e.target : null;
  if (el?.closest('select,dialog,[role=dialog],[role=menu]')) return false;
  // A read-only field (the share screen's link and embed code) holds nothing typed: Escape is Back there too.
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !NOT_TEXT.test(el.type))) return el.readOnly || el.value === '';
  return true;
}

interface Back {
  level: number;
  run: () => void;
}
/** The Backs on show; Escape takes the innermost (highest level): a form's "Other ways to start" before the header's arrow. */
const backs = new Set<{ current: Back | undefined }>();
const onKey = (e: KeyboardEvent) => {
  let top: Back | undefined;
  for (const b of backs) if (b.current && (!top || b.current.level >= top.level)) top = b.current;
  if (!top || !escapeMeansBack(e)) return;
  e.preventDefault();
  top.run();
};

/**
 * While `back` is given, Escape anywhere in the page that `escapeMeansBack` lets through calls it,
 * or the `back` of a higher `level` given meanwhile (0: the header's Back; 1: a Back inside a screen).
 */
export function useEscapeBack(back: (() => void) | undefined, level = 0): void {
  const at = useRef<Back | undefined>(undefined);
  at.current = back ? { level, run: back } : undefined;
  useEffect(() => {
    backs.add(at);
    if (backs.size === 1) document.addEventListener('keydown', onKey);
    return () => {
      backs.delete(at);
      if (!backs.size) document.removeEventListener('keydown', onKey);
    };
  }, []);
}
