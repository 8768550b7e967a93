/**
 * What Lanyard knows of LinkedIn: URL predicates and selectors, as data. Each predicate has a
 * table of URLs that must and must not match, and the selectors have fixtures they must find, in
 * test/content/sites/linkedin.test.ts. Class names are LinkedIn's hashed or BEM names and change;
 * ids, data attributes, hrefs and aria labels come first.
 */
import { byLabel, selectors, type Labels, type Selectors } from './selectors.ts';

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

export const profile = {
  /**
   * The empty anchor div LinkedIn puts in each profile card (real markup, 2024); the 2026
   * server-driven profile has no anchors but names each card in a componentkey attribute, on a
   * <section> or on a <div> around it (…profile.card.ref<opaque>CertificationTopLevel; public
   * scrapers' selectors, test/fixtures/pages/linkedin-profile-own-sdui-2026.html).
   */
  certAnchor: ['#licenses_and_certifications', 'div[id^="licenses_and_certifications"]', '[componentkey*="CertificationTopLevel"]'] as Selectors,
  certCard: ['section[data-view-name="profile-card"]', '[componentkey*="CertificationTopLevel"]', 'section'] as Selectors,
  /** The card's title, when the anchor is gone: matched against `certHeading`. */
  cardHeading: ['section h2'] as Selectors,
  certHeading: {
    en: 'Licenses & certifications',
    fr: 'Licences et certifications',
    de: 'Lizenzen & Zertifizierungen',
    es: 'Licencias y certificaciones',
    // LinkedIn's own Portuguese and Italian names (its PDF profile and data export); 2026 profiles have no anchor.
    pt: 'Licenças e certificados',
    it: 'Licenze e certificazioni',
  } as Labels,
  /** Where the button goes in the card: appended to the header row, else after the title. */
  headerSlot: ['.pvs-header__top-container--no-stack', '.pvs-header__top-container'] as Selectors,
  /**
   * What only the profile's owner sees: the card's add link and edit pencil, else the intro's
   * edit pencil. A visitor's page has none of these (real markup: "Show credential", "Show all").
   */
  ownerInCard: selectors(
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
  ),
  ownerInPage: selectors(
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
  ),
};

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

/** The late-2026 post editor (composer.post below). */
const SHARE_BOX_EDITOR = '[componentkey="ShareBox_textEditor"][contenteditable="true"]';
/**
 * The messaging editor, in the overlay's conversation bubbles and on /messaging/: div.msg-form__contenteditable in
 * form.msg-form, whatever the UI language (public automation, AI-reply extensions and an MCP server type into it,
 * 2024-2026; test/fixtures/pages/linkedin-messaging-overlay.html).
 */
const MESSAGE_EDITOR = '.msg-form__contenteditable[contenteditable="true"]';

export const composer = {
  /**
   * The server-driven composer (late 2026, at /sharing/compose, in a native <dialog>): a Tiptap editor keyed
   * componentkey="ShareBox_textEditor", the one language-independent mark of the post editor (public posters,
   * a crossposter and a formatting extension, 2026-08 to 10; test/fixtures/pages/linkedin-sharing-compose-sdui-2026.html).
   * A post editor whatever else it is: `notIn` does not apply to it, nor to the messaging editor.
   */
  post: `${SHARE_BOX_EDITOR},${MESSAGE_EDITOR}`,
  /** Searched beside `editor` (not one of its fallbacks): a conversation may be open beside the post composer. */
  message: [MESSAGE_EDITOR] as Selectors,
  editor: selectors(
    SHARE_BOX_EDITOR,
    '.share-creation-state__text-editor [contenteditable="true"]',
    byLabel('[role="textbox"][contenteditable="true"][aria-label^=$]', {
      en: 'Text editor for creating content',
      fr: 'Éditeur de texte pour créer du contenu',
      de: 'Texteditor zum Erstellen von Inhalten',
      es: 'Editor de texto para crear contenido',
    }),
    '.share-box [contenteditable="true"]',
  ),
  /**
   * Comment boxes share the editor and its label: never decorate them. The 2026 comment box is a
   * Tiptap (ProseMirror) editor without the old classes; the post composer is still Quill.
   */
  notIn: ['.comments-comment-box', '.comments-comment-texteditor', '.comments-comment-box__form', '.tiptap', '.ProseMirror'] as Selectors,
  /** A closed <dialog> LinkedIn keeps in the page: its editor is no composer to decorate. */
  closed: ['dialog:not([open])'] as Selectors,
  root: ['.share-creation-state', '.share-box', '[data-sdui-screen*="sharing.ShareCompose"]', '.msg-form', '[role="dialog"]', 'dialog'] as Selectors,
  /** The footer's row of actions (add media, event…; a message's attach, GIF, emoji), else the button goes after the editor's box. */
  slot: ['.share-creation-state__footer', '.share-box_actions', '.share-creation-state__detour-btn-container', '.msg-form__left-actions'] as Selectors,
  /**
   * Slots whose last child is the primary action (the composer footer's Post, or the div holding it and the schedule
   * clock): the button goes before it, beside the other actions, not past Post at the modal's edge and last in its Tab
   * order. Public code reads the footer so: ".share-creation-state__footer > div" as the submit, "… button:first-child"
   * as add media, and an extension inserts its own icon before the footer's lastElementChild (code index files
   * 60326477071, 52575480730, 40796266503).
   */
  beforeLast: '.share-creation-state__footer',
};

/** LinkedIn's modals (the certification form, the post composer) keep the focus inside: the picker mounts in them. */
export const modal: Selectors = ['[aria-modal="true"]', 'dialog[open]', '.artdeco-modal', '[role="dialog"]'];
