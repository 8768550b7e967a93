/**
 * The badge card for e-mail and web pages, and its plain-text sentence. Mail clients drop
 * <style> and <script> and many CSS properties, so the card is a single table with inline styles
 * (what Gmail and Outlook keep, reference §3.4/§3.5). Every field is escaped; links and the image
 * must be absolute http(s): data: images are left out because Gmail strips them and Outlook
 * blocks them, so a badge without a hosted image gets a card without a picture.
 */
import { expiryMs, isoDay } from './dates.ts';
import { displayText, hasVisibleText, oneLine } from './display.ts';
import { escapeHtml, publicShareUrl } from './escape.ts';
import { isPrivateHost } from '../verify/private-address.ts';
import type { NoName } from './badge-name.ts';
import { inSentence, needsIsolation } from './bidi.ts';
import { onIssuerSite } from './issuer-site.ts';
import type { ShownDirs, TextDirection } from './lang-text.ts';

export interface ShareableBadge {
  name: string;
  /** The badge has no name (badge-name.ts): the card and sentence speak of an Open Badge, never of a title it lacks. */
  noName?: NoName;
  description?: string;
  image?: string;
  issuerName?: string;
  /** The homepage the issuer's profile claims: linked from its name only on the issuer's own site (issuer-site.ts onIssuerSite). */
  issuerUrl?: string;
  /** The issuer's id (an http(s) URL or a DID): the site its badges are tied to. */
  issuerId?: string;
  issuedOn?: string;
  expires?: string;
  /** The badge's public, verifiable page. */
  publicUrl?: string;
  /**
   * The base direction the badge gives the texts shown, in the language chosen (VC DM 2.0 §11.1
   * `@direction`; core/share/lang-text.ts chooseTexts): the card's `dir`, the sentence's isolate.
   */
  dirs?: ShownDirs;
}

/** Words of the card and sentence; English by default, the popup passes its translations. */
export interface CardLabels {
  issuedBy(issuer: string): string;
  issuedOn(date: string): string;
  expiresOn(date: string): string;
  /** An expiry already past when the card is made: not "Expires", which reads as still ahead. */
  expiredOn(date: string): string;
  viewAndVerify: string;
  earned(name: string): string;
  earnedFrom(name: string, issuer: string): string;
  verifyAt(url: string): string;
  /** In place of a name the badge does not have: what it is, not a title. */
  nameless: string;
  earnedNameless: string;
  earnedNamelessFrom(issuer: string): string;
}

export const ENGLISH_LABELS: CardLabels = {
  issuedBy: (issuer) => `Issued by ${issuer}`,
  issuedOn: (date) => `Issued ${date}`,
  expiresOn: (date) => `Expires ${date}`,
  expiredOn: (date) => `Expired ${date}`,
  viewAndVerify: 'View and verify this badge',
  earned: (name) => `I earned the badge “${name}”.`,
  earnedFrom: (name, issuer) => `I earned the badge “${name}” from ${issuer}.`,
  verifyAt: (url) => `See and verify it: ${url}`,
  nameless: 'Open Badge',
  earnedNameless: 'I earned an Open Badge.',
  earnedNamelessFrom: (issuer) => `I earned an Open Badge from ${issuer}.`,
};

/**
 * The name others are shown: the badge's own, or for a badge without one "Open Badge" (what it
 * is), never the user's words for "no name" ("Untitled badge"), which would read as its title.
 */
export function sharedName(badge: Pick<ShareableBadge, 'name' | 'noName'>, labels: Partial<CardLabels> = {}): string {
  return nameless(badge) ? (labels.nameless ?? ENGLISH_LABELS.nameless) : badge.name;
}

/** No name, or one of only controls and spaces (display.ts hasVisibleText): what others would read is no name. */
const nameless = (badge: Pick<ShareableBadge, 'name' | 'noName'>): boolean => !!badge.noName || !hasVisibleText(badge.name);

