/**
 * Finding things on LinkedIn with the data of linkedin.ts: the Licenses & certifications card,
 * whether the viewer owns the profile, the certification form's fields, the post composer.
 * Every function returns null (or false) rather than guess.
 */
import { certForm, composer, profile, shadowHosts, type FieldSpec } from './linkedin.ts';
import { all, cleanText, closest, first, hasLabel, openRoots } from './selectors.ts';

export function certSection(doc: Document): Element | null {
  const anchor = first(doc, profile.certAnchor);
  const byAnchor = anchor && closest(anchor, profile.certCard);
  if (byAnchor) return byAnchor;
  const heading = all(doc, profile.cardHeading).find((h2) => hasLabel(h2.textContent, profile.certHeading));
  return heading?.closest('section') ?? null;
}

/** Only the owner sees the card's add/edit links, or the intro's edit pencil. */
export function isOwnProfile(doc: Document, section: Element): boolean {
  return first(section, profile.ownerInCard) !== null || first(doc, profile.ownerInPage) !== null;
}

/** Where the "Add badge" button goes: appended to the card's header row, else after its title. */
export function certButtonSlot(section: Element): { append: Element } | { after: Element } | null {
  const row = first(section, profile.headerSlot);
  if (row) return { append: row };
  const title = section.querySelector('h2');
  return title ? { after: title } : null;
}

/**
 * A certification form field: by id, else by the text of the <label> pointing at it, else by its
 * own accessible name (`aria-labelledby`, `aria-label`), as forms built without <label>s give it.
 */
export function certField(doc: Document, spec: FieldSpec): HTMLInputElement | null {
  const byId = first(doc, spec.selectors);
  if (byId instanceof HTMLInputElement) return byId;
  for (const label of doc.querySelectorAll('label')) {
    if (!hasLabel(label.textContent, spec.labels)) continue;
    const target = label.control ?? (label.htmlFor ? doc.getElementById(label.htmlFor) : null);
    if (target instanceof HTMLInputElement) return target;
  }
  for (const input of doc.querySelectorAll('input[aria-labelledby], input[aria-label]')) {
    if (input instanceof HTMLInputElement && hasLabel(nameOf(doc, input), spec.labels)) return input;
  }
  return null;
}

/**
 * An element's `aria-labelledby` text, else its `aria-label`. The empty ids a split leaves at the ends name
 * nothing (getElementById('') is null, DOM §4.2.4) and the spaces they add are collapsed.
 */
function nameOf(doc: Document, el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  const text = ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
  return cleanText(text) || el.getAttribute('aria-label');
}

export interface DateSelects {
  month: HTMLSelectElement | null;
  year: HTMLSelectElement | null;
}

/**
 * The month and year selects of the issue or expiry date: by id, else in the fieldset or group whose legend or name
 * says which, else the first (issue) or second (expiry) select named month and year.
 */
export function certDate(doc: Document, which: 'issue' | 'expiry'): DateSelects {
  const [m, y, legend] =
    which === 'issue' ? [certForm.issueMonth, certForm.issueYear, certForm.issueLegend] : [certForm.expiryMonth, certForm.expiryYear, certForm.expiryLegend];
  const month = first(doc, m);
  const year = first(doc, y);
  if (month instanceof HTMLSelectElement && year instanceof HTMLSelectElement) return { month, year };
  for (const group of doc.querySelectorAll('fieldset, [role="group"]')) {
    const caption = group.querySelector(':scope > legend, :scope > * > legend, :scope > span, :scope > [id$="-label"]');
    if (!hasLabel(caption?.textContent, legend) && !hasLabel(nameOf(doc, group), legend)) continue;
    const selects = Array.from(group.querySelectorAll('select'));
    if (selects.length >= 2) return { month: selects[0] ?? null, year: selects[1] ?? null };
  }
  const i = which === 'issue' ? 0 : 1;
  const byName = (s: string) => doc.querySelectorAll(s)[i];
  const [mn, yn] = [byName(certForm.monthByName), byName(certForm.yearByName)];
  return mn instanceof HTMLSelectElement && yn instanceof HTMLSelectElement ? { month: mn, year: yn } : { month: null, year: null };
}

/**
 * Post composers and messaging editors (not comment boxes, not in a closed dialog) on the page, and in the open
 * shadow roots LinkedIn renders them into.
 */
export function composerEditors(doc: Document): HTMLElement[] {
  return openRoots(doc, shadowHosts).flatMap((root) => [...all(root, composer.editor), ...all(root, composer.message)]).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement && closest(el, composer.closed) === null && (el.matches(composer.post) || closest(el, composer.notIn) === null),
  );
}

/** Where the "Share a badge" button goes in a composer: its footer actions (before Post), else after the editor's box. */
export function composerSlot(editor: Element): { append: Element } | { after: Element } {
  const root = closest(editor, composer.root);
  const actions = root && first(root, composer.slot);
  if (!actions) return { after: editor.parentElement ?? editor };
  // Before the primary action: after the child before it (a footer of one wrapper child takes the button at its end).
  const beforePost = actions.matches(composer.beforeLast) ? actions.lastElementChild?.previousElementSibling : null;
  return beforePost ? { after: beforePost } : { append: actions };
}
