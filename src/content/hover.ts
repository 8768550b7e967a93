/**
 * Verify-on-hover content script. Not in the manifest: the background registers it with
 * scripting.registerContentScripts (see src/platform/hover-script.ts) for the origins the user granted,
 * once the user turned hover verification on; a page not granted never gets it.
 */
import { initHoverVerify } from './features/hover-verify.ts';
import { ownGlobal } from './world.ts';

const flag = '__lanyardHover';
const g = globalThis as Record<string, unknown>;
// Registered both statically for a tab and again after a grant: run once per page. Our own flag
// only: a page's <div id="__lanyardHover"> must not switch hover off (world.ts).
if (!ownGlobal(flag)) {
  g[flag] = true;
  initHoverVerify(new AbortController().signal);
  console.debug('[lanyard] hover content script loaded');
}
