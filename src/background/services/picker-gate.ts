/**
 * What every `picker/*` message passes before its handler, besides the sender's site
 * (content-access.ts): as hover does for its own message (content.ts hoverVerify),
 *
 * - a rate per tab: a content script whose renderer the page took over could otherwise make the
 *   worker read every badge (and up to 100 baked pictures) for a picker list, or inject the picker
 *   file, as fast as it can send; a person typing in the picker's search (150 ms pause: picker.ts)
 *   and picking stays far below PER_SECOND and PER_MINUTE;
 * - the site's grant, asked at each message: a user who takes back Lanyard's access to LinkedIn or
 *   a web mail (Chromium's "site access", Firefox's permissions) stops the manifest's scripts on
 *   new pages only; a tab open before kept listing badges and building cards until it was reloaded.
 */
import type { Sender } from '../../platform/runtime.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { createTabRate, type RateLimit } from './hover-rate.ts';

export const PICKER_RATE: RateLimit = { perSecond: 10, perMinute: 120, message: 'Too many requests from this page: wait a moment, then try again' };

export interface PickerGateDeps {
  /** Whether the user still grants this URL's site (permissions.contains). */
  siteGranted(url: string): Promise<boolean>;
  now?: () => number;
}

/** Throws a ServiceError for a `picker/*` message this sender may not send now; other messages pass. */
export type PickerGate = (type: string, sender: Sender) => Promise<void>;

export function createPickerGate(d: PickerGateDeps): PickerGate {
  const rate = createTabRate(PICKER_RATE, d.now);
  return async (type, sender) => {
    if (!type.startsWith('picker/')) return;
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || typeof sender.url !== 'string') throw new ServiceError(E.FORBIDDEN_SENDER, 'The pickers answer a tab only');
    // Counted first: a refused message costs the page its rate too (permissions.contains is a round trip to the browser).
    rate.take(tabId);
    if (!(await d.siteGranted(sender.url))) throw new ServiceError(E.FORBIDDEN_SENDER, 'Lanyard may no longer read this site: allow it again, then reload the page');
  };
}
