/**
 * Verify-on-hover is a content script that only runs where the user allowed it: the background
 * registers it with scripting.registerContentScripts for the sites the user turned hover on for
 * (from the popup, one site at a time) whose host permission is granted, once the user turned
 * hover verification on, and takes it away otherwise. A host granted for another reason (an
 * issuer, a backpack) never gets it (issue 12 point 6). Call `syncHoverScript`
 * from the background on runtime.onInstalled and onStartup (an unpacked or updated extension
 * loses dynamic registrations), on permissions.onAdded/onRemoved, and when the setting changes.
 * The APIs come in as parameters, so this file imports nothing and tests pass fakes.
 */

export const HOVER_SCRIPT_ID = 'lanyard-hover';
/** Where the build puts src/content/hover.ts (vite.config.ts builds it as a standalone file). */
export const HOVER_SCRIPT_FILE = 'src/content/hover.js';

export interface HoverScriptRegistration {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** The parts of browser.scripting and browser.permissions this needs (chrome.* and browser.* both fit). */
export interface HoverRegistrationApi {
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: HoverScriptRegistration[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
}

/** One site's pattern: `https://host/*` or `http://host/*`, no wildcard host. */
const SITE = /^https?:\/\/[^/*]+\/\*$/;

/** Whether a granted pattern covers a site's pattern (the same, or a wildcard over its scheme). */
function covers(granted: string, site: string): boolean {
  if (granted === site || granted === '<all_urls>') return true;
  const scheme = site.slice(0, site.indexOf(':'));
  return granted === `${scheme}://*/*` || granted === '*://*/*';
}

/** The hover sites the script may run on: site patterns whose host is granted, sorted, once each. */
export function hoverMatches(sites: readonly string[], granted: readonly string[]): string[] {
  return [...new Set(sites.filter((s) => SITE.test(s) && granted.some((g) => covers(g, s))))].sort();
}

/**
 * Brings the registration in line with the setting and the grants; returns the patterns it
 * runs on now ([] when off or nothing is granted).
 */
export async function syncHoverScript(api: HoverRegistrationApi, enabled: boolean, sites: readonly string[]): Promise<string[]> {
  const matches = enabled ? hoverMatches(sites, (await api.permissions.getAll()).origins ?? []) : [];
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [HOVER_SCRIPT_ID] });
  if (existing.some((s) => s.id === HOVER_SCRIPT_ID)) await api.scripting.unregisterContentScripts({ ids: [HOVER_SCRIPT_ID] });
  if (matches.length === 0) return [];
  await api.scripting.registerContentScripts([
    { id: HOVER_SCRIPT_ID, js: [HOVER_SCRIPT_FILE], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
  ]);
  return matches;
}
