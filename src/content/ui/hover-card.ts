/**
 * The verify-on-hover card: verdict, badge, issuer and date (never whose badge it is: the
 * background verifies it without the user's addresses; a valid card says so). It has nothing to click and lets the pointer through (it never hides the
 * page under it). One card per page. Nothing the page can read differs with the verdict (issue 12
 * point 8): the host's attributes are the same in every state and it has no box of its own (the
 * card is fixed-positioned inside the closed shadow root, at a fixed size, taller only when it says where a
 * click goes, which the page's own link decides); the state
 * (loading | ready | error) is on the card's box, inside the shadow root, for tests.
 */
import { briefCheckSentence } from '../../core/share/check-words.ts';
import { displayText } from '../../core/share/display.ts';
import { siteEnd } from '../../core/share/issuer-site.ts';
import type { HoverVerdict } from '../../messaging/views.ts';
import { tx, type ContentKey } from '../i18n.ts';
import { h, monthYear } from './h.ts';
import { place } from './place.ts';
import { mountShadow, NO_PAGE_PSEUDO, ownDirection, type ShadowUi } from './shadow.ts';
import { dirOf } from './quiet.ts';
import { keepOnTop, type TopLayer } from './top-layer.ts';

/** `opens`: where a click on the element goes, when not to the badge checked (hover-verify.ts). */
export type CardState = { kind: 'loading' } | { kind: 'ready'; verdict: HoverVerdict; opens?: string } | { kind: 'error'; message: string };

const TITLES: Record<HoverVerdict['verdict'], [string, ContentKey]> = {
  valid: ['✓', 'contentHoverValid'],
  invalid: ['✕', 'contentHoverInvalid'],
  indeterminate: ['?', 'contentHoverIndeterminate'],
};

const NO_BADGE: Record<NonNullable<HoverVerdict['noBadgeKind']>, ContentKey> = { 'no-data': 'contentHoverNoData', 'web-page': 'contentHoverWebPage', unreadable: 'contentHoverUnreadable' };

/** A translated sentence with an element where its placeholder is (the issuer's name stays isolated in its <bdi>). */
const MARK = '\uE000';
function around(key: ContentKey, node: Node, ...more: string[]): (Node | string)[] {
  const [before = '', after = ''] = tx(key, MARK, ...more).split(MARK);
  return [before, node, after];
}

/** The card's fixed size; taller when it says where a click goes (its lines measured in Chromium, en and fr). */
const WIDTH = 300;
const HEIGHT = 150;
const TALL = 210;
/** The longest host shown for where a click goes: cut at its start (issuer-site.ts siteEnd), at most two lines of its own. */
const OPENS_CHARS = 32;

