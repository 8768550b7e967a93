/**
 * Verify-on-hover is a content script that only runs where the user allowed it: the background
 * registers it with scripting.registerContentScripts for the host permissions the user granted,
 * once the user turned hover verification on, and takes it away otherwise. Call `syncHoverScript`
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

const PATTERN = /^(<all_urls>|(\*|https?):\/\/[^/]+\/.*)$/;

/** The granted host patterns the hover script may run on: web pages only, sorted, once each. */
export function hoverMatches(origins: readonly string[]): string[] {
  return [...new Set(origins.filter((o) => PATTERN.test(o)))].sort();
}

/**
 * Brings the registration in line with the setting and the grants; returns the patterns it
 * runs on now ([] when off or nothing is granted).
 */
export async function syncHoverScript(api: HoverRegistrationApi, enabled: boolean): Promise<string[]> {
  const matches = enabled ? hoverMatches((await api.permissions.getAll()).origins ?? []) : [];
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [HOVER_SCRIPT_ID] });
  if (existing.some((s) => s.id === HOVER_SCRIPT_ID)) await api.scripting.unregisterContentScripts({ ids: [HOVER_SCRIPT_ID] });
  if (matches.length === 0) return [];
  await api.scripting.registerContentScripts([
    { id: HOVER_SCRIPT_ID, js: [HOVER_SCRIPT_FILE], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
  ]);
  return matches;
}
