/**
 * What a content script holds for a badge instead of its key. A key is `accountId|sourceId`
 * (platform/badge-key.ts): the account (one hash per backpack account, which groups the rows) and
 * the source, for a badge added by a pasted link the link itself, with whatever secret its query
 * carries (a signed or private share link). The picker needs only something to name the row it
 * sends back (picker/card, picker/linkedin-url): a SHA-256 of the key, `h:` and 64 hex digits.
 * No secret is needed: a content script can only confirm a key it guesses for a badge the picker
 * lists it anyway (content.ts answers cards for those only).
 */
import type { BadgeRecord } from '../../platform/records.ts';
import { sha256Hex } from './badge-record.ts';

export const pickerHandle = async (key: string): Promise<string> => `h:${await sha256Hex(key)}`;

/** The most handles remembered (a worker started afresh finds a badge by hashing the keys again). */
const MAX_REMEMBERED = 5_000;

export function createPickerHandles(all: () => Promise<BadgeRecord[]>) {
  const keys = new Map<string, string>();
  /** The handle for this key, remembered for `find`. */
  const of = async (key: string): Promise<string> => {
    const h = await pickerHandle(key);
    if (keys.size >= MAX_REMEMBERED) keys.clear();
    keys.set(h, key);
    return h;
  };
  return {
    of,
    /** The key of the badge this handle names, or undefined. */
    async find(handle: string): Promise<string | undefined> {
      if (!/^h:[0-9a-f]{64}$/.test(handle)) return undefined;
      const known = keys.get(handle);
      if (known !== undefined) return known;
      for (const r of await all()) if ((await of(r.key)) === handle) return r.key;
      return undefined;
    },
  };
}
