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

/**
 * Scripts written right to left (their letters are of bidi class R or AL, UAX #9 Table 4; digits
 * are weak and skipped).
 */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Old_Hungarian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction `dir="auto"` would give this text: that of its first strong character (HTML
 * "the directionality" of an element with dir=auto; UAX #9 P2), ltr when it has none. `dir=auto`
 * reads Text nodes only, and a quiet string is none: it would be ltr whatever it says.
 */
export function dirOf(text: string): 'ltr' | 'rtl' {
  for (const ch of text) if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  return 'ltr';
}
