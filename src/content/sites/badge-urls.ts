/**
 * Which links and images on a page point at badges, for verify-on-hover. Only these URLs are
 * ever sent to the background, and only after `hoverUrl` has checked them (http(s), no
 * credentials, bounded length). Tested in test/content/sites/badge-urls.test.ts.
 */

import { flatClosest } from '../dom/flat.ts';

export const MAX_URL_LENGTH = 2048;

/** Badgr, Canvas Credentials, Parchment and self-hosted badgr-server: /public/assertions/{id}[.json|/image|/baked]. */
const BADGR_ASSERTION = /^\/public\/assertions\/[A-Za-z0-9_-]{4,}(\.json)?(\/(image|baked))?\/?$/;
/**
 * Credly (and its old Acclaim host): /badges/{uuid}[/public_url|/linked_in_profile] (the share
 * links people paste on their pages, e.g. `www.credly.com/badges/630a804c-…/linked_in_profile`
 * in a public portfolio), /earner/earned/badge/{uuid}.
 */
const CREDLY_HOSTS = /(^|\.)(credly\.com|youracclaim\.com)$/;
const CREDLY_PATH = /^\/(badges|earner\/earned\/badge)\/[0-9a-f-]{36}(\/(public_url|linked_in_profile))?\/?$/i;
/** OB 3.0 credentials: the standard API's path, or a /credentials/{id} document (an id has a digit: not /credentials/login). */
const OB3_CREDENTIAL = /(^|\/)(ims\/ob\/v3p0\/credentials|credentials?|achievementcredentials?)\/(?=[^/]*\d)[A-Za-z0-9:_.-]{4,}(\.json)?\/?$/i;
/**
 * An Open Badges JSON document: a .json/.jsonld file whose name or folder says what it is. Two
 * plain tests over the last two path segments, not one pattern with adjacent `[^/]*` runs: those
 * backtrack cubically on a long page-controlled path (`/ob2-` repeated).
 */
const JSON_FILE = /\.json(ld)?$/i;
const OB_WORD = /badge|assertion|credential|achievement|openbadge|\bob[23]\b/i;
/**
 * A collection, not one badge: `badges.json`, `assertions.json`… (Credly's
 * `/users/<vanity>/badges.json` is a whole wallet). Never sent for verification.
 */
const COLLECTION_FILE = /^(badges|assertions|credentials|achievements|badgeclasses|issuers)\.json(ld)?$/i;
const isObJson = (path: string): boolean => {
  const tail = path.split('/').slice(-2);
  return JSON_FILE.test(path) && !COLLECTION_FILE.test(tail[tail.length - 1] ?? '') && OB_WORD.test(tail.join('/'));
};
/** A baked image: an image file whose path or alt text says it is a badge. */
const IMAGE_FILE = /\.(png|svg)$/i;
const BADGE_WORD = /badge|credential|certificat/i;
/**
 * Status badges (build, coverage, version) on code pages: never Open Badges, and a README shows
 * dozens. Shields (`img.shields.io/badge/<label>-<message>-<color>`, shields.io/docs/static-badges)
 * and similar services by host; GitHub's and Gitea's workflow badges
 * (`/<owner>/<repo>/actions/workflows/<file>/badge.svg`, docs.github.com "Adding a workflow status
 * badge") and GitLab's pipeline and coverage badges by path.
 */
const STATUS_BADGE_HOSTS = /(^|\.)(shields\.io|badgen\.net|badge\.fury\.io|codecov\.io|coveralls\.io|travis-ci\.(com|org)|circleci\.com|sonarcloud\.io|readthedocs\.org|snyk\.io|deepsource\.io)$/;
const STATUS_BADGE_PATH = /\/actions\/workflows\/[^/]+\/badge\.svg$|\/badges\/[^/]+\/(pipeline|coverage|release)\.svg$/i;
const isStatusBadge = (url: URL): boolean => STATUS_BADGE_HOSTS.test(url.hostname) || STATUS_BADGE_PATH.test(url.pathname);

/** A hover target's URL, normalised (no fragment), or null when it is not fit to leave the page. */
export function hoverUrl(raw: string, base: string): string | null {
  if (raw.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  u.hash = '';
  return u.href.length > MAX_URL_LENGTH ? null : u.href;
}

/** Whether a link's URL points at a badge (assertion, badge page, credential or OB JSON). */
export function isBadgeLink(url: URL): boolean {
  const path = url.pathname;
  if (BADGR_ASSERTION.test(path)) return true;
  if (CREDLY_HOSTS.test(url.hostname) && CREDLY_PATH.test(path)) return true;
  return OB3_CREDENTIAL.test(path) || isObJson(path);
}

/** Whether an image may be a baked badge: an assertion image, or a PNG/SVG named or described as a badge. */
export function isBadgeImage(url: URL, alt: string): boolean {
  if (isBadgeLink(url)) return true;
  if (isStatusBadge(url)) return false;
  // The path only: a query string (`?size=340`, a cache buster) does not hide the file type.
  return IMAGE_FILE.test(url.pathname) && (BADGE_WORD.test(url.pathname) || BADGE_WORD.test(alt));
}

/** The badge URL an element stands for: a link's href, else an image's src; null for anything else. */
export function badgeUrlOf(el: Element, base: string): string | null {
  // Along the flat tree: a picture or text inside a web component's open root, in a badge link around it (dom/flat.ts).
  const link = flatClosest(el, 'a[href]');
  if (link) {
    const href = hoverUrl(link.getAttribute('href') ?? '', base);
    if (href && isBadgeLink(new URL(href))) return href;
  }
  const img = el.closest('img[src]');
  if (img) {
    const src = hoverUrl(img.getAttribute('src') ?? '', base);
    if (src && isBadgeImage(new URL(src), img.getAttribute('alt') ?? '')) return src;
  }
  return null;
}

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * Where a click on `el` goes when that is not the badge `url` checked: the host of the link around a
 * badge picture that points elsewhere (or the link's scheme, `javascript:`), else undefined. The
 * card vouches for the picture, never for the page the click opens.
 */
export function clickTarget(el: Element, url: string, base: string): string | undefined {
  // An SVG link may say where it goes with xlink:href (SVG 1.1 §17.1), which browsers still follow; href wins (SVG 2 §16.2.1).
  const link = flatClosest(el, 'a[href], a[*|href]');
  if (!link) return undefined;
  let to: URL;
  try {
    to = new URL(link.getAttribute('href') ?? link.getAttributeNS(XLINK, 'href') ?? '', base);
  } catch {
    return undefined;
  }
  to.hash = '';
  if (to.href === url) return undefined;
  return to.protocol === 'https:' || to.protocol === 'http:' ? to.host : to.protocol;
}
