/**
 * The sites where the user asked Lanyard to verify badges on hover (issue 12 point 6): one origin
 * at a time, from the popup ("Verify badges on this site"), never all sites. Kept in the
 * background's own store (platform/local-store.ts: IndexedDB, out of content scripts' reach), with
 * whether the host permission was granted for hover alone, so that:
 * - the hover script is registered for these sites only (never on an issuer host granted to sync),
 * - turning hover off, or a site off, takes back the grants hover added (and only those),
 * - a grant made for hover never widens what sync or import may fetch (`widensFetch`).
 */
import type { LocalStore } from '../../platform/local-store.ts';
import { isSitePattern } from '../../messaging/validate.ts';
import { originPattern } from '../../platform/patterns.ts';
import { serial } from './serial.ts';

const KEY = 'hoverSites';
/** Sites kept at most: the popup adds them one by one. */
export const MAX_HOVER_SITES = 500;

export interface HoverSite {
  /** The origin's match pattern: `https://host/*`. */
  pattern: string;
  /** The host permission was asked for this site by hover (it was not granted before): hover takes it back. */
  addedGrant: boolean;
}

function sanitize(v: unknown): HoverSite[] {
  if (!Array.isArray(v)) return [];
  return v.filter((s): s is HoverSite => !!s && typeof s === 'object' && isSitePattern((s as HoverSite).pattern) && typeof (s as HoverSite).addedGrant === 'boolean').slice(0, MAX_HOVER_SITES);
}

export interface HoverSitesDeps {
  store: LocalStore;
  /** permissions.remove for the patterns (background: no user gesture needed). */
  removeGrants(patterns: string[]): Promise<unknown>;
  /** After any change (the hover script's registration follows). */
  onChange?: (sites: HoverSite[]) => void;
}

export function createHoverSites({ store, removeGrants, onChange }: HoverSitesDeps) {
  const list = async (): Promise<HoverSite[]> => sanitize(await store.get(KEY));
  const save = async (sites: HoverSite[]): Promise<HoverSite[]> => {
    await store.set(KEY, sites);
    onChange?.(sites);
    return sites;
  };
  const has = async (url: string): Promise<boolean> => {
    let pattern: string;
    try {
      pattern = originPattern(url);
    } catch {
      return false;
    }
    return (await list()).some((s) => s.pattern === pattern);
  };
  // Each change starts from what the one before it saved (serial.ts): one lost would leave a grant
  // hover added looking like the user's own, or take back one the user confirmed.
  const change = serial();
  return {
    list,
    /** Whether a page at this URL is a hover site (its content script may ask for verifications). */
    has,
    /** Adds a site; `addedGrant` when the popup had to ask for its permission just now. */
    add: (pattern: string, addedGrant: boolean): Promise<HoverSite[]> => change(async () => {
      const sites = await list();
      const old = sites.find((s) => s.pattern === pattern);
      if (old) return sites;
      // Past the cap the oldest site goes, with the grant hover added for it.
      const dropped = sites.length >= MAX_HOVER_SITES ? sites.shift() : undefined;
      const saved = await save([...sites, { pattern, addedGrant }]);
      if (dropped?.addedGrant) await removeGrants([dropped.pattern]).catch(() => undefined);
      return saved;
    }),
    /** Removes a site, and its grant when hover added it. */
    remove: (pattern: string): Promise<HoverSite[]> => change(async () => {
      const sites = await list();
      const gone = sites.filter((s) => s.pattern === pattern);
      const kept = sites.filter((s) => s.pattern !== pattern);
      await save(kept);
      const grants = gone.filter((s) => s.addedGrant).map((s) => s.pattern);
      if (grants.length) await removeGrants(grants).catch(() => undefined);
      return kept;
    }),
    /** Hover turned off: every site goes, and every grant hover added. */
    clear: (): Promise<void> => change(async () => {
      const sites = await list();
      if (sites.length === 0) return;
      await save([]);
      const grants = sites.filter((s) => s.addedGrant).map((s) => s.pattern);
      if (grants.length) await removeGrants(grants).catch(() => undefined);
    }),
    /** The user granted these for verification or sign-in (not for hover): hover no longer owns them. */
    confirmGrants: (patterns: readonly string[]): Promise<void> => change(async () => {
      const sites = await list();
      if (!sites.some((s) => s.addedGrant && patterns.includes(s.pattern))) return;
      await save(sites.map((s) => (patterns.includes(s.pattern) ? { ...s, addedGrant: false } : s)));
    }),
    /** Whether a grant for this URL's host exists only because of hover: then sync and import may not use it. */
    async grantedOnlyForHover(url: string): Promise<boolean> {
      let pattern: string;
      try {
        pattern = originPattern(url);
      } catch {
        return false;
      }
      return (await list()).some((s) => s.addedGrant && s.pattern === pattern);
    },
  };
}

export type HoverSites = ReturnType<typeof createHoverSites>;

/** What older versions asked for when hover was turned on: every site. */
export const LEGACY_ALL_SITES = ['https://*/*', 'http://*/*'];
const MIGRATED = 'hoverAllSitesDropped';

/**
 * Once, after an update: takes back the all-sites grant older versions asked for to verify on hover
 * (it would let sync and import reach any host, and it is not how hover works any more). The user
 * turns hover on again site by site.
 */
export async function dropLegacyAllSites(store: LocalStore, granted: () => Promise<string[]>, remove: (patterns: string[]) => Promise<unknown>): Promise<string[]> {
  if ((await store.get(MIGRATED)) === true) return [];
  const wide = (await granted()).filter((o) => LEGACY_ALL_SITES.includes(o));
  if (wide.length) await remove(wide);
  await store.set(MIGRATED, true);
  return wide;
}
