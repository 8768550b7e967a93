// @vitest-environment jsdom
/**
 * Verify on hover in the page (src/content/features/hover-verify.ts, hover-intent.ts). jsdom has
 * no layout: element boxes and hit testing are stubbed (every element 120×20 at (10,10) unless the
 * test says otherwise), and "the user's" events are the ones the test marks as trusted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import { initHoverVerify, PAUSE_MS, REVEAL_MS } from '../../../src/content/features/hover-verify.ts';
import { flatContains } from '../../../src/content/dom/flat.ts';
import { fixture, loadPage } from '../support/pages.ts';
import { installRuntime, raw, type FakeRuntime } from '../support/runtime.ts';
import fr from '../../../public/_locales/fr/messages.json' with { type: 'json' };
import { hosts, shadowOf, shown } from '../support/shadow.ts';

const VERDICT: HoverVerdict = {
  verdict: 'valid',
  name: 'Analytical Engine Programmer',
  issuerName: 'Analytical Society',
  issuedOn: '2026-03-02T10:00:00Z',
  message: 'All checks passed.',
};

let rt: FakeRuntime;
let controller: AbortController;
/** Events the tests send as the user's (jsdom's are never trusted). */
const user = new WeakSet<Event>();
const asUser = <E extends Event>(e: E): E => (user.add(e), e);
/** Boxes by element (default 120×20 at 10,10); what is on top at any point. */
const boxes = new Map<Element, DOMRect>();
let onTop: Element | null = null;
const realRect = Element.prototype.getBoundingClientRect;

beforeEach(() => {
  vi.useFakeTimers();
  loadPage(fixture('badge-links.html'));
  boxes.clear();
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return boxes.get(this) ?? new DOMRect(10, 10, 120, 20);
  };
  document.elementFromPoint = () => onTop;
  rt = installRuntime({ 'hover/verify': () => VERDICT });
  controller = new AbortController();
  initHoverVerify(controller.signal, { isTrusted: (e) => user.has(e), pointerOver: (e) => onTop !== null && flatContains(e, onTop) });
});
afterEach(() => {
  controller.abort();
  rt.restore();
  Element.prototype.getBoundingClientRect = realRect;
  vi.useRealTimers();
});

const el = (id: string) => document.getElementById(id)!;
let x = 20;
/** The user's pointer moving onto an element (real movement: the coordinates change), then its mouseover. */
const moveOnto = (t: Element, from: Element | null = null) => {
  onTop = t;
  t.dispatchEvent(asUser(new MouseEvent('mousemove', { bubbles: true, clientX: (x = x === 20 ? 21 : 20), clientY: 15 })));
  t.dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true, relatedTarget: from })));
};
const out = (t: Element, to: Element | null = null) => t.dispatchEvent(asUser(new MouseEvent('mouseout', { bubbles: true, relatedTarget: to })));
const tab = () => document.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
const focusIn = (t: Element, trusted = true) => {
  const e = new FocusEvent('focusin', { bubbles: true });
  t.dispatchEvent(trusted ? asUser(e) : e);
};
const card = () => hosts('hover-card')[0];
const box = () => (card() ? shadowOf(card()).querySelector<HTMLElement>('.c') : null);
const state = () => box()?.getAttribute('data-state');
const cardText = () => shown(box());
const dwell = async () => vi.advanceTimersByTimeAsync(PAUSE_MS + REVEAL_MS + 10);
/** Longer than the card takes to go (hover-verify.ts HIDE_MS). */
const HIDE = 400;

