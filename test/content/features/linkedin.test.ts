// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { navigate, postText } from '../../../src/content/actions/linkedin.ts';
import { fillCertificationForm } from '../../../src/content/actions/linkedin-form.ts';
import { linkedinCertForm } from '../../../src/content/features/linkedin-cert-form.ts';
import { linkedinComposer } from '../../../src/content/features/linkedin-composer.ts';
import { linkedinProfile } from '../../../src/content/features/linkedin-profile.ts';
import type { Feature } from '../../../src/content/loader.ts';
import { attachDeclaredShadows, fixture, loadPage, realPage, REAL_LINKEDIN } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot, shadowOf, shown } from '../support/shadow.ts';
import { pressAfterPause } from '../support/armed.ts';

// jsdom cannot make trusted events: here the tests' clicks and keys stand for the user's (src/content/ui/user.ts;
// test/content/ui/user-events.test.ts shows that a page's made-up ones do nothing).
vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const BADGE: PickerBadge = {
  key: 'ada-programmer',
  name: 'Analytical Engine Programmer',
  issuerName: 'Analytical Society',
  issuedOn: '2026-03-02T10:00:00Z',
  expires: '2028-03-02T10:00:00Z',
  verdict: 'valid',
  publicUrl: 'https://b.example/public/assertions/ada-programmer',
  credentialId: 'ada-programmer',
};
const ADD_URL = 'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Analytical+Engine+Programmer';

let rt: FakeRuntime;
let controller: AbortController;
function start(feature: Feature, linkedinUrl = ADD_URL): void {
  rt = installRuntime({
    'picker/list': () => [BADGE],
    'picker/linkedin-url': () => ({ url: linkedinUrl }),
    'picker/card': () => ({ html: '<b>x</b>', text: 'I earned “Analytical Engine Programmer” from Analytical Society.', url: BADGE.publicUrl }),
  });
  controller = new AbortController();
  void feature.init(controller.signal);
}
afterEach(() => {
  controller.abort();
  rt.restore();
  vi.restoreAllMocks();
});

async function pick(host: HTMLElement): Promise<void> {
  host.click();
  await flush();
  pressAfterPause(pickerRoot().querySelector('li[role=option]')!);
  await flush();
}

describe('LinkedIn profile: Add badge', () => {
  it('appears in the owner’s Licenses & certifications header and opens the add-to-profile URL', async () => {
    loadPage(fixture('linkedin-profile-own.html'));
    const to = vi.spyOn(navigate, 'to').mockImplementation(() => {});
    start(linkedinProfile);
    await flush();
    const [host] = hosts('linkedin-add-badge');
    expect(host?.parentElement?.className).toBe('pvs-header__top-container--no-stack');
    await pick(host!);
    expect(rt.sent.at(-1)).toEqual({ type: 'picker/linkedin-url', args: { key: 'ada-programmer' } });
    expect(to).toHaveBeenCalledWith(ADD_URL);
  });

  it('refuses a URL that is not LinkedIn’s add-to-profile form', async () => {
    loadPage(fixture('linkedin-profile-own.html'));
    const to = vi.spyOn(navigate, 'to').mockImplementation(() => {});
    start(linkedinProfile, 'https://evil.example/profile/add');
    await flush();
    await pick(hosts('linkedin-add-badge')[0]!);
    expect(to).not.toHaveBeenCalled();
    expect(shown(pickerRoot().querySelector('[role=status]'))).toMatch(/refused/);
  });

  it('stays away from someone else’s profile (the real markup) and from a page without the card', async () => {
    loadPage(realPage(REAL_LINKEDIN));
    start(linkedinProfile);
    await flush();
    expect(hosts('linkedin-add-badge')).toEqual([]);
    controller.abort();
    loadPage('<html><body><main><h1>Someone</h1></main></body></html>');
    start(linkedinProfile);
    await flush();
    expect(hosts('linkedin-add-badge')).toEqual([]);
  });

  it('appears in the 2026 server-driven profile’s certifications card (no anchors, hashed classes), after its title', async () => {
    loadPage(fixture('linkedin-profile-own-sdui-2026.html'));
    start(linkedinProfile);
    await flush();
    const [host, ...more] = hosts('linkedin-add-badge');
    expect(more).toEqual([]);
    expect(host?.previousElementSibling?.tagName).toBe('H2');
    expect(host?.closest('[componentkey]')?.getAttribute('componentkey')).toMatch(/CertificationTopLevel$/);
  });

  it('appears when the card renders late', async () => {
    loadPage('<html><body><main></main></body></html>');
    start(linkedinProfile);
    await flush();
    const own = new DOMParser().parseFromString(fixture('linkedin-profile-own.html'), 'text/html');
    document.querySelector('main')!.append(...own.querySelectorAll('main > section'));
    await new Promise((r) => setTimeout(r, 150));
    expect(hosts('linkedin-add-badge')).toHaveLength(1);
  });
});

