/**
 * What Lanyard knows of LinkedIn's profile page, as data: the Licenses & certifications card and what only the
 * profile's owner sees. Imported as one namespace, `profile` (sites/linkedin.ts), so that a bundle keeps only the
 * values it reads, under short names. Fixtures and tests: test/content/sites/linkedin.test.ts.
 */
import { byLabel, selectors, type Labels, type Selectors } from './selectors.ts';

/**
 * The empty anchor div LinkedIn puts in each profile card (real markup, 2024); the 2026
 * server-driven profile has no anchors but names each card in a componentkey attribute, on a
 * <section> or on a <div> around it (…profile.card.ref<opaque>CertificationTopLevel; public
 * scrapers' selectors, test/fixtures/pages/linkedin-profile-own-sdui-2026.html).
 */
export const certAnchor: Selectors = ['#licenses_and_certifications', 'div[id^="licenses_and_certifications"]', '[componentkey*="CertificationTopLevel"]'];
export const certCard: Selectors = ['section[data-view-name="profile-card"]', '[componentkey*="CertificationTopLevel"]', 'section'];
/** The card's title, when the anchor is gone: matched against `certHeading`. */
export const cardHeading: Selectors = ['section h2'];
export const certHeading: Labels = {
  en: 'Licenses & certifications',
  fr: 'Licences et certifications',
  de: 'Lizenzen & Zertifizierungen',
  es: 'Licencias y certificaciones',
  // LinkedIn's own Portuguese and Italian names (its PDF profile and data export); 2026 profiles have no anchor.
  pt: 'Licenças e certificados',
  it: 'Licenze e certificazioni',
};
/** Where the button goes in the card: appended to the header row, else after the title. */
export const headerSlot: Selectors = ['.pvs-header__top-container--no-stack', '.pvs-header__top-container'];
/**
 * What only the profile's owner sees: the card's add link and edit pencil, else the intro's
 * edit pencil. A visitor's page has none of these (real markup: "Show credential", "Show all").
 */
export const ownerInCard = selectors(
  // The add link, and (2026 server-driven profile) each item's link to its own edit form.
  'a[href*="/edit/forms/certification/"]',
  'a[href*="/add-edit/CERTIFICATION"]',
  // Real owner markup (2024): id="navigation-add-edit-deeplink-add-licenses-and-certifications" and the
  // pencil id="navigation-index-edit-licenses-and-certifications"; a visitor gets "…-see-all-…" only.
  '[id^="navigation-add-edit-deeplink-add-licenses"]',
  '[id^="navigation-index-edit-licenses"]',
  'a[href*="/details/certifications/edit"]',
  // The card's "+" (2024 owner markup: the label sits on the link's svg[role=img], "Add new certification").
  byLabel('a[aria-label^=$], button[aria-label^=$], [role="img"][aria-label^=$]', {
    en: 'Add license or certification',
    en2: 'Add new certification',
    fr: 'Ajouter une licence ou une certification',
    de: 'Lizenz oder Zertifizierung hinzufügen',
    es: 'Añadir licencia o certificación',
  }),
);
export const ownerInPage = selectors(
  'a[href*="/edit/intro/"]',
  'a[href*="/edit/forms/intro/"]',
  // Every card's add/edit deep link (about, skills…) is the owner's alone: by id (2024), and by its
  // /add-edit/<TYPE>/ route, which the 2026 server-driven page keeps while the ids are gone.
  // Recommendations are the exception: a visitor writes one through a form too.
  '[id^="navigation-add-edit-deeplink-"]',
  'a[href*="/add-edit/"]:not([href*="RECOMMENDATION" i])',
  // 2026: on one's own profile every item links to its edit form (/edit/forms/position/<id>/,
  // /details/education/edit/forms/<id>/…; a public script that scrapes its user's own profile).
  'a[href*="/edit/forms/"]:not([href*="recommendation" i])',
  byLabel('a[aria-label^=$], button[aria-label^=$], [role="img"][aria-label^=$]', { en: 'Edit intro', fr: 'Modifier l’intro', de: 'Intro bearbeiten', es: 'Editar presentación' }),
);