describe('verify on hover', () => {
  it('shows nothing before the pause, then the verdict card', async () => {
    moveOnto(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS - 10);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(20);
    expect(rt.sent).toEqual([{ type: 'hover/verify', args: { url: 'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7' } }]);
    expect(state()).toBe('loading');
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(state()).toBe('ready');
    expect(cardText()).toContain('✓ Verified badge');
    expect(cardText()).toContain('Analytical Engine Programmer');
    expect(cardText()).toContain('Issued by Analytical Society, ');
    // Nothing of whose badge it is (the background verifies it without the user's addresses).
    expect(cardText()).not.toMatch(/your address/);
  });

  it('a card shown goes when the page moves its own address (history.pushState) under a relative link: no DOM change, the link now goes elsewhere', async () => {
    const start = location.href;
    const rel = document.createElement('a');
    rel.id = 'rel';
    rel.setAttribute('href', 'credentials/cred-2026-001');
    document.body.append(rel);
    try {
      moveOnto(rel);
      await dwell();
      expect(state()).toBe('ready');
      expect(JSON.stringify(rt.sent)).toContain(new URL('credentials/cred-2026-001', start).href);
      // The same href, read under another address: a click would open another page.
      history.pushState(null, '', '/elsewhere/deep/');
      expect(rel.href).not.toBe(new URL('credentials/cred-2026-001', start).href);
      await vi.advanceTimersByTimeAsync(HIDE + 300);
      expect(card()).toBeUndefined();
    } finally {
      history.replaceState(null, '', start);
      rel.remove();
    }
  });

  it('a card shown, then a badge picture inside its link entered with no dwell of the user (the page scrolled under the pointer): the card goes, and its look-again timer with it', async () => {
    const a = document.createElement('a');
    a.href = 'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7';
    const img = document.createElement('img');
    img.src = 'https://api.badgr.io/public/assertions/Other1234567890/image';
    a.append(img);
    document.body.append(a);
    try {
      moveOnto(a);
      await dwell();
      expect(state()).toBe('ready');
      // Into the picture without moving: its check is not the user's (hover-intent.ts pointerDwell).
      out(a, img);
      img.dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true, relatedTarget: a })));
      await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
      out(img, document.body);
      await vi.advanceTimersByTimeAsync(HIDE + 300);
      expect(card()).toBeUndefined();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      a.remove();
    }
  });

  it('describes only what was checked: a page that points the link elsewhere after the dwell gets no verdict beside it, and a card shown goes away', async () => {
    const link = el('badgr');
    moveOnto(link);
    await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
    expect(state()).toBe('loading');
    // Checked: the Badgr assertion. Before the verdict is painted, the page points the link at its own page.
    link.setAttribute('href', 'https://api.badgr.io/public/assertions/Someone-elses-1');
    await vi.advanceTimersByTimeAsync(REVEAL_MS + HIDE);
    expect(card()).toBeUndefined();
    expect(rt.sent).toHaveLength(1);
    // A card shown: the page changes the link under it.
    out(link, el('plain'));
    link.setAttribute('href', 'https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7');
    await vi.advanceTimersByTimeAsync(HIDE);
    moveOnto(el('ob3'));
    await dwell();
    expect(state()).toBe('ready');
    el('ob3').setAttribute('href', 'https://phish.example/login');
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(card()).toBeUndefined();
    // An attribute of another element, or one that still points at the same badge, leaves it up.
    out(el('ob3'), el('plain'));
    await vi.advanceTimersByTimeAsync(HIDE);
    moveOnto(link);
    await dwell();
    expect(state()).toBe('ready');
    el('ob3').setAttribute('href', 'https://badges.example.edu/ob3/credentials/cred-2026-001');
    link.setAttribute('href', `${link.getAttribute('href')}`);
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(state()).toBe('ready');
  });

  // A page shows someone else's genuine badge as its author's: the card said "Verified badge" and nothing of whose it is
  // (the background checks it without the reader's addresses, and the badge may name its holder only by a hash).
  it('says that a verified badge was not checked against whom it was issued to', async () => {
    moveOnto(el('badgr'));
    await dwell();
    expect(cardText()).toContain('✓ Verified badge');
    expect(cardText()).toContain('Not checked: whom it was issued to.');
  });

  // A page puts a genuine badge's picture inside a link to its own page: the card vouched for the picture,
  // and a click opened what the card never checked.
  it('says where a click goes when the badge picture sits in a link to somewhere else, and goes when that link changes', async () => {
    document.body.insertAdjacentHTML('beforeend', '<a id="wrap" href="https://phish.example/claim?x=1"><img id="wrapped" src="/img/badge-poetical-science.png" alt="badge"></a>' +
      '<a id="same" href="https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/image"><img id="same-img" src="https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/image" alt="badge"></a>');
    moveOnto(el('wrapped'));
    await dwell();
    expect(state()).toBe('ready');
    expect(cardText()).toContain('Analytical Engine Programmer');
    expect(cardText()).toContain('Clicking opens phish.example, not this badge.');
    // The page points the link elsewhere once the card is up: the card no longer says where a click goes.
    el('wrap').setAttribute('href', 'https://other.example/');
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(card()).toBeUndefined();
    // A picture that links to itself, or no link at all: nothing to add.
    out(el('wrapped'), el('plain'));
    await vi.advanceTimersByTimeAsync(HIDE);
    for (const id of ['same-img', 'baked']) {
      moveOnto(el(id));
      await dwell();
      expect(state()).toBe('ready');
      expect(cardText()).not.toContain('Clicking opens');
      out(el(id), el('plain'));
      await vi.advanceTimersByTimeAsync(HIDE);
    }
  });

  it('an SVG link written with xlink:href: says where a click goes, and goes when the page changes it', async () => {
    document.body.insertAdjacentHTML('beforeend', '<svg><a id="svg-link" xlink:href="https://phish.example/claim"><foreignObject width="10" height="10"><img id="svg-wrapped" src="/img/badge-poetical-science.png" alt="badge"></foreignObject></a></svg>');
    moveOnto(el('svg-wrapped'));
    await dwell();
    expect(state()).toBe('ready');
    expect(cardText()).toContain('Clicking opens phish.example, not this badge.');
    // xlink:href is a namespaced attribute: a MutationObserver's attributeFilter never reports it (DOM §4.3.3).
    el('svg-link').setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'https://other.example/');
    await vi.advanceTimersByTimeAsync(HIDE);
    expect(card()).toBeUndefined();
  });

  it('caches per URL: a second hover does not ask again, and paints after the same delay', async () => {
    moveOnto(el('badgr'));
    await dwell();
    out(el('badgr'), el('plain'));
    await vi.advanceTimersByTimeAsync(400);
    expect(card()).toBeUndefined();
    moveOnto(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
    expect(state()).toBe('loading');
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(state()).toBe('ready');
    expect(rt.sent).toHaveLength(1);
  });

  it('never asks about links that are not badges, or leaves before the pause', async () => {
    for (const id of ['plain', 'login', 'photo', 'js']) moveOnto(el(id));
    await vi.advanceTimersByTimeAsync(1000);
    moveOnto(el('credly'));
    await vi.advanceTimersByTimeAsync(100);
    out(el('credly'), el('plain'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
  });

  it('shows a loading card, then an error that is not cached', async () => {
    let answer: (v: unknown) => void = () => {};
    rt.handle['hover/verify'] = () => new Promise((r) => (answer = r));
    moveOnto(el('ob3'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS + REVEAL_MS + 10);
    expect(state()).toBe('loading');
    answer(raw({ ok: false, error: { code: 'ERR_FETCH', message: 'The issuer did not answer.' } }));
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('error');
    expect(cardText()).toContain('The issuer did not answer.');
    out(el('ob3'), el('plain'));
    rt.handle['hover/verify'] = () => ({ ...VERDICT, verdict: 'invalid', message: 'Revoked' });
    moveOnto(el('ob3'));
    await dwell();
    expect(rt.sent).toHaveLength(2);
    expect(cardText()).toContain('✕ Not a valid badge');
    // The card says nothing of whose badge it is: hover verifies without the user's addresses (content.ts).
    expect(cardText()).not.toMatch(/your address/);
    // A link that held no badge (a badge's web page): a plain notice.
    out(el('ob3'), el('plain'));
    rt.handle['hover/verify'] = () => ({ verdict: 'indeterminate', name: 'A web page, not badge data', noBadge: true, message: "www.credly.com answered a web page (HTML), not the badge's data: Lanyard cannot check the badge from this link" });
    moveOnto(el('badge-json'));
    await dwell();
    expect(cardText()).toContain('? Could not be verified');
    expect(cardText()).toContain('A web page, not badge data');
    expect(cardText()).toContain('www.credly.com answered a web page');
    expect(cardText()).not.toContain('issued to one of your addresses');
  });

  it('keeps the card while the pointer moves inside the link; Escape and abort remove it', async () => {
    const link = el('badgr');
    link.innerHTML = 'Analytical <b>Engine</b> Programmer';
    moveOnto(link);
    await dwell();
    out(link, link.querySelector('b'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(card()).toBeDefined();
    document.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(card()).toBeUndefined();
    moveOnto(el('badge-json'));
    await dwell();
    expect(card()).toBeDefined();
    controller.abort();
    expect(card()).toBeUndefined();
  });

  it('works from the keyboard: a focus that follows a real Tab press', async () => {
    onTop = el('badgr');
    tab();
    focusIn(el('badgr'));
    el('badgr').focus();
    await dwell();
    expect(state()).toBe('ready');
  });
});

describe('a page cannot drive it (issue 12 point 5)', () => {
  it('ignores events the page makes up (mouseover, focusin, Tab)', async () => {
    el('badgr').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    el('ob3').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    focusIn(el('badge-json'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
  });

  it('ignores a link moved under a still pointer: a trusted mouseover without real movement over it', async () => {
    moveOnto(el('plain'));
    await vi.advanceTimersByTimeAsync(50);
    // The page puts a badge link where the pointer rests: the browser sends a trusted mouseover, and maybe a
    // synthetic move at the same coordinates.
    onTop = el('badgr');
    el('badgr').dispatchEvent(asUser(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: 15 })));
    el('badgr').dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true })));
    await vi.advanceTimersByTimeAsync(2000);
    expect(rt.sent).toEqual([]);
  });

  it('needs the movement to be recent: a pointer that stopped long ago does not count', async () => {
    moveOnto(el('badgr'));
    out(el('badgr'));
    await vi.advanceTimersByTimeAsync(1500);
    el('badgr').dispatchEvent(asUser(new MouseEvent('mouseover', { bubbles: true })));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
  });

  it('ignores focus the page gives its links (a.focus() in a loop), but for one focus after each real Tab', async () => {
    const links = [el('badgr'), el('ob3'), el('badge-json')];
    onTop = el('badgr');
    for (let i = 0; i < 30; i++) {
      focusIn(links[i % 3]!);
      await vi.advanceTimersByTimeAsync(PAUSE_MS + 20);
    }
    expect(rt.sent).toEqual([]);
    tab();
    for (const l of links) (focusIn(l), l.focus());
    await dwell();
    expect(rt.sent.length).toBeLessThanOrEqual(1);
  });

  it('ignores a focus the page makes in place of the user’s Tab: it cancels the Tab, then focuses a badge link of its choice', async () => {
    onTop = el('ob3');
    // The page's own keydown listener (after Lanyard's): a.focus() gives a trusted focusin, during the user's real Tab.
    document.addEventListener('keydown', (e) => (e.preventDefault(), focusIn(el('ob3')), el('ob3').focus()), { once: true });
    document.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true })));
    await dwell();
    expect(rt.sent).toEqual([]);
    expect(card()).toBeUndefined();
  });

  it.each([
    ['zero size', (e: HTMLElement) => void boxes.set(e, new DOMRect(10, 10, 0, 0))],
    ['one pixel', (e: HTMLElement) => void boxes.set(e, new DOMRect(10, 10, 1, 1))],
    ['off screen', (e: HTMLElement) => void boxes.set(e, new DOMRect(-500, -500, 120, 20))],
    ['visibility: hidden', (e: HTMLElement) => void (e.style.visibility = 'hidden')],
    ['opacity: 0', (e: HTMLElement) => void (e.style.opacity = '0')],
    ['a transparent parent', (e: HTMLElement) => void (e.parentElement!.style.opacity = '0.05')],
    // A filter's opacity() hides as opacity does, and hit testing still finds the element (a page laid one over the page).
    ['a parent with filter: opacity(0)', (e: HTMLElement) => void (e.parentElement!.style.filter = 'opacity(0)')],
    ['filter: drop-shadow(…) opacity(5%)', (e: HTMLElement) => void (e.style.filter = 'drop-shadow(rgba(0, 0, 0, 0.5) 1px 1px 2px) opacity(5%)')],
    ['half opacity and a filter at 0.15', (e: HTMLElement) => void ((e.style.opacity = '0.5'), (e.style.filter = 'opacity(0.15)'))],
    ['an SVG filter, which may draw nothing', (e: HTMLElement) => void (e.style.filter = 'url("#nothing")')],
    ['covered by something else', () => undefined, true],
  ])('ignores an element that is not visible: %s', async (_what, hideIt, covered = false) => {
    const link = el('badgr');
    hideIt(link);
    moveOnto(link);
    if (covered) onTop = document.body;
    await vi.advanceTimersByTimeAsync(1000);
    tab();
    if (!covered) focusIn(link);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.sent).toEqual([]);
  });
});