describe('LinkedIn certification form: Fill from a badge', () => {
  const values = () => [...document.querySelectorAll('input, select')].map((e) => (e as HTMLInputElement).value);

  it('fills every field with input and change events, the organization last and focused', async () => {
    loadPage(fixture('linkedin-cert-form.html'));
    const events: string[] = [];
    for (const t of ['input', 'change']) document.addEventListener(t, (e) => events.push(`${t}:${(e.target as Element).id.split('-').slice(-2).join('-')}`));
    start(linkedinCertForm);
    await flush();
    const [host] = hosts('linkedin-fill-form');
    expect(host?.parentElement?.tagName).toBe('FORM');
    await pick(host!);
    expect(values()).toEqual(['Analytical Engine Programmer', 'Analytical Society', '3', '2026', '3', '2028', 'ada-programmer', 'https://b.example/public/assertions/ada-programmer']);
    expect(events.at(-2)).toBe('input:1-company');
    expect(events.at(-1)).toBe('change:1-company');
    expect(events.filter((e) => e.startsWith('change'))).toHaveLength(8);
    expect((document.activeElement as HTMLElement).id).toMatch(/-company$/);
    expect(hosts('picker')).toEqual([]);
  });

  it('fills the Portuguese form’s dates found by the selects’ names (test/fixtures/pages/linkedin-cert-form-pt-2025.html)', async () => {
    loadPage(fixture('linkedin-cert-form-pt-2025.html'));
    start(linkedinCertForm);
    await flush();
    const [host] = hosts('linkedin-fill-form');
    await pick(host!);
    expect(values()).toEqual(['Analytical Engine Programmer', 'Analytical Society', '3', '2026', '3', '2028', 'ada-programmer', 'https://b.example/public/assertions/ada-programmer']);
  });

  it('puts its button in the form even when the form has a control named "prepend" (DOM clobbering)', async () => {
    loadPage(fixture('linkedin-cert-form.html'));
    const form = document.querySelector('form')!;
    // Chromium's isolated worlds see a form's named controls as its properties; jsdom does not, so an own property stands in.
    Object.defineProperty(form, 'prepend', { value: document.createElement('input'), configurable: true });
    start(linkedinCertForm);
    await flush();
    expect(hosts('linkedin-fill-form')[0]?.parentElement).toBe(form);
  });

  it('opens the picker inside the modal (it keeps the focus to itself)', async () => {
    loadPage(fixture('linkedin-cert-form.html'));
    start(linkedinCertForm);
    await flush();
    hosts('linkedin-fill-form')[0]!.click();
    await flush();
    expect(hosts('picker')[0]?.parentElement?.classList.contains('artdeco-modal')).toBe(true);
  });

  it('fills the German form found by labels; leaves what the badge lacks', () => {
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    fillCertificationForm(document, { key: 'k', name: '<b>Name</b>', verdict: 'valid', issuedOn: '2025-11-20' });
    expect(values()).toEqual(['<b>Name</b>', '', '11', '2025', '', '', '', '']);
  });

  it('shows a bidi override in the credential id as ⟨RLO⟩, and cuts a huge id (an OB 3.0 id is any string)', () => {
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    fillCertificationForm(document, { key: 'k', name: 'N', verdict: 'valid', credentialId: 'urn:uuid:\u202Eelif.exe' });
    expect(values()[6]).toBe('urn:uuid:⟨RLO⟩elif.exe');
    fillCertificationForm(document, { key: 'k', name: 'N', verdict: 'valid', credentialId: 'x'.repeat(1_000_000) });
    expect(values()[6]).toHaveLength(301);
  });

  it('puts a name, issuer or id with line breaks in as one line, as the link does (core/share/linkedin.ts certificationText)', () => {
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    fillCertificationForm(document, { key: 'k', name: 'Data\r\nScience', issuerName: 'River\nClub', verdict: 'valid', credentialId: 'urn:uuid:a\tb' });
    const v = values();
    expect([v[0], v[6]]).toEqual(['Data Science', 'urn:uuid:a b']);
    expect(v).toContain('River Club');
  });

  it('refuses a credential URL that is not http(s)', () => {
    loadPage(fixture('linkedin-cert-form.html'));
    fillCertificationForm(document, { ...BADGE, publicUrl: 'javascript:alert(1)' });
    expect(values().at(-1)).toBe('');
  });

  it('leaves the Credential URL empty for a link on a private network, as the Add-to-profile link does (core/share/linkedin.ts linkedInLink)', () => {
    loadPage(fixture('linkedin-cert-form.html'));
    fillCertificationForm(document, { ...BADGE, publicUrl: 'http://192.168.1.20/public/assertions/ada' });
    expect(values().at(-1)).toBe('');
    expect(values()).toContain('ada-programmer');
  });

  it('fills what the Add-to-profile link would: no address in the URL, no expiry before the issue, nothing for names of only controls', () => {
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    fillCertificationForm(document, {
      key: 'k',
      name: '\u202E\u200B',
      issuerName: '\u202E ',
      verdict: 'valid',
      issuedOn: '2025-06-01',
      expires: '2024-01-01',
      publicUrl: 'https://b.example/public/assertions/ada?identity__email=ada%40home.example',
    });
    expect(values()).toEqual(['Open Badge', '', '6', '2025', '', '', 'ada', 'https://b.example/public/assertions/ada']);
  });
});