const CSS =
  '.c{position:fixed;z-index:2147483647;width:300px;height:150px;overflow:hidden;padding:10px 12px;background:#fff;color:#1d2430;border:1px solid #c4c9d0;' +
  'border-radius:10px;box-shadow:0 8px 28px #0003;pointer-events:none}.v{font-weight:700;margin-bottom:4px}.valid{color:#137333}' +
  '.invalid{color:#c5221f}.indeterminate{color:#b06000}b{display:block;font-size:14px}p{margin:2px 0;color:#5a6270}' +
  // Issuer-written text: isolated, wrapped, and cut (display.ts shows bidi controls as ⟨RLO⟩).
  'b,bdi{unicode-bidi:isolate}b,p{overflow-wrap:anywhere;max-height:12em;overflow:hidden}' +
  // The site beside the issuer's name is what the name cannot fake, so nothing the badge writes may push it
  // out of the fixed box: the issuer's name takes one line (cut with "…"), the lines after the verdict are
  // laid out in a column where the badge's name (at most three lines) and the reason give way first.
  '.c{display:flex;flex-direction:column}.c>*{flex:none}.c>b,.c>p.r{flex:0 1 auto;min-height:0}b{max-height:4.05em}' +
  // A column's margins do not collapse as the block flow's did: the same gaps, none after the last line
  // (the no-access sentence in French filled the box to its last pixel and overflowed by its margins).
  '.c>p{margin:2px 0 0}.c>.v+p{margin-top:0}' +
  // What a valid card does not vouch for gives way too, but only once the name has: the name's shrink factor is
  // far above the others' (a factor below 1 alone would not shrink at all: CSS Flexbox §9.7 step 4b).
  '.c>b{flex-shrink:100}.c>p.w{flex:0 1 auto;min-height:0;margin:0}' +
  '.n,.s{display:inline-block;max-width:100%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}' +
  // The issuer's site keeps its end, which names the site (issuer-site.ts siteEnd): laid out right to left, its box
  // overflows and is cut with "…" at its left, the start of the host; the host itself stays left to right inside its <bdi>
  // (CSS Overflow 3 §3.2 text-overflow applies at the line's end edge, the left one in a right-to-left box).
  '.s{direction:rtl}' +
  // The name and the site beside it take two thirds of a line each at most, so that "Issued by" and the date fit
  // beside them: the issuer's line is two lines, whatever their length, and leaves the badge's name its room.
  '.i>.n,.i>.s{max-width:66%}' +
  // Where a click goes is one more line the page writes (its host up to 253 characters, shown to OPENS_CHARS):
  // a card that says it is taller, so that it does not push out the issuer's site, the badge's name or the whom line.
  `.c.o{height:${TALL}px}`;

let card: ShadowUi | null = null;
/** The card's place in the top layer (top-layer.ts), from its host's appearing to its going. */
let top: TopLayer | null = null;
/** The page kept raising its own above the card (top-layer.ts): none until the next hover's card appears. */
let lost = false;
/** What the card was last asked to show, and beside what. */
let shown: { anchor: Element; state: CardState } | null = null;
/**
 * Where the browser cannot tell what covers the card (Firefox), the page has a popover, modal or fullscreen element of
 * its own open (top-layer.ts `popup`): it may hide and show it again above the card unheard (its capturing listener
 * stops the `beforetoggle`), a look-alike saying another verdict. While one is open the card says so instead of the
 * verdict (attack34), as the picker takes no pick then; the verdict comes back when it closes.
 */
let withheld = false;

export function showCard(anchor: Element, state: CardState): HTMLElement | null {
  if (state.kind === 'loading') lost = false;
  // Not brought back when its verdict is painted: it could not be on top, and its coming back would tell the page when that is.
  if (lost) return null;
  // Nor when the page took its host away: its coming back at the paint told the page when the verdict came.
  if (card && !card.host.isConnected && state.kind !== 'loading') return (hideCard(), (lost = true), null);
  card ??= mountShadow('hover-card', CSS + ownDirection() + NO_PAGE_PSEUDO);
  const { host } = card;
  shown = { anchor, state };
  if (!host.isConnected) {
    document.documentElement.append(host);
    // Above the page's own popovers, modal dialogs and fullscreen element; no card where it cannot be.
    top?.stop();
    top = null;
    top = keepOnTop(host, () => (hideCard(), (lost = true)), { popup: (open) => void (open !== withheld && ((withheld = open), paint())) });
    // Kept out of the top layer at once (top-layer.ts): gone already, not placed.
    if (lost) return null;
  } else if (state.kind !== 'loading' && top) {
    // A verdict: looked at afresh (every root walked), as before a pick; a page that took the card's place at this moment loses it.
    withheld = top.refusal() === 'popup';
    if (lost) return null;
  }
  paint();
  return host;
}

/** The card's box for what it was last asked to show, or the site's pop-up while one is open (`withheld`). */
function paint(): void {
  if (!card || !shown) return;
  const { anchor, state } = shown;
  const tall = !withheld && state.kind === 'ready' && state.opens !== undefined;
  const content = withheld ? [h('p', {}, tx('contentHoverSitePopup'))] : body(state);
  const box = h('div', { class: tall ? 'c o' : 'c', role: 'tooltip', 'data-state': withheld ? 'withheld' : state.kind }, ...content);
  card.root.querySelector('.c')?.remove();
  card.root.append(box);
  // Anything drawn over this box later (a popover in the page's shadow root) raises the card again (top-layer.ts).
  top?.watch(box);
  place(box, anchor, WIDTH, tall ? TALL : HEIGHT);
}