describe('a filter that leaves the badge visible (hover-intent.ts filterOpacity)', () => {
  it.each(['drop-shadow(rgba(0, 0, 0, 0.5) 1px 1px 2px)', 'grayscale(1) opacity(0.9)', 'opacity()'])('still verifies a badge drawn with filter: %s', async (filter) => {
    el('badgr').style.filter = filter;
    moveOnto(el('badgr'));
    await dwell();
    expect(rt.sent.length).toBe(1);
    expect(state()).toBe('ready');
  });
});

describe('no signal the page can read (issue 12 point 8)', () => {
  it('the host looks the same in every state and whatever the verdict; the card has a fixed size', async () => {
    const seen: string[] = [];
    const snapshot = () => seen.push(JSON.stringify([...card()!.attributes].map((a) => [a.name, a.value])));
    moveOnto(el('badgr'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS + 10);
    snapshot();
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    snapshot();
    out(el('badgr'), el('plain'));
    rt.handle['hover/verify'] = () => ({ ...VERDICT, verdict: 'invalid' });
    moveOnto(el('ob3'));
    await dwell();
    expect(cardText()).toContain('Not a valid badge');
    snapshot();
    expect(new Set(seen).size).toBe(1);
    expect(card()!.getAttributeNames()).toEqual(['data-lanyard']);
    const css = [...shadowOf(card()).adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)), ...[...shadowOf(card()).querySelectorAll('style')].map((s) => s.textContent)].join('');
    expect(css).toMatch(/\.c\s*\{[^}]*height:\s*150px/);
    expect(css).toMatch(/\.c\s*\{[^}]*overflow:\s*hidden/);
  });
});

