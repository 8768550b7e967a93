/**
 * Lanyard's words in a page, drawn where the page cannot search them. A closed shadow root hides
 * its nodes from the page's scripts, but not from find-in-page: Chromium's `window.find(text)`
 * searches the flat tree, closed shadow roots included, and tells the page whether the text is
 * there. A page guessing "Issued to one of your addresses", "Verified badge" or a badge's name
 * read the hover card (whether a badge it made for a guessed address was the user's) and, on a
 * picker site, the user's badge list, a guess at a time (test/browser/page-find.test.ts).
 *
 * So no Text node holds them: each string is an empty `<span data-q="…">` whose CSS generated
 * content (`::before { content: attr(data-q) }`, CSS Generated Content 3 §2) draws it. Generated
 * content is not DOM text: find-in-page never matches it, while it is still painted and read out
 * (accessible names and live regions include CSS generated content: Accessible Name and
 * Description Computation 1.2 §4.3.2 step 2F.ii). `attr()` yields a string, never markup.
 */

export const QUIET_ATTR = 'data-q';
/**
 * In every Lanyard shadow root's sheet (shadow.ts), after its `*` rule: the span takes the font of
 * the element it stands in (a bold title stays bold), as the text did.
 */
export const QUIET_CSS = `[${QUIET_ATTR}]{font:inherit}[${QUIET_ATTR}]::before{content:attr(${QUIET_ATTR})}`;

/** A string as generated content. */
export function quiet(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.setAttribute(QUIET_ATTR, text);
  return span;
}

/** Replaces what `el` says (in place of `el.textContent = text`). */
export function say(el: Element, text: string): void {
  if (text) el.replaceChildren(quiet(text));
  else el.replaceChildren();
}

/** The direction `dir="auto"` would give a text (core/share/bidi.ts): `dir=auto` reads Text nodes only, and a quiet string is none. */
export { dirOf } from '../../core/share/bidi.ts';