/** The issuer's name when it shows something: one of only controls and spaces is left out, as a missing one. */
const issuerOf = (badge: Pick<ShareableBadge, 'issuerName'>): string | undefined => (hasVisibleText(badge.issuerName) ? badge.issuerName : undefined);

/** The direction the badge gives its name, when the name shown is its own. */
export const nameDir = (badge: Pick<ShareableBadge, 'name' | 'noName' | 'dirs'>): TextDirection | undefined => (nameless(badge) ? undefined : badge.dirs?.name);

/**
 * What was earned and from whom, in one sentence (the share text's and the e-mail's first line);
 * each name on one line (display.ts oneLine), the issuer's words isolated where they need it
 * (bidi.ts inSentence: plain text has no `dir`).
 */
export function earnedSentence(badge: Pick<ShareableBadge, 'name' | 'noName' | 'issuerName' | 'dirs'>, labels: Partial<CardLabels> = {}): string {
  const l = { ...ENGLISH_LABELS, ...labels };
  const shown = issuerOf(badge);
  const issuer = shown ? inSentence(displayText(oneLine(shown), 300), badge.dirs?.issuerName) : undefined;
  if (nameless(badge)) return issuer ? l.earnedNamelessFrom(issuer) : l.earnedNameless;
  const name = inSentence(displayText(oneLine(badge.name), 300), nameDir(badge));
  return issuer ? l.earnedFrom(name, issuer) : l.earned(name);
}

export interface CardOptions {
  labels?: Partial<CardLabels>;
  /** Formats an ISO date for display; default: the issuer's calendar date, YYYY-MM-DD. */
  formatDate?: (iso: string) => string | undefined;
  /** The time the card is made at, in ms (an expiry before it is said as past); default now. */
  now?: number;
}

