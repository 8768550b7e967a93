/**
 * What content scripts may ask for: badges for a picker, one badge's card or LinkedIn link, and
 * the verification of a hovered badge URL. Replies carry badge facts only: no account, no address
 * and never a token. A hovered badge is verified without the user's addresses: whose it is would
 * be an answer about them (a page could host badges made out to guessed addresses and read which
 * one is "issued to you"), and a verdict that used them called someone else's genuine badge invalid.
 */
import { badgeCardHtml, badgeShareText, shareLink, sharedName, type ShareableBadge } from '../../core/share/card.ts';
import { NAMELESS_KEY, type NoName } from '../../core/share/badge-name.ts';
import { credentialIdFor, linkedInAddToProfileUrl, linkedInLink, organizationIdFor } from '../../core/share/linkedin.ts';
import type { HoverVerdict, PickerBadge } from '../../messaging/views.ts';
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import type { Sender } from '../../platform/runtime.ts';
import type { HoverSites } from './hover-sites.ts';
import { createHoverRate, createHoverSlots } from './hover-rate.ts';
import type { SettingsService } from './settings.ts';
import type { Verifier } from './verifier.ts';
import { createBakedPictures } from './picker-images.ts';
import { createPickerHandles } from './picker-handles.ts';
import { createPickerSearch } from './picker-search.ts';
import { pickerBadge } from './views.ts';
import { newestFirst } from './newest-first.ts';
import { hoverVerdict } from './hover-verdict.ts';
import { readerTexts } from './reader-texts.ts';
import { ownOrigins, reachableImage } from './image-hosts.ts';
import { badgeDataUrl } from './badge-data-urls.ts';
import { createNetworkLog } from './network-log.ts';
import { cardLabelsFrom } from '../../core/share/card-labels.ts';
import { shareWarningOf } from '../../core/share/warning.ts';
import { formatCalendarDate } from '../../core/share/dates.ts';
import { extensionMessage, readerLanguages, uiLanguage } from '../../platform/i18n.ts';
import { guards } from '../../messaging/validate.ts';

export interface ContentDeps {
  db: Db;
  verifier: Verifier;
  settings: SettingsService;
  now?: () => number;
  /** How long a hover verdict is reused (default 10 minutes). */
  hoverTtlMs?: number;
  /** The sites the user turned hover on for; absent (tests of other things): any sender's site. */
  hoverSites?: Pick<HoverSites, 'has'>;
  /**
   * Whether the user still grants this page's site (permissions.contains). A hover script stays
   * in a tab open when the grant was taken back; absent (tests of other things): granted.
   */
  siteGranted?: (url: string) => Promise<boolean>;
}

/**
 * Where a hover request comes from, as the browser says (never the message): the tab, and the
 * top-level site of its page. The hover script runs in top frames only (allFrames: false).
 */
export interface HoverFrom {
  tabId: number;
  /** The page's origin: hover verdicts, documents and facts are kept per site (issue 12 point 8). */
  site: string;
}

/** The tab and site of a content script's sender, or a ServiceError: top frame of an http(s) page only. */
export function hoverFrom(sender: Sender): HoverFrom {
  const url = sender.url ?? '';
  const tabId = sender.tab?.id;
  const top = sender.frameId === undefined || sender.frameId === 0;
  if (typeof tabId !== 'number' || !top || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new ServiceError(E.FORBIDDEN_SENDER, 'Hover verification answers the top frame of a web page only');
  }
  return { tabId, site: new URL(url).origin };
}

const MAX_PICKER = 100;

/**
 * A badge's name as the picker row shows it: for one without a name, the words the row says for it
 * in the browser's language (badge-name.ts; the same messages the picker's tx reads), so that
 * searching for what the user sees finds it. Outside an extension there are no such words.
 */
function shownName(s: { name: string; noName?: NoName }): string {
  return s.noName ? (extensionMessage(NAMELESS_KEY[s.noName]) ?? '') : s.name;
}
/**
 * The addresses a hovered badge is checked against: none. The recipient check is then skipped, so
 * the verdict is the same whoever the reader is: it says whether the badge is genuine, not whose it is.
 */
const NO_ADDRESSES: readonly string[] = [];

/** Hover verdicts kept at most (a page can point at any number of badge URLs); pruned every PRUNE_EVERY writes. */
export const MAX_HOVER_RESULTS = 500;
const PRUNE_EVERY = 25;
const MAX_HOVER_TTL_MS = 24 * 3600_000;

/**
 * A hover verdict's key: per top-level site, then the reader's languages (the names it holds are
 * chosen for them: a verdict kept in one language was shown for 10 minutes after the browser's
 * changed), then the URL. Neither a site nor a language tag holds a space.
 */
export const hoverKey = (site: string, languages: readonly string[], url: string): string => `hover:${site} ${languages.join(',')} ${url}`;