describe('a badge whose host Lanyard may not read (the background’s needsAccess)', () => {
  const NO_ACCESS: HoverVerdict = {
    verdict: 'indeterminate',
    name: 'Not a readable badge',
    noBadge: true,
    needsAccess: 'issuer.example',
    message: 'https://issuer.example/a.json could not be fetched: Lanyard may not read https://issuer.example yet. (open the badge in Lanyard and choose “Allow access”)',
  };

  it('says which site is not allowed and how to allow it, not the popup’s “open the badge in Lanyard”; asks again next time', async () => {
    rt.handle['hover/verify'] = () => NO_ACCESS;
    moveOnto(el('badgr'));
    await dwell();
    expect(cardText()).toContain('? Could not be verified');
    expect(cardText()).toContain('Lanyard may not read issuer.example yet: allow it in the browser’s extension settings (Site access, or Permissions in Firefox), then point at the badge again.');
    expect(cardText()).not.toContain('open the badge in Lanyard');
    expect(cardText()).not.toContain('Not a readable badge');
    out(el('badgr'), el('plain'));
    moveOnto(el('badgr'));
    await dwell();
    expect(rt.sent).toHaveLength(2);
  });

  it('a badge that was read but whose issuer Lanyard may not read: the issuer’s host, in that one sentence', async () => {
    rt.handle['hover/verify'] = () => ({ ...NO_ACCESS, noBadge: undefined, name: 'Analytical Engine Programmer', needsAccess: 'profiles.example' });
    moveOnto(el('badgr'));
    await dwell();
    expect(cardText()).toBe('? Could not be verifiedLanyard may not read profiles.example yet: allow it in the browser’s extension settings (Site access, or Permissions in Firefox), then point at the badge again.');
  });
});

