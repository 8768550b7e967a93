/**
 * What Lanyard knows of LinkedIn: URL predicates and selectors, as data. Each predicate has a
 * table of URLs that must and must not match, and the selectors have fixtures they must find, in
 * test/content/sites/linkedin.test.ts. Class names are LinkedIn's hashed or BEM names and change;
 * ids, data attributes, hrefs and aria labels come first.
 */
import type { Labels, Selectors } from './selectors.ts';

export function isLinkedIn(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.linkedin.com';
}

/** A member's profile page: /in/<public-id>/ and its sub-pages. */
export function isLinkedInProfile(url: URL): boolean {
  return isLinkedIn(url) && /^\/in\/[^/]+(\/.*)?$/.test(url.pathname);
}

/** The profile itself (/in/<id>/), where the Licenses & certifications card is. */
export function isProfileMain(url: URL): boolean {
  return isLinkedIn(url) && /^\/in\/[^/]+\/?$/.test(url.pathname);
}

/**
 * The "Add license or certification" form, as a page or as a modal over the profile: opened from
 * the profile's card (/edit/forms/certification/new/) or from its details page, "Show all"
 * (/details/certifications/edit/forms/new/: public automation scripts' URL maps, 2026).
 */
export function isCertificationForm(url: URL): boolean {
  return (
    isLinkedIn(url) &&
    /^\/in\/[^/]+\/(edit\/forms\/certification\/new|details\/certifications\/edit\/forms\/new|add-edit\/CERTIFICATION)\/?$/i.test(url.pathname)
  );
}

/** Pages where the post composer can open (the feed, profiles, companies, groups…), not sign-in. */
export function isComposerPage(url: URL): boolean {
  return isLinkedIn(url) && !/^\/(login|checkpoint|uas|signup|authwall|legal|help)(\/|$)/.test(url.pathname);
}

/** LinkedIn's add-to-profile deep link (the only URL a profile pick may open). */
export function isAddToProfileUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return isLinkedIn(u) && u.pathname.replace(/\/$/, '') === '/profile/add' && !u.username && !u.password;
  } catch {
    return false;
  }
}

export * as profile from './linkedin-profile.ts';

/** One field of the certification form: id fragments first, then its <label>'s text. */
export interface FieldSpec {
  selectors: Selectors;
  labels: Labels;
}

/* @__NO_SIDE_EFFECTS__ */
const certInput = (suffix: string) => [
  `input[id*="profileEditFormElement-CERTIFICATION"][id$="-${suffix}"]`,
  `input[id*="profileCertification"][id$="-${suffix}"]`,
];

/** The form's name field, apart: the always-loaded script finds the form by it (the rest is loaded on demand). */
export const certName: FieldSpec = { selectors: certInput('name'), labels: { en: 'Name', fr: 'Nom', de: 'Name', es: 'Nombre' } };

export const certForm = {
  name: certName,
  organization: {
    selectors: certInput('company'),
    labels: { en: 'Issuing organization', fr: 'Organisme émetteur', de: 'Ausstellende Organisation', es: 'Organización emisora' },
  } as FieldSpec,
  credentialId: {
    selectors: certInput('licenseNumber'),
    labels: { en: 'Credential ID', fr: 'ID de la certification', de: 'Nachweis-ID', es: 'ID de la credencial' },
  } as FieldSpec,
  credentialUrl: {
    selectors: certInput('url'),
    labels: { en: 'Credential URL', fr: 'URL de la certification', de: 'Nachweis-URL', es: 'URL de la credencial' },
  } as FieldSpec,
  /** Month and year selects of each date, by id; else the fieldset whose legend names the date. */
  issueMonth: ['select[id*="profileCertification"][id*="start-date"]:not([id*="year"])'] as Selectors,
  issueYear: ['select[id*="profileCertification"][id*="start-date"][id*="year"]'] as Selectors,
  expiryMonth: ['select[id*="profileCertification"][id*="end-date"]:not([id*="year"])'] as Selectors,
  expiryYear: ['select[id*="profileCertification"][id*="end-date"][id*="year"]'] as Selectors,
  /**
   * Last, whatever the UI language: the selects' names, the issue date's pair first and the expiry's second (a
   * public script fills the Portuguese form, 2025, by select[name='month'] and select[name='year']).
   */
  monthByName: 'select[name="month"]',
  yearByName: 'select[name="year"]',
  // es2: LinkedIn's 2026 Spanish form ("Fecha de emisión", a public automation tool's table verified 2026-09-01).
  issueLegend: { en: 'Issue date', fr: 'Date d’émission', de: 'Ausstellungsdatum', es: 'Fecha de expedición', es2: 'Fecha de emisión' } as Labels,
  expiryLegend: { en: 'Expiration date', fr: 'Date d’expiration', de: 'Ablaufdatum', es: 'Fecha de caducidad' } as Labels,
};

/**
 * Elements whose open shadow root holds part of the page. Since 2025-26 LinkedIn's React shell renders
 * the legacy post composer (and other overlays) in div#interop-outlet[data-testid="interop-shadowdom"]
 * (public extensions and automation code, 2026; test/fixtures/pages/linkedin-feed-composer-shadow.html).
 */
export const shadowHosts: Selectors = ['#interop-outlet', '[data-testid="interop-shadowdom"]'];

export * as composer from './linkedin-composer.ts';

/** LinkedIn's modals (the certification form, the post composer) keep the focus inside: the picker mounts in them. */
export const modal: Selectors = ['[aria-modal="true"]', 'dialog[open]', '.artdeco-modal', '[role="dialog"]'];