/** What the card and sentence show of a badge, its words in the reader's `languages` (reader-texts.ts). */
function shareable(r: BadgeRecord, languages: readonly string[]): ShareableBadge {
  const m = r.meta;
  const { name, noName, description, issuerName, dirs } = readerTexts(m, languages);
  // A card goes to other people: never a picture on a local or private network (image-hosts.ts).
  const pick = Object.entries({ noName, description, image: reachableImage(m.image, []), issuerName, issuerUrl: m.issuerUrl, issuerId: m.issuerId, issuedOn: m.issuedOn, expires: m.expires, publicUrl: m.publicUrl, dirs }).filter(([, v]) => v !== undefined);
  return { name, ...Object.fromEntries(pick) };
}

// The hover card's verdict (hover-verdict.ts), re-exported for the callers that knew it here.
export { hoverVerdict };

export function createContent(d: ContentDeps) {
  const now = d.now ?? Date.now;
  const inflight = new Map<string, Promise<HoverVerdict>>();
  const rate = createHoverRate(now);
  const slots = createHoverSlots();
  const bakedPictures = createBakedPictures((key) => d.db.originals.get(key));
  let writes = 0;
  /** Forgets expired verdicts, then the oldest beyond MAX_HOVER_RESULTS. */
  const prune = async (): Promise<void> => {
    const hovers = (await d.db.results.all()).filter((r) => r.key.startsWith('hover:')).sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0));
    const expired = hovers.filter((r) => (r.expiresAt ?? 0) <= now()).length;
    const drop = Math.max(expired, hovers.length - MAX_HOVER_RESULTS);
    for (const r of hovers.slice(0, drop)) await d.db.results.delete(r.key);
  };
  /**
   * What the pickers offer: not pending, and not failed, nor expired since it was verified
   * (core/share/warning.ts: its warning would be the invalid one).
   */
  const offered = (r: BadgeRecord): boolean => !r.pending && shareWarningOf({ verdict: r.verdict, checks: r.checks, expires: r.meta.expires }, now())?.level !== 'invalid';
  const handles = createPickerHandles(() => d.db.badges.all());
  const search = createPickerSearch();
  /** The handles a picker list gave out in this worker: only for those may a refusal say why (else it would tell a guessed key's badge exists). */
  const listed = new Set<string>();
  /** The badge a handle names (picker-handles.ts), or a missing one's error. */
  const mustGet = async (handle: string): Promise<BadgeRecord> => {
    const key = await handles.find(handle);
    const r = key === undefined ? undefined : await d.db.badges.get(key);
    if (!r) throw new ServiceError(E.NOT_FOUND, 'This badge is no longer in Lanyard');
    return r;
  };
  /**
   * A badge a page may have: what the pickers list (pickerList: not pending, not invalid), checked
   * again at the pick, as a re-check or a sync may have changed it since the list was shown. The
   * pickers warn before an undetermined badge and never offer one that failed (core/share/warning.ts).
   * The message in the browser's language: the page shows a reply's text for a code it has no words for.
   */
  const mustShare = async (handle: string): Promise<BadgeRecord> => {
    const r = await mustGet(handle);
    if (!offered(r)) {
      // A badge no list showed answers as a missing one: a page must not learn that a key it guessed is held.
      if (!listed.has(handle)) throw new ServiceError(E.NOT_FOUND, 'This badge is no longer in Lanyard');
      throw new ServiceError(E.NOT_SHAREABLE, extensionMessage('errorNotShareable') || 'This badge did not pass verification, or is not yet yours: it is not shared from a web page. Open it in Lanyard to see why.');
    }
    return r;
  };

  /**
   * The verdict kept for this key while it is fresh: answered without a slot (a stored answer costs
   * the worker nothing). One an older version kept in another shape is not one: it is verified again.
   */
  async function keptVerdict(key: string): Promise<HoverVerdict | undefined> {
    const hit = await d.db.results.get(key);
    if (!hit || (hit.expiresAt ?? 0) <= now() || !guards.content.reply['hover/verify'](hit.value)) return undefined;
    // One that waited for a host the user has allowed since: verified again (without siteGranted, tests of other things: always).
    const waits = hit.waitsFor ?? [];
    for (const origin of waits) if (!d.siteGranted || (await d.siteGranted(`${origin}/`))) return undefined;
    return hit.value;
  }

  async function verifyUrl(url: string, site: string, languages: readonly string[]): Promise<HoverVerdict> {
    const key = hoverKey(site, languages, url);
    // The URL comes from a web page: its fetches never reach local or private hosts, but for the user's own backpacks.
    const allowOrigins = await ownOrigins(d.db);
    // A known badge page (Credly's) is checked through its badge data (badge-data-urls.ts), under the same rules.
    const target = badgeDataUrl(url) ?? url;
    const log = createNetworkLog();
    const verdict = hoverVerdict(await d.verifier.verify(target, NO_ADDRESSES, { blockPrivate: true, allowOrigins, site, log }), target, log.refused, log.privateHosts, languages);
    // A verdict waiting for a host is kept too, with the origins refused: answered again only while none
    // of them is allowed (keptVerdict). Not kept, a second pointing fetched the page's badge again only
    // when the host was not allowed, and the page's server learnt from its log which hosts the user allowed.
    const waitsFor = verdict.needsAccess ? (log.refused ?? []).slice(0, 8) : [];
    await d.db.results.put({ key, value: verdict, expiresAt: now() + Math.min(d.hoverTtlMs ?? 10 * 60_000, MAX_HOVER_TTL_MS), ...(waitsFor.length ? { waitsFor } : {}) });
    // Now and then, forget old verdicts, so the store does not grow with every page visited.
    if (++writes % PRUNE_EVERY === 1) await prune().catch(() => undefined);
    return verdict;
  }

  return {
    /** The user's badges (not pending, not invalid) whose name or issuer as the picker shows them (in the browser's language), or tags contain the query. */
    async pickerList(query: string): Promise<PickerBadge[]> {
      const languages = readerLanguages();
      const all = await d.db.badges.all();
      // Each record's words lower-cased once, not at every keystroke (picker-search.ts).
      const hits = search.find(all.filter(offered), query, languages, (noName) => shownName({ name: '', noName }));
      // Newest first as the popup's list (newest-first.ts), not by the date's text.
      const rows = newestFirst(hits).slice(0, MAX_PICKER);
      const baked = await bakedPictures(rows);
      return Promise.all(
        rows.map(async (r) => {
          // The row names its badge by a handle, never by its key (picker-handles.ts).
          const row = { ...pickerBadge(r, languages), key: await handles.of(r.key) };
          if (listed.size >= 5_000) listed.clear();
          listed.add(row.key);
          const image = baked.get(r.key);
          return image ? { ...row, image } : row;
        }),
      );
    },

    /**
     * The card and sentence, in the browser's language (the extension's messages; English outside an extension), the badge's words too.
     * For a LinkedIn post (`linkedIn`), no link LinkedIn is not given (core/share/linkedin.ts linkedInLink: one on a private network).
     */
    async card(handle: string, linkedIn?: boolean): Promise<{ html: string; text: string; url?: string }> {
      const { publicUrl, ...rest } = shareable(await mustShare(handle), readerLanguages());
      const b: ShareableBadge = publicUrl !== undefined && (!linkedIn || linkedInLink(publicUrl)) ? { ...rest, publicUrl } : rest;
      const url = shareLink(b);
      const labels = cardLabelsFrom(extensionMessage);
      const lang = uiLanguage();
      const options = lang ? { labels, formatDate: (iso: string) => formatCalendarDate(iso, lang) } : { labels };
      return { html: badgeCardHtml(b, options), text: badgeShareText(b, labels), ...(url ? { url } : {}) };
    },

    async linkedInUrl(handle: string): Promise<{ url: string }> {
      const r = await mustShare(handle);
      const m = r.meta;
      // The name and issuer in the browser's language; a badge without a name is added as what it is, in the user's words (card.ts sharedName).
      const shown = readerTexts(m, readerLanguages());
      // The organization by the issuer's id, else by its name as the popup's settings list it (the popup's language), or as first given.
      const orgIds = (await d.settings.get()).linkedInOrgIds;
      const id = m.issuerId ? { id: m.issuerId } : {};
      const orgId = organizationIdFor(orgIds, { ...id, ...(shown.issuerName ? { name: shown.issuerName } : {}) }) ?? organizationIdFor(orgIds, { ...id, ...(m.issuerName ? { name: m.issuerName } : {}) });
      const name = sharedName(shown, cardLabelsFrom(extensionMessage));
      return { url: linkedInAddToProfileUrl({ name, organizationId: orgId, organizationName: shown.issuerName, issuedOn: m.issuedOn, expires: m.expires, certUrl: m.publicUrl, certId: credentialIdFor(m.credentialId, m.publicUrl) }) };
    },

    /**
     * Verifies a hovered badge URL, when the user turned hover verification on for the sender's
     * site; at most a few per second and a few dozen per minute per tab, and a few at once
     * (hover-rate.ts); verdicts are reused for a while, per site.
     */
    async hoverVerify(url: string, sender: Sender): Promise<HoverVerdict> {
      const from = hoverFrom(sender);
      // Counted first: a refused request costs the tab its rate too (each check below is a read of the background's store).
      rate.take(from.tabId);
      if (!(await d.settings.get()).hoverVerify) throw new ServiceError(E.DISABLED, 'Hover verification is off: turn it on in Lanyard’s settings');
      if (d.hoverSites && !(await d.hoverSites.has(from.site))) throw new ServiceError(E.FORBIDDEN_SENDER, 'Hover verification is not on for this site');
      if (d.siteGranted && !(await d.siteGranted(`${from.site}/`))) throw new ServiceError(E.FORBIDDEN_SENDER, 'Lanyard may no longer read this site: allow it again to verify badges here');
      const languages = readerLanguages();
      const key = hoverKey(from.site, languages, url);
      let p = inflight.get(key);
      if (!p) {
        const kept = await keptVerdict(key);
        if (kept) return kept;
        p = inflight.get(key);
      }
      if (!p) {
        const release = slots.acquire(from.tabId, from.site);
        p = verifyUrl(url, from.site, languages).finally(() => {
          inflight.delete(key);
          release();
        });
        inflight.set(key, p);
      }
      return p;
    },
  };
}

export type Content = ReturnType<typeof createContent>;