/** The public link to share, when the badge has an http(s) one that carries no token (escape.ts). */
export function shareLink(badge: Pick<ShareableBadge, 'publicUrl'>): string | undefined {
  return publicShareUrl(badge.publicUrl);
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
/** A `dir` attribute's value: a direction given, else `auto`; checked here too, as the HTML is built from whatever the caller passes. */
const dirAttr = (dir: string | undefined): string => (dir === 'rtl' || dir === 'ltr' ? dir : 'auto');
/** Where the issuer's name goes in the translated "Issued by …" (a private-use character, never in our messages). */
const MARK = '\uE000';

/**
 * "Issued by <issuer>", escaped; the issuer's name isolated in a span of its direction where it
 * needs it (bidi.ts needsIsolation), as <bdi> would, which mail clients do not all keep.
 */
function issuedByHtml(l: CardLabels, issuer: string, dir: TextDirection | undefined): string {
  const parts = l.issuedBy(MARK).split(MARK);
  if (!needsIsolation(issuer, dir) || parts.length !== 2) return escapeHtml(l.issuedBy(issuer));
  return `${escapeHtml(parts[0]!)}<span dir="${dirAttr(dir)}" style="unicode-bidi:isolate;">${escapeHtml(issuer)}</span>${escapeHtml(parts[1]!)}`;
}

/**
 * The card's picture: a public link (escape.ts), never on a local or private host
 * (core/verify/private-address.ts), not even the user's own backpack's, which the popup shows: the
 * card's readers load it on their own machines, where it would point into their own network.
 */
function cardImage(raw: string | undefined): string | undefined {
  const href = publicShareUrl(raw);
  return href && !onPrivateNetwork(href) ? href : undefined;
}

/**
 * Whether an absolute URL is on a local or private host (core/verify/private-address.ts: localhost,
 * RFC 1918 and other special-purpose addresses, `.local`, `.corp`, `.internal`, single-label names):
 * whoever the badge is shared with, on LinkedIn or by mail, opens it on their own network, if at all.
 */
export const onPrivateNetwork = (href: string): boolean => isPrivateHost(new URL(href).hostname);

export function badgeCardHtml(badge: ShareableBadge, options: CardOptions = {}): string {
  const l = { ...ENGLISH_LABELS, ...options.labels };
  const date = (iso: string | undefined) => (iso ? (options.formatDate ?? isoDay)(iso) : undefined);
  const link = shareLink(badge);
  // The picture and the issuer's link go out with the card too: the same rule as the badge's link, the issuer's only on its own site.
  const image = cardImage(badge.image);
  const issuerUrl = onIssuerSite(badge.issuerUrl, badge.issuerId) ? publicShareUrl(badge.issuerUrl) : undefined;
  const e = escapeHtml;
  // Controls made visible, long text cut (display.ts); each field isolated from the next.
  const shownName = displayText(sharedName(badge, l), 300);

  const name = `<div dir="${dirAttr(nameDir(badge))}" style="${FONT}font-size:16px;line-height:20px;font-weight:bold;color:#1b1f24;unicode-bidi:isolate;overflow-wrap:anywhere;">${e(shownName)}</div>`;
  const shownIssuer = issuerOf(badge);
  const issuerText = shownIssuer ? issuedByHtml(l, displayText(shownIssuer, 300), badge.dirs?.issuerName) : '';
  const issuer = !issuerText
    ? ''
    : issuerUrl
      ? `<a href="${e(issuerUrl)}" style="color:#1b1f24;text-decoration:underline;">${issuerText}</a>`
      : issuerText;
  const dates = [date(badge.issuedOn), date(badge.expires)];
  // Read as the engine's validity check reads it (dates.ts expiryMs); a date it cannot read is said as written.
  const past = badge.expires !== undefined && expiryMs(badge.expires) <= (options.now ?? Date.now());
  const dateText = [dates[0] && l.issuedOn(dates[0]), dates[1] && (past ? l.expiredOn(dates[1]) : l.expiresOn(dates[1]))].filter(Boolean).join(' · ');
  const meta = [issuer, e(dateText)].filter(Boolean).join('<br>');
  const metaBlock = meta ? `<div dir="auto" style="${FONT}font-size:13px;line-height:18px;color:#4a5360;padding-top:4px;unicode-bidi:isolate;overflow-wrap:anywhere;">${meta}</div>` : '';
  const verify = link
    ? `<div style="${FONT}font-size:13px;line-height:18px;padding-top:8px;"><a href="${e(link)}" style="color:#2458c8;font-weight:bold;text-decoration:underline;">${e(l.viewAndVerify)}</a></div>`
    : '';
  // Its alt text shows where the picture does not load (blocked by the mail client, issuer offline):
  // in the card's font, small and grey, not the reader's default 16 px serif (inline styles on <img> apply to it).
  const img = image
    ? `<img src="${e(image)}" width="72" height="72" alt="${e(shownName)}" style="display:block;width:72px;height:72px;border:0;outline:none;${FONT}font-size:11px;line-height:14px;color:#4a5360;overflow:hidden;">`
    : '';
  const imgCell = img
    ? `<td width="72" valign="top" style="padding:12px 0 12px 12px;width:72px;vertical-align:top;">${link ? `<a href="${e(link)}">${img}</a>` : img}</td>`
    : '';
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;border:1px solid #d5dbe4;border-radius:8px;background:#ffffff;max-width:480px;">` +
    `<tr>${imgCell}<td valign="top" style="padding:12px;vertical-align:top;">${name}${metaBlock}${verify}</td></tr></table>`
  );
}

/** One sentence to paste anywhere: what was earned, from whom, and where to verify it. */
export function badgeShareText(badge: ShareableBadge, labels: Partial<CardLabels> = {}): string {
  const l = { ...ENGLISH_LABELS, ...labels };
  const intro = earnedSentence(badge, l);
  const link = shareLink(badge);
  return link ? `${intro} ${l.verifyAt(link)}` : intro;
}
