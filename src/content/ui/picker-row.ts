/**
 * One badge of the picker (picker.ts) in words: its row (picture, name, issuer, date and status in
 * words, never colour alone) and the share screen's warning before a badge that is not valid is used.
 */
import { displayText } from '../../core/share/display.ts';
import { siteEnd } from '../../core/share/issuer-site.ts';
import { NAMELESS_KEY } from '../../core/share/badge-name.ts';
import { shareWarningWords } from '../../core/share/warning.ts';
import type { PickerBadge } from '../../messaging/views.ts';
import { tx, type ContentKey } from '../i18n.ts';
import { h, monthYear, safeImage } from './h.ts';
import { dirOf } from './quiet.ts';

export const MARKS: Record<PickerBadge['verdict'], [string, ContentKey]> = {
  valid: ['✓', 'contentStatusValid'],
  invalid: ['✕', 'contentStatusInvalid'],
  indeterminate: ['?', 'contentStatusIndeterminate'],
  unverified: ['–', 'contentStatusUnverified'],
};

/** The share screen's warning, in its words (the same messages.json keys as the popup's: core/share/warning.ts). */
export function warningText(w: NonNullable<PickerBadge['warning']>): string {
  // A host not allowed yet: what to do here, in the page's words, instead of the check's sentence; a long host keeps its end (siteEnd).
  if (w.needsAccess && w.level === 'indeterminate') return tx('shareWarnIndeterminate', tx('contentNoAccess', siteEnd(displayText(w.needsAccess, 300))));
  const { key, reason } = shareWarningWords(w);
  return reason ? tx(key, tx(reason)) : tx(key);
}

export function row(b: PickerBadge, i: number): HTMLLIElement {
  // Only a picture the message holds (data:): one fetched from here would be the page's request,
  // seen by its service worker, telling it which badges the user holds (background views.ts pickerImage).
  // Never draggable: that data: URL is the baked badge itself (credential and recipient), and a drag
  // that starts here fires dragstart at the page's document, whose data it may read then (HTML §6.11.2).
  const src = b.image && /^data:/i.test(b.image) ? safeImage(b.image) : null;
  const [mark, key] = MARKS[b.verdict];
  const label = tx(key);
  // Issuer-written words through display.ts (bidi controls visible, long text cut), each isolated.
  const name = b.noName ? tx(NAMELESS_KEY[b.noName]) : displayText(b.name, 300);
  const issuer = b.issuerName ? displayText(b.issuerName, 300) : '';
  const date = monthYear(b.issuedOn);
  // In the browser's language (the background chose it), with the direction the badge gives it (VC DM 2.0 §11.1), else its own.
  const meta = issuer || date ? h('small', {}, issuer ? h('bdi', { dir: b.dirs?.issuerName ?? dirOf(issuer) }, issuer) : '', issuer && date ? ' · ' : '', date) : null;
  // The name says all the row shows, in its order (WCAG 2.5.3 Label in Name): with only the badge's name and
  // status, a screen reader never heard the issuer nor the date a sighted user reads (axe label-content-name-mismatch).
  const said = [name, issuer && date ? `${issuer} · ${date}` : issuer || date, label].filter(Boolean).join(', ');
  return h(
    'li',
    { role: 'option', 'data-i': String(i), 'aria-label': said },
    src ? h('img', { src, alt: '', referrerpolicy: 'no-referrer', draggable: 'false' }) : h('span', { class: 'n' }),
    h('span', { class: 't' }, h('b', { dir: (!b.noName && b.dirs?.name) || dirOf(name) }, name), meta),
    // The status in words, not colour alone; a valid badge's mark is enough ("Verified" in its name).
    h('span', { class: `m ${b.verdict}`, title: label }, h('i', {}, mark), b.verdict === 'valid' ? '' : h('small', {}, ` ${label}`)),
  );
}
