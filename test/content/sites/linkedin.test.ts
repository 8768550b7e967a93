// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  certForm,
  isAddToProfileUrl,
  isCertificationForm,
  isComposerPage,
  isLinkedInProfile,
  isProfileMain,
} from '../../../src/content/sites/linkedin.ts';
import {
  certButtonSlot,
  certDate,
  certField,
  certSection,
  composerEditors,
  composerSlot,
  isOwnProfile,
} from '../../../src/content/sites/linkedin-find.ts';
import { attachDeclaredShadows, fixture, loadPage, realPage, REAL_LINKEDIN } from '../support/pages.ts';

const u = (s: string) => new URL(s);

describe('LinkedIn URL predicates', () => {
  const table: [string, { profile: boolean; main: boolean; form: boolean; composer: boolean }][] = [
    ['https://www.linkedin.com/in/ada-lovelace/', { profile: true, main: true, form: false, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace', { profile: true, main: true, form: false, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/?originalSubdomain=uk', { profile: true, main: true, form: false, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/details/certifications/', { profile: true, main: false, form: false, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/edit/forms/certification/new/', { profile: true, main: false, form: true, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/edit/forms/certification/new/?profileFormEntryPoint=PROFILE_SECTION', { profile: true, main: false, form: true, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/add-edit/CERTIFICATION/?profileFormEntryPoint=PROFILE_SECTION', { profile: true, main: false, form: true, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/edit/forms/position/new/', { profile: true, main: false, form: false, composer: true }],
    // The "+" of the details page (Show all licenses & certifications) opens the same form under /details/ (2026).
    ['https://www.linkedin.com/in/ada-lovelace/details/certifications/edit/forms/new/?profileFormEntryPoint=PROFILE_SECTION', { profile: true, main: false, form: true, composer: true }],
    ['https://www.linkedin.com/in/me/details/certifications/edit/forms/new/', { profile: true, main: false, form: true, composer: true }],
    // Editing a certification already listed is not adding one.
    ['https://www.linkedin.com/in/ada-lovelace/details/certifications/edit/forms/1754808893/', { profile: true, main: false, form: false, composer: true }],
    ['https://www.linkedin.com/in/ada-lovelace/details/education/edit/forms/new/', { profile: true, main: false, form: false, composer: true }],
    ['https://www.linkedin.com/feed/', { profile: false, main: false, form: false, composer: true }],
    ['https://www.linkedin.com/company/1337/', { profile: false, main: false, form: false, composer: true }],
    ['https://www.linkedin.com/login', { profile: false, main: false, form: false, composer: false }],
    ['https://www.linkedin.com/checkpoint/lg/login-submit', { profile: false, main: false, form: false, composer: false }],
    ['http://www.linkedin.com/in/ada-lovelace/', { profile: false, main: false, form: false, composer: false }],
    ['https://linkedin.com/in/ada-lovelace/', { profile: false, main: false, form: false, composer: false }],
    ['https://www.linkedin.com.evil.example/in/ada-lovelace/', { profile: false, main: false, form: false, composer: false }],
    ['https://evil.example/www.linkedin.com/in/ada-lovelace/edit/forms/certification/new/', { profile: false, main: false, form: false, composer: false }],
    ['https://www.linkedin.com/in/', { profile: false, main: false, form: false, composer: true }],
  ];
  it.each(table)('%s', (url, want) => {
    expect({
      profile: isLinkedInProfile(u(url)),
      main: isProfileMain(u(url)),
      form: isCertificationForm(u(url)),
      composer: isComposerPage(u(url)),
    }).toEqual(want);
  });

  it.each([
    ['https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=X', true],
    ['https://www.linkedin.com/profile/add/?startTask=CERTIFICATION_NAME', true],
    ['https://www.linkedin.com/profile/addx?startTask=CERTIFICATION_NAME', false],
    ['http://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME', false],
    ['https://evil.example/profile/add?startTask=CERTIFICATION_NAME', false],
    ['https://user:pw@www.linkedin.com/profile/add', false],
    ['javascript:alert(1)//www.linkedin.com/profile/add', false],
    ['not a url', false],
  ])('add-to-profile URL %s → %s', (url, want) => expect(isAddToProfileUrl(url)).toBe(want));
});

describe('LinkedIn profile selectors', () => {
  it('find the card, the owner and the header on the owner’s profile', () => {
    loadPage(fixture('linkedin-profile-own.html'));
    const section = certSection(document);
    expect(section?.querySelector('#licenses_and_certifications')).not.toBeNull();
    expect(isOwnProfile(document, section!)).toBe(true);
    const slot = certButtonSlot(section!);
    expect(slot && 'append' in slot && slot.append.className).toBe('pvs-header__top-container--no-stack');
  });

  it('find the card in the real 2024 markup, and see that the viewer is not its owner', () => {
    loadPage(realPage(REAL_LINKEDIN));
    const section = certSection(document);
    expect(section?.getAttribute('data-view-name')).toBe('profile-card');
    expect(section?.querySelector('#licenses_and_certifications')).not.toBeNull();
    expect(isOwnProfile(document, section!)).toBe(false);
    expect(certButtonSlot(section!)).not.toBeNull();
  });

  it('fall back to the French heading, the owner’s intro pencil, and a place after the title', () => {
    loadPage(fixture('linkedin-profile-own-fr-no-anchor.html'));
    const section = certSection(document);
    expect(section?.querySelector('h2')?.textContent).toContain('Licences et certifications');
    expect(isOwnProfile(document, section!)).toBe(true);
    const slot = certButtonSlot(section!);
    expect(slot && 'after' in slot && slot.after.tagName).toBe('H2');
  });

  // 2026 server-driven profile: no anchor ids, hashed classes, a componentkey per card (fixture says where from).
  it('find the certifications card of the 2026 server-driven profile by its componentkey, whatever the UI language', () => {
    loadPage(fixture('linkedin-profile-own-sdui-2026.html'));
    const section = certSection(document);
    expect(section?.getAttribute('componentkey')).toMatch(/CertificationTopLevel$/);
    expect(isOwnProfile(document, section!)).toBe(true);
    const slot = certButtonSlot(section!);
    expect(slot && 'after' in slot && slot.after.tagName).toBe('H2');
    // A visitor's view of it: the items link to the credentials, not to edit forms, so not the owner.
    document.querySelector('a[href*="/edit/forms/"]')!.setAttribute('href', 'https://credentials.example/ada/1');
    expect(isOwnProfile(document, certSection(document)!)).toBe(false);
  });

  // The 2024 owner's page linked every card's editor to /add-edit/<TYPE>/ (About: add-edit/SUMMARY), and a 2026 tool
  // still edits through those routes; the ids around them are gone from the server-driven page.
  it('see the owner of a 2026 profile by another card’s add-edit link when the certifications card has none', () => {
    loadPage(fixture('linkedin-profile-own-sdui-2026.html'));
    document.querySelector('a[href*="/edit/forms/"]')!.remove();
    document.querySelector('[componentkey$="About"] h2')!.insertAdjacentHTML('afterend', '<a href="https://www.linkedin.com/in/ada-lovelace/add-edit/SUMMARY/?profileFormEntryPoint=PROFILE_SECTION"><svg role="img" aria-hidden="true"></svg></a>');
    expect(isOwnProfile(document, certSection(document)!)).toBe(true);
  });

  it('do not take a visitor’s recommendation form link for the owner’s', () => {
    loadPage(fixture('linkedin-profile-own-sdui-2026.html'));
    document.querySelector('a[href*="/edit/forms/"]')!.setAttribute('href', 'https://credentials.example/ada/1');
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<a href="https://www.linkedin.com/in/ada-lovelace/edit/forms/recommendation/write/?profileFormEntryPoint=PROFILE_SECTION">Recommend</a><a href="https://www.linkedin.com/in/ada-lovelace/add-edit/RECOMMENDATION/">Recommend</a>');
    expect(isOwnProfile(document, certSection(document)!)).toBe(false);
  });

  it('find the 2026 card when its componentkey rides the section itself (the earlier variant)', () => {
    loadPage(fixture('linkedin-profile-own-sdui-2026.html'));
    const div = document.querySelector('div[componentkey$="CertificationTopLevel"]')!;
    const section = div.querySelector('section')!;
    section.setAttribute('componentkey', div.getAttribute('componentkey')!);
    div.replaceWith(section);
    expect(certSection(document)).toBe(section);
    expect(isOwnProfile(document, section)).toBe(true);
  });

  it('find nothing on a page without the card', () => {
    loadPage('<html><body><main><h1>Someone</h1></main></body></html>');
    expect(certSection(document)).toBeNull();
  });
});

describe('LinkedIn certification form selectors', () => {
  it('find every field by id', () => {
    loadPage(fixture('linkedin-cert-form.html'));
    expect(certField(document, certForm.name)?.id).toMatch(/-name$/);
    expect(certField(document, certForm.organization)?.id).toMatch(/-company$/);
    expect(certField(document, certForm.credentialId)?.id).toMatch(/-licenseNumber$/);
    expect(certField(document, certForm.credentialUrl)?.id).toMatch(/-url$/);
    const issue = certDate(document, 'issue');
    expect([issue.month?.id, issue.year?.id]).toEqual([expect.stringMatching(/start-date$/), expect.stringMatching(/start-date-year-select$/)]);
    const expiry = certDate(document, 'expiry');
    expect([expiry.month?.id, expiry.year?.id]).toEqual([expect.stringMatching(/end-date$/), expect.stringMatching(/end-date-year-select$/)]);
  });

  it('fall back to German labels and legends', () => {
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    expect(['name', 'organization', 'credentialId', 'credentialUrl'].map((f) => certField(document, certForm[f as 'name'])?.id)).toEqual(['f1', 'f2', 'f7', 'f8']);
    expect(certDate(document, 'issue')).toEqual({ month: document.getElementById('f3'), year: document.getElementById('f4') });
    expect(certDate(document, 'expiry')).toEqual({ month: document.getElementById('f5'), year: document.getElementById('f6') });
  });

  it('find the Portuguese form’s dates by the selects’ names, the first pair the issue date, whatever the legends say', () => {
    // select[name=month] / select[name=year]: a public script that fills the Portuguese form (2025). Before: the
    // legends were in no table and the Ember ids carry no field name, so neither date was filled.
    loadPage(fixture('linkedin-cert-form-pt-2025.html'));
    expect(certField(document, certForm.name)?.id).toMatch(/-name$/);
    expect(certDate(document, 'issue')).toEqual({ month: document.getElementById('ember412'), year: document.getElementById('ember414') });
    expect(certDate(document, 'expiry')).toEqual({ month: document.getElementById('ember418'), year: document.getElementById('ember420') });
  });

  it('take no expiry from the selects’ names when the form shows one date only', () => {
    loadPage(fixture('linkedin-cert-form-pt-2025.html'));
    document.querySelectorAll('fieldset')[1]?.remove();
    expect(certDate(document, 'issue').month?.id).toBe('ember412');
    expect(certDate(document, 'expiry')).toEqual({ month: null, year: null });
  });

  it('find no field on the profile', () => {
    loadPage(fixture('linkedin-profile-own.html'));
    expect(certField(document, certForm.name)).toBeNull();
    expect(certDate(document, 'issue')).toEqual({ month: null, year: null });
  });
});

describe('LinkedIn composer selectors', () => {
  it('find the post composer and its footer, not the comment box', () => {
    loadPage(fixture('linkedin-feed-composer.html'));
    const editors = composerEditors(document);
    expect(editors).toHaveLength(1);
    expect(editors[0]?.closest('.share-box')).not.toBeNull();
    // In the footer beside Media and Event, before Post (public code: the footer's last child is the submit), not past it.
    const slot = composerSlot(editors[0]!);
    expect('after' in slot && slot.after.nextElementSibling?.className).toBe('share-actions__primary-action');
    expect('after' in slot && slot.after.parentElement?.className).toBe('share-creation-state__footer');
  });

  // 2026: the composer is rendered in the open shadow root of div#interop-outlet, and comments are Tiptap
  // editors with the composer's aria-label but none of the old comment-box classes (fixture's comment says where from).
  it('find the post composer inside LinkedIn’s #interop-outlet shadow root, and not the Tiptap comment box', () => {
    loadPage(fixture('linkedin-feed-composer-shadow.html'));
    attachDeclaredShadows();
    const editors = composerEditors(document);
    expect(editors).toHaveLength(1);
    expect(editors[0]?.classList.contains('ql-editor')).toBe(true);
    expect(editors[0]?.getRootNode()).toBe(document.getElementById('interop-outlet')?.shadowRoot);
    const slot = composerSlot(editors[0]!);
    expect('after' in slot && slot.after.nextElementSibling?.className).toBe('share-actions__primary-action');
  });

  // The messaging form (overlay bubble or /messaging/ page): div.msg-form__contenteditable in form.msg-form, its
  // footer's div.msg-form__left-actions (fixture's comment says where from). Before: no messaging editor was found.
  it('find the messaging overlay’s editor beside the post composer, each with its own row of actions', () => {
    loadPage(fixture('linkedin-messaging-overlay.html'));
    const editors = composerEditors(document);
    expect(editors.map((e) => e.className.split(' ')[0])).toEqual(['ql-editor', 'msg-form__contenteditable']);
    const slots = editors.map((e) => composerSlot(e));
    expect(slots.map((s) => ('after' in s ? s.after.nextElementSibling?.className : s.append.className))).toEqual([
      'share-actions__primary-action',
      'msg-form__left-actions display-flex',
    ]);
  });

  it('find the messaging page’s editor (no overlay, no dialog) and place the button in its left actions', () => {
    loadPage(fixture('linkedin-messaging-overlay.html'));
    document.querySelector('.share-box')!.remove();
    const bubble = document.querySelector('.msg-overlay-conversation-bubble')!;
    bubble.removeAttribute('role');
    const editors = composerEditors(document);
    expect(editors).toHaveLength(1);
    const slot = composerSlot(editors[0]!);
    expect('append' in slot && slot.append.classList.contains('msg-form__left-actions')).toBe(true);
  });

  it('find no messaging editor in a closed dialog', () => {
    loadPage(fixture('linkedin-messaging-overlay.html'));
    document.querySelector('.share-box')!.remove();
    const dialog = document.createElement('dialog');
    dialog.append(document.querySelector('.msg-form')!);
    document.body.append(dialog);
    expect(composerEditors(document)).toEqual([]);
  });

  it('find no composer when only a Tiptap comment box is open', () => {
    loadPage(fixture('linkedin-feed-composer-shadow.html'));
    document.getElementById('interop-outlet')!.remove();
    expect(composerEditors(document)).toEqual([]);
  });

  it('find no composer on a profile', () => {
    loadPage(fixture('linkedin-profile-own.html'));
    expect(composerEditors(document)).toEqual([]);
  });
});
