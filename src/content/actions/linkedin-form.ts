/**
 * Fills LinkedIn's "Add license or certification" form from a badge: name, issuing organization,
 * issue and expiry dates, credential id and URL, with real input and change events. The
 * organization is typed into its typeahead and left for the user to confirm. (On demand: ui-linkedin.ts.)
 */
import { hasVisibleText } from '../../core/share/display.ts';
import type { PickerBadge } from '../../messaging/views.ts';
import { logOnce } from '../log.ts';
import { tx } from '../i18n.ts';
import { certForm } from '../sites/linkedin.ts';
import { certDate, certField } from '../sites/linkedin-find.ts';
import { choose, setValue, yearMonth } from '../dom/form.ts';
import { certificationText, credentialIdFor, expiryShown, linkedInLink } from '../../core/share/linkedin.ts';

/** Fills what the form has; returns an error message when not even the name field is there. */
export function fillCertificationForm(doc: Document, b: PickerBadge): string | undefined {
  const name = certField(doc, certForm.name);
  if (!name) return tx('contentPickerFormGone');
  // The issuer's words as the link gives them (certificationText): one line, a bidi override shown as ⟨RLO⟩.
  // A badge without a name goes in as what it is (core/share/card.ts sharedName), not as "Untitled badge".
  // So is a name of only controls and spaces, and an issuer's is left out (display.ts hasVisibleText), as the link does.
  setValue(name, b.noName || !hasVisibleText(b.name) ? tx('badgeNamelessShared') : certificationText(b.name));
  const missing: string[] = [];
  const text = (field: 'credentialId' | 'credentialUrl', value: string | undefined) => {
    const el = certField(doc, certForm[field]);
    if (el && value !== undefined) setValue(el, value);
    else if (!el) missing.push(field);
  };
  // The same Credential ID as the popup and the Add-to-profile link (core/share/linkedin.ts).
  const credentialId = credentialIdFor(b.credentialId, b.publicUrl);
  text('credentialId', credentialId === undefined ? undefined : certificationText(credentialId));
  // Only a link that may be public and opens outside a private network (core/share/linkedin.ts linkedInLink).
  text('credentialUrl', linkedInLink(b.publicUrl));
  date(doc, 'issue', b.issuedOn, missing);
  if (expiryShown(b.issuedOn, b.expires)) date(doc, 'expiry', b.expires, missing);
  // Last, so its suggestions stay open for the user to confirm the organization.
  const org = certField(doc, certForm.organization);
  if (org && hasVisibleText(b.issuerName)) {
    org.focus();
    setValue(org, certificationText(b.issuerName));
  } else if (!org) missing.push('organization');
  if (missing.length) logOnce('linkedin-fill-form', `fields not found: ${missing.join(', ')}`);
  return undefined;
}

function date(doc: Document, which: 'issue' | 'expiry', iso: string | undefined, missing: string[]): void {
  const ym = yearMonth(iso);
  if (!ym) return;
  const { month, year } = certDate(doc, which);
  if (!month || !year) return void missing.push(`${which} date`);
  choose(month, ym.month);
  choose(year, ym.year);
}
