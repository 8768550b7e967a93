/**
 * Which content scripts may ask for what (issue 12 point 9: a content script can only send the
 * messages of its site). Only the top frame of the sites Lanyard's own pickers run on may list the
 * user's badges or build cards and LinkedIn links from them. A hover verification is checked in
 * services/content.ts against the sites the user turned hover on for (kept in the background's
 * store, which needs a lookup): the top frame of such a site only.
 *
 * These hosts are the manifest's `content_scripts` matches (LinkedIn; Gmail and Outlook in
 * src/content/sites): the background does not import content code, so the list is kept here and
 * test/background/content-access.test.ts checks it against manifest.json.
 */
import type { Sender } from '../platform/runtime.ts';

export const PICKER_HOSTS: readonly string[] = [
  'www.linkedin.com',
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
];

/** Whether a sender is the top frame of a site where Lanyard shows a picker (https only). */
export function isPickerSite(sender: Sender): boolean {
  if (typeof sender.url !== 'string' || (sender.frameId !== undefined && sender.frameId !== 0)) return false;
  try {
    const u = new URL(sender.url);
    return u.protocol === 'https:' && PICKER_HOSTS.includes(u.hostname) && u.port === '';
  } catch {
    return false;
  }
}

/** Whether a content script may send this message type. */
export function contentMaySend(type: string, sender: Sender): boolean {
  return !type.startsWith('picker/') || isPickerSite(sender);
}