describe('LinkedIn composer: Share a badge', () => {
  it('adds the button to the post composer only, and inserts the sentence and link at the caret', async () => {
    loadPage(fixture('linkedin-feed-composer.html'));
    start(linkedinComposer);
    await flush();
    const [host, ...more] = hosts('linkedin-share-badge');
    expect(more).toEqual([]);
    expect(host?.parentElement?.className).toBe('share-creation-state__footer');
    const p = document.querySelector('.share-box .ql-editor p')!;
    const r = document.createRange();
    r.setStart(p.firstChild!, p.textContent!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    await flush();
    await pick(host!);
    expect(p.textContent).toBe('Proud to share: I earned “Analytical Engine Programmer” from Analytical Society. https://b.example/public/assertions/ada-programmer');
    // Asked as a LinkedIn post's card: the background leaves out a link on a private network (core/share/linkedin.ts linkedInLink).
    expect(rt.sent.find((m) => m.type === 'picker/card')).toEqual({ type: 'picker/card', args: { key: 'ada-programmer', linkedIn: true } });
    expect(document.querySelector('.comments-comment-box .ql-editor')?.textContent).toBe('');
  });

  // LinkedIn re-renders its bubbles and composer: the editor the button was for may be gone at the pick. The
  // sentence then went nowhere (a detached editor, or wherever the selection was) and the picker closed as if done.
  it('inserts nothing and says so when the conversation the button was for closed before the pick', async () => {
    loadPage(fixture('linkedin-messaging-overlay.html'));
    start(linkedinComposer);
    await flush();
    const all = hosts('linkedin-share-badge');
    const editor = document.querySelector('.msg-form__contenteditable')!;
    all[1]!.click();
    await flush();
    editor.remove();
    pressAfterPause(pickerRoot().querySelector('li[role=option]')!);
    await flush();
    expect(editor.textContent).not.toContain('Analytical Engine Programmer');
    expect(document.querySelector('.share-box .ql-editor')?.textContent).toBe('');
    expect(hosts('picker')).toHaveLength(1);
    expect(shown(pickerRoot().querySelector('[role=status]'))).toBe('That message was closed.');
  });

  // The messaging overlay open beside the post composer (test/fixtures/pages/linkedin-messaging-overlay.html).
  it('adds the button to a conversation’s row of actions too, and inserts the sentence and link in that message', async () => {
    loadPage(fixture('linkedin-messaging-overlay.html'));
    start(linkedinComposer);
    await flush();
    const all = hosts('linkedin-share-badge');
    expect(all.map((h) => h.parentElement?.classList[0])).toEqual(['share-creation-state__footer', 'msg-form__left-actions']);
    const p = document.querySelector('.msg-form__contenteditable p')!;
    p.textContent = 'Veja: ';
    const r = document.createRange();
    r.setStart(p.firstChild!, p.textContent.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    await flush();
    await pick(all[1]!);
    expect(p.textContent).toBe('Veja: I earned “Analytical Engine Programmer” from Analytical Society. https://b.example/public/assertions/ada-programmer');
    expect(document.querySelector('.share-box .ql-editor')?.textContent).toBe('');
    expect(document.querySelector('.search-global-typeahead__input')?.parentElement?.querySelector('[data-lanyard]')).toBeNull();
  });

  // 2026 markup: the composer in #interop-outlet's open shadow root, a Tiptap comment box in the page.
  it('works in the composer LinkedIn renders inside #interop-outlet’s shadow root, and skips the Tiptap comment box', async () => {
    loadPage(fixture('linkedin-feed-composer-shadow.html'));
    attachDeclaredShadows();
    const shadow = document.getElementById('interop-outlet')!.shadowRoot!;
    start(linkedinComposer);
    await flush();
    expect(hosts('linkedin-share-badge')).toEqual([]); // none in the page's light DOM (the comment box)
    const [host, ...more] = shadow.querySelectorAll<HTMLElement>('[data-lanyard="linkedin-share-badge"]');
    expect(more).toEqual([]);
    expect(host?.parentElement?.className).toBe('share-creation-state__footer');
    // The caret after "Proud to share: ". jsdom, like Chromium, keeps a shadow tree's range out of the
    // document's selection; Chromium shows it through ShadowRoot.getSelection(), given here as Chromium has it.
    const p = shadow.querySelector('.ql-editor p')!;
    const r = document.createRange();
    r.setStart(p.firstChild!, p.textContent!.length);
    const ranges: Range[] = [r];
    const chromium = { get rangeCount() { return ranges.length; }, getRangeAt: (i: number) => ranges[i]!, removeAllRanges: () => void ranges.splice(0), addRange: (x: Range) => void ranges.push(x) };
    Object.assign(shadow, { getSelection: () => chromium });
    (shadow.querySelector('.ql-editor') as HTMLElement).focus();
    document.dispatchEvent(new Event('selectionchange'));
    await flush();
    // The click reaches the document retargeted to #interop-outlet: the button must still answer.
    host!.click();
    await flush();
    const picker = shadow.querySelector('[data-lanyard="picker"]');
    expect(picker?.parentElement?.getAttribute('role')).toBe('dialog');
    pressAfterPause(shadowOf(picker).querySelector('li[role=option]')!);
    await flush();
    expect(p.textContent).toBe('Proud to share: I earned “Analytical Engine Programmer” from Analytical Society. https://b.example/public/assertions/ada-programmer');
    // Asked as a LinkedIn post's card: the background leaves out a link on a private network (core/share/linkedin.ts linkedInLink).
    expect(rt.sent.find((m) => m.type === 'picker/card')).toEqual({ type: 'picker/card', args: { key: 'ada-programmer', linkedIn: true } });
    expect(p.nextElementSibling?.textContent).toBe('#learning');
    expect(document.querySelector('.tiptap')?.textContent).toBe('');
  });

  // Late 2026: the server-driven composer, a Tiptap editor keyed ShareBox_textEditor in a native <dialog> (no
  // classes of the old share box, no known label); the feed's Tiptap comment boxes stay without a button.
  it('works in the 2026 server-driven composer (componentkey ShareBox_textEditor in a <dialog>), at the caret', async () => {
    loadPage(fixture('linkedin-sharing-compose-sdui-2026.html'));
    start(linkedinComposer);
    await flush();
    const [host, ...more] = hosts('linkedin-share-badge');
    expect(more).toEqual([]);
    expect(host?.closest('dialog')).not.toBeNull();
    const p = document.querySelector('[componentkey="ShareBox_textEditor"] p')!;
    const r = document.createRange();
    r.setStart(p.firstChild!, p.textContent!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    await flush();
    host!.click();
    await flush();
    // The picker opens inside the dialog (a modal dialog keeps everything else inert).
    expect(pickerRoot().host.closest('dialog')).not.toBeNull();
    pressAfterPause(pickerRoot().querySelector('li[role=option]')!);
    await flush();
    expect(p.textContent).toBe('Proud to share: I earned “Analytical Engine Programmer” from Analytical Society. https://b.example/public/assertions/ada-programmer');
    // Asked as a LinkedIn post's card: the background leaves out a link on a private network (core/share/linkedin.ts linkedInLink).
    expect(rt.sent.find((m) => m.type === 'picker/card')).toEqual({ type: 'picker/card', args: { key: 'ada-programmer', linkedIn: true } });
    expect(p.nextElementSibling?.textContent).toBe('#learning');
    expect(document.querySelector('main .tiptap')?.textContent).toBe('');
  });

  it('notices a composer that opens inside the shadow root later (no change in the page’s light DOM)', async () => {
    loadPage(fixture('linkedin-feed-composer-shadow.html'));
    attachDeclaredShadows();
    const shadow = document.getElementById('interop-outlet')!.shadowRoot!;
    const modal = shadow.querySelector('.artdeco-modal-overlay')!;
    modal.remove();
    start(linkedinComposer);
    await flush();
    shadow.append(modal);
    await new Promise((r) => setTimeout(r, 150));
    expect(shadow.querySelectorAll('[data-lanyard="linkedin-share-badge"]')).toHaveLength(1);
  });

  it.each([
    ['I earned a badge.', 'https://b.example/x', 'I earned a badge. https://b.example/x'],
    ['I earned a badge: https://b.example/x', 'https://b.example/x', 'I earned a badge: https://b.example/x'],
    ['I earned a badge.', 'javascript:alert(1)', 'I earned a badge.'],
    ['I earned a badge.', undefined, 'I earned a badge.'],
  ])('postText(%j, %j)', (text, url, want) => expect(postText(text, url)).toBe(want));
});
