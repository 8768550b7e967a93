/**
 * The vocabulary of site knowledge: ordered selector lists (roles and aria labels first, hashed
 * class names last) and label tables per UI language. Sites change their markup without notice;
 * a fix should be a one-line change in content/sites/*.ts plus a new fixture.
 */
import { queryAll, queryOne } from '../dom/native.ts';

/** Ordered fallbacks: the first selector that finds anything wins. */
export type Selectors = readonly string[];

/** One visible or accessible label in each UI language Lanyard knows (at least en, fr, de, es). */
export interface Labels {
  en: string;
  fr: string;
  de: string;
  es: string;
  [lang: string]: string;
}

/** Typographic apostrophes, written either way by a site's translators ("l’intro", "l'intro"). */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Every language's text of a label table, with a straight-apostrophe twin of any curly one. */
export function texts(labels: Labels): string[] {
  return [...new Set(Object.values(labels).flatMap((t) => [t, t.replace(APOSTROPHES, "'")]))];
}

/**
 * `template` with `$` replaced by each label, quoted for an attribute selector: aria labels often
 * carry invisible marks or shortcuts after the words (Gmail: "Send ‪(Ctrl-Enter)‬"), so templates
 * use `^=` rather than `=`. Case counts: Gmail's "Message Body" and Outlook's "Message body" must
 * not find each other's editors.
 */
/* @__NO_SIDE_EFFECTS__ */
export function byLabel(template: string, labels: Labels): string[] {
  return texts(labels).map((t) => template.replaceAll('$', JSON.stringify(t)));
}

/**
 * Selectors written out and from label tables (`byLabel`), in order. A call the bundler knows to be
 * pure (unlike an array spread): site data a bundle does not use drops out of it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function selectors(...parts: (string | readonly string[])[]): Selectors {
  return parts.flat();
}

/** The first element matched by the first selector that matches anything (root included; a form's named controls cannot stand in: dom/native.ts). */
export function first(root: ParentNode, selectors: Selectors): Element | null {
  for (const s of selectors) {
    const found = queryOne(root, s);
    if (found) return found;
  }
  return null;
}

/** All elements matched by the first selector that matches anything. */
export function all(root: ParentNode, selectors: Selectors): Element[] {
  for (const s of selectors) {
    const found = queryAll(root, s);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * The document and the open shadow roots of the hosts a site renders parts of its page into
 * (LinkedIn's #interop-outlet): selectors do not cross shadow boundaries. Closed roots stay closed.
 */
export function openRoots(doc: Document, hosts: Selectors): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (const s of hosts) {
    for (const el of doc.querySelectorAll(s)) if (el.shadowRoot && !roots.includes(el.shadowRoot)) roots.push(el.shadowRoot);
  }
  return roots;
}

/** The nearest ancestor (or self) matching any of the selectors, trying them in order. */
export function closest(el: Element, selectors: Selectors): Element | null {
  for (const s of selectors) {
    const found = el.closest(s);
    if (found) return found;
  }
  return null;
}

/** Normalised text: collapsed spaces, straight apostrophes, no bidi or zero-width marks. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(APOSTROPHES, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `text` equals or starts with one of the label's translations (case-insensitive). A
 * required field's marker may come first ("* Name", "*Nom"): it is skipped.
 */
export function hasLabel(text: string | null | undefined, labels: Labels): boolean {
  const t = cleanText(text).replace(/^\*\s*/, '').toLowerCase();
  return t !== '' && texts(labels).some((l) => t.startsWith(cleanText(l).toLowerCase()));
}
