/**
 * The backpack clients as the background's services see them: everything that speaks to a
 * backpack (src/backpack: Badgr's password sign-in and API, OB 3.0 and Badge Connect discovery,
 * dynamic client registration, PKCE, the token exchange and refresh, listing, revocation; the
 * providers over them, ./providers). Reached through a loader instead of static imports: built as
 * a script of its own, `backpack.js` (src/background/backpack-entry.ts), and evaluated the first
 * time the worker signs in, syncs, refreshes a token or changes an address, so that a worker woken
 * for the popup's `state/get` never parses it (issue 14: `background_js_gz_kb`, `sw_wake_ms`).
 * src/background/backpack-loader.ts loads it; tests pass the modules directly (test/support/backpack.ts).
 */
import type { requestPasswordReset } from '../../backpack/badgr-password.ts';
import type { clientFor } from './oauth-client.ts';
import type { badgrClient, badgrProvider, profileAddresses } from './providers/badgr.ts';
import type { createProviders } from './providers/index.ts';
import type { oauthApi, profileEmail } from './providers/oauth-provider.ts';

export interface BackpackKit {
  createProviders: typeof createProviders;
  badgrClient: typeof badgrClient;
  badgrProvider: typeof badgrProvider;
  profileAddresses: typeof profileAddresses;
  oauthApi: typeof oauthApi;
  profileEmail: typeof profileEmail;
  requestPasswordReset: typeof requestPasswordReset;
  clientFor: typeof clientFor;
}

/** Where backpack.js leaves the kit (the worker's or the background page's global scope). */
export const BACKPACK_GLOBAL = '__lanyardBackpack';
export const BACKPACK_SCRIPT = 'backpack.js';

/** Resolves to the kit, loading it on the first call. */
export type LoadBackpack = () => Promise<BackpackKit>;