describe('the card in the browser’s language', () => {
  it('follows browser.i18n (French here), the issuer’s name still isolated', async () => {
    rt.restore();
    rt = installRuntime({ 'hover/verify': () => VERDICT }, fr);
    moveOnto(el('badgr'));
    await dwell();
    expect(cardText()).toContain('✓ Badge vérifié');
    expect(cardText()).toContain('Délivré par Analytical Society, ');
    expect(cardText()).not.toMatch(/vos adresses/);
    expect(shown(box()?.querySelector('bdi'))).toBe('Analytical Society');
    // The background's English line for a valid badge only repeated the lines above: not shown.
    expect(cardText()).not.toContain('All checks passed.');
  });

  it('says why no badge was read in those words too (the background’s kind, not its English name)', async () => {
    rt.restore();
    rt = installRuntime({ 'hover/verify': () => ({ verdict: 'indeterminate', name: 'A web page, not badge data', noBadge: true, noBadgeKind: 'web-page', message: 'www.credly.com answered a web page' }) }, fr);
    moveOnto(el('badgr'));
    await dwell();
    expect(shown(box()?.querySelector('b'))).toBe('Une page web, pas des données de badge');
    expect(cardText()).not.toContain('A web page, not badge data');
  });

  it('says the per-page limit in those words too', async () => {
    rt.restore();
    rt = installRuntime({ 'hover/verify': () => raw({ ok: false, error: { code: 'ERR_RATE_LIMITED', message: 'Too many badges checked on this page' } }) }, fr);
    moveOnto(el('badgr'));
    await dwell();
    expect(cardText()).toContain('Trop de badges vérifiés sur cette page');
  });
});
