// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.linkedin.com/in/ada-lovelace/"}
/**
 * LinkedIn is a single-page app: its pages change without a load, its composer and its forms open
 * and close over the page. The content script's features (src/content/linkedin.ts) must follow:
 * each button appears after a client-side route change, never twice, and leaves with what it
 * belongs to. The page is built from the fixtures, one document throughout, as LinkedIn keeps it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkedinCertForm } from '../../../src/content/features/linkedin-cert-form.ts';
import { linkedinComposer } from '../../../src/content/features/linkedin-composer.ts';
import { linkedinProfile } from '../../../src/content/features/linkedin-profile.ts';
import { runFeatures } from '../../../src/content/loader.ts';
import { THROTTLE_MS } from '../../../src/content/observer.ts';
import { profile } from '../../../src/content/sites/linkedin.ts';
import { attachDeclaredShadows, fixture, loadPage } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';

vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

let rt: FakeRuntime;
let controller: AbortController;
afterEach(() => {
  controller.abort();
  rt.restore();
});

/** An element of a fixture page, to put into the running page (LinkedIn renders it there on a route change). */
function partOf(name: string, selector: string): Element {
  const doc = new DOMParser().parseFromString(fixture(name), 'text/html');
  return document.importNode(doc.querySelector(selector)!, true);
}

const settle = () => new Promise((r) => setTimeout(r, THROTTLE_MS * 2 + 20));
const go = (path: string) => history.pushState(null, '', path);

/** Our buttons of each kind, in the page and in its open shadow roots. */
function count(): Record<string, number> {
  const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  const n: Record<string, number> = {};
  for (const root of roots) for (const el of root.querySelectorAll('[data-lanyard]')) n[el.getAttribute('data-lanyard')!] = (n[el.getAttribute('data-lanyard')!] ?? 0) + 1;
  return n;
}

describe('LinkedIn as a single-page app', () => {
  it('shows each button once after client-side route changes, and takes it out when its composer or form closes', async () => {
    rt = installRuntime({});
    loadPage(fixture('linkedin-profile-own.html'));
    controller = new AbortController();
    runFeatures([linkedinProfile, linkedinCertForm, linkedinComposer], controller.signal);
    await settle();
    expect(count()).toEqual({ 'linkedin-add-badge': 1 });

    // The post composer opens over the profile (no route change), in #interop-outlet's shadow root.
    const outlet = partOf('linkedin-feed-composer-shadow.html', '#interop-outlet');
    document.body.append(outlet);
    attachDeclaredShadows(document.body);
    await settle();
    // LinkedIn keeps re-rendering around it: still one of each.
    for (let i = 0; i < 3; i++) (document.body.append(document.createElement('div')), await settle());
    expect(count()).toEqual({ 'linkedin-add-badge': 1, 'linkedin-share-badge': 1 });
    // Closed: the composer's modal leaves the shadow root, and the button with it.
    const modal = outlet.shadowRoot!.querySelector('.artdeco-modal-overlay')!;
    modal.remove();
    await settle();
    expect(count()).toEqual({ 'linkedin-add-badge': 1 });

    // To the feed without a load: the profile's card goes, then the composer opens again.
    go('/feed/');
    document.querySelector('main')!.replaceChildren();
    await settle();
    expect(count()).toEqual({});
    outlet.shadowRoot!.append(modal);
    await settle();
    expect(count()).toEqual({ 'linkedin-share-badge': 1 });
    modal.remove();

    // Back to the profile, then its certification form opens as a modal over it (its own route).
    go('/in/ada-lovelace/');
    document.querySelector('main')!.replaceWith(partOf('linkedin-profile-own.html', 'main'));
    await settle();
    expect(count()).toEqual({ 'linkedin-add-badge': 1 });
    go('/in/ada-lovelace/edit/forms/certification/new/?profileFormEntryPoint=PROFILE_SECTION');
    const form = partOf('linkedin-cert-form.html', '.artdeco-modal-overlay');
    document.body.append(form);
    await settle();
    expect(count()).toEqual({ 'linkedin-fill-form': 1 });
    // Closed: the route goes back to the profile, whose button comes back once.
    form.remove();
    go('/in/ada-lovelace/');
    await settle();
    expect(count()).toEqual({ 'linkedin-add-badge': 1 });
    controller.abort();
    expect(count()).toEqual({});
  });
});

describe('LinkedIn: from one’s own profile to someone else’s, without a load', () => {
  // LinkedIn changes the route first and renders the next profile when its data arrives, updating the cards it
  // keeps in place: the button put on one's own card while the route already named the next profile must go once
  // that card shows someone else's profile.
  it('takes "Add badge" out when the card it sits in is no longer the owner’s', async () => {
    rt = installRuntime({});
    loadPage(fixture('linkedin-profile-own.html'));
    controller = new AbortController();
    runFeatures([linkedinProfile, linkedinCertForm, linkedinComposer], controller.signal);
    await settle();
    expect(count()).toEqual({ 'linkedin-add-badge': 1 });
    go('/in/grace-hopper/');
    document.body.append(document.createElement('div')); // a loading indicator: the old profile is still shown
    await settle();
    // The next profile's data arrives: the same cards, updated in place, without the owner's add and edit links.
    for (const el of document.querySelectorAll([...profile.ownerInCard, ...profile.ownerInPage].join(', '))) el.remove();
    document.querySelector('h1')?.replaceChildren('Grace Hopper');
    await settle();
    expect(count()).toEqual({});
  });
});

describe('LinkedIn’s 2026 composer: a route of its own (/sharing/compose) and a dialog', () => {
  it('puts "Share a badge" in the server-driven composer once, never in the feed’s comment boxes, and takes it out when it closes', async () => {
    rt = installRuntime({});
    history.pushState(null, '', '/feed/');
    const page = new DOMParser().parseFromString(fixture('linkedin-sharing-compose-sdui-2026.html'), 'text/html');
    const dialog = document.importNode(page.querySelector('dialog')!, true);
    loadPage(fixture('linkedin-sharing-compose-sdui-2026.html'));
    document.querySelector('dialog')!.remove(); // the feed, before "Start a post"
    controller = new AbortController();
    runFeatures([linkedinProfile, linkedinCertForm, linkedinComposer], controller.signal);
    await settle();
    expect(count()).toEqual({});
    // "Start a post": the route changes and the dialog opens over the feed.
    go('/sharing/compose');
    document.body.append(dialog);
    await settle();
    for (let i = 0; i < 3; i++) (document.body.append(document.createElement('div')), await settle());
    expect(count()).toEqual({ 'linkedin-share-badge': 1 });
    const host = document.querySelector('[data-lanyard="linkedin-share-badge"]')!;
    expect(host.closest('dialog')).toBe(dialog);
    expect(host.closest('[contenteditable]')).toBeNull();
    // Closed: the dialog is kept but no longer open, and the route goes back to the feed.
    dialog.removeAttribute('open');
    go('/feed/');
    await settle();
    expect(count()).toEqual({});
    dialog.setAttribute('open', '');
    go('/sharing/compose');
    await settle();
    expect(count()).toEqual({ 'linkedin-share-badge': 1 });
    dialog.remove();
    await settle();
    expect(count()).toEqual({});
  });
});