export function hideCard(): void {
  top?.stop();
  top = null;
  shown = null;
  withheld = false;
  card?.host.remove();
  card = null;
}

function body(state: CardState): (Node | string)[] {
  if (state.kind === 'loading') return [h('p', {}, tx('contentHoverVerifying'))];
  if (state.kind === 'error') return [h('div', { class: 'v indeterminate' }, `? ${tx('contentHoverIndeterminate')}`), h('p', {}, displayText(state.message, 500))];
  const v = state.verdict;
  const [mark, title] = TITLES[v.verdict];
  const date = monthYear(v.issuedOn);
  const verdict = h('div', { class: `v ${v.verdict}` }, `${mark} ${tx(title)}`);
  // A host Lanyard may not read (the background's needsAccess): what to do here, not the engine's
  // advice, which speaks of the popup's badge page. That sentence alone: with the badge's name it
  // no longer fit the card's fixed box in French.
  if (v.needsAccess) return [verdict, h('p', {}, tx('contentHoverNoAccess', siteEnd(displayText(v.needsAccess, 300))))];
  // The name is the issuer's own word ("Harvard University" from anywhere); beside it, where the
  // checks place the issuer (its id's host or DID: issuer-site.ts), which the name cannot fake.
  // Cut at its start when long: its end names the site (issuer-site.ts siteEnd).
  const site = v.issuerSite ? siteEnd(displayText(v.issuerSite, 300)) : '';
  // Each in the browser's language, chosen by the background, with the direction the badge gives it (VC DM 2.0 §11.1), else its own.
  const named = v.issuerName ? h('bdi', { class: 'n', dir: v.dirs?.issuerName ?? dirOf(v.issuerName) }, displayText(v.issuerName, 300)) : null;
  // The site on one line of its own box, cut at its start (.s): a long one no longer wraps the issuer's line over the badge's name.
  const issuer = named && site ? h('span', { class: 'i' }, named, ' ', h('span', { class: 's' }, h('bdi', { dir: 'ltr' }, `(${site})`))) : named ?? (site ? h('span', { class: 's' }, h('bdi', { dir: 'ltr' }, site)) : null);
  const heading = v.noBadgeKind ? tx(NO_BADGE[v.noBadgeKind]) : v.name ? displayText(v.name, 300) : tx('badgeNamelessUntitled');
  return [
    verdict,
    // Right under the verdict: it speaks of the badge, not of the page a click opens.
    state.opens ? h('p', {}, tx('contentHoverOpens', siteEnd(displayText(state.opens, 300), OPENS_CHARS))) : '',
    h('b', { dir: (!v.noBadgeKind && v.name && v.dirs?.name) || dirOf(heading) }, heading),
    issuer ? h('p', {}, ...(date ? around('contentHoverIssuedByOn', issuer, date) : around('contentHoverIssuedBy', issuer))) : date ? h('p', {}, tx('contentHoverIssuedOn', date)) : '',
    // Why it is not valid, in the page's words (a valid badge's reason only repeats the lines above). For a
    // valid one, what "verified" does not cover: a page can show someone else's genuine badge as its author's
    // (it gives way after the badge's name, before the issuer's site and where a click goes: .w).
    v.verdict === 'valid' ? (v.noBadgeKind ? '' : h('p', { class: 'w' }, tx('contentHoverNotWhose'))) : v.privateHost ? h('p', { class: 'r' }, tx('contentHoverPrivateHost', siteEnd(displayText(v.privateHost, 300)))) : v.reason ? h('p', { class: 'r' }, tx(briefCheckSentence(v.reason))) : v.message ? h('p', { class: 'r' }, displayText(v.message, 500)) : '',
  ];
}

