/**
 * The addresses the user typed for the local backpack ("Just this browser"), which has no account
 * and so no address a backpack verified. Kept as typed, in the background's own store
 * (platform/local-store.ts, out of content scripts' reach), one per address (identities.ts
 * addressKey: trimmed, NFC, lower-cased). No backpack ever verifies them: they only say which of
 * them a local badge was issued to (identities.ts typedHere, badge-record.ts assess), never that it
 * is the user's. A change checks the local badges again (`onChanged`).
 */
import { isEmail, mailtoAddress } from '../../messaging/validate.ts';
import type { LocalStore } from '../../platform/local-store.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { addressKey, distinctAddresses } from './identities.ts';
import { serial } from './serial.ts';

const KEY = 'localAddresses';
/** As many as a person has addresses; each is compared (and hashed in several spellings) for every local badge. */
export const MAX_LOCAL_ADDRESSES = 20;

/** What is stored, as a list of plausible addresses, one per address: anything else is dropped (a value of another version, a damaged store). */
export function sanitizeAddresses(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  // One kept as a mailto: link before isEmail refused it (RFC 6068) is the address it names.
  const read = v.filter((x): x is string => typeof x === 'string').map(mailtoAddress);
  return distinctAddresses(read.filter(isEmail)).slice(0, MAX_LOCAL_ADDRESSES);
}

export function createLocalAddresses(local: LocalStore, onChanged?: () => void) {
  const list = async (): Promise<string[]> => sanitizeAddresses(await local.get(KEY));
  // Each change merges into what the one before it wrote (serial.ts).
  const change = serial();
  const write = (next: (now: string[]) => string[]): Promise<string[]> =>
    change(async () => {
      const before = await list();
      const after = sanitizeAddresses(next(before));
      await local.set(KEY, after);
      if (JSON.stringify(after) !== JSON.stringify(before)) onChanged?.();
      return after;
    });
  return {
    list,
    add: (email: string): Promise<string[]> =>
      write((now) => {
        const typed = email.trim();
        if (!isEmail(typed)) throw new ServiceError(E.ADDRESS_INVALID, 'This is not an e-mail address');
        if (now.some((x) => addressKey(x) === addressKey(typed))) throw new ServiceError(E.ADDRESS_LISTED, 'This address is listed already');
        if (now.length >= MAX_LOCAL_ADDRESSES) throw new ServiceError(E.ADDRESS_LIMIT, `At most ${MAX_LOCAL_ADDRESSES} addresses can be typed for this browser`);
        return [...now, typed];
      }),
    remove: (email: string): Promise<string[]> => write((now) => now.filter((x) => addressKey(x) !== addressKey(email))),
    /** A backup's list, added to the one here (backup.ts): nothing typed here is lost. */
    restore: (emails: unknown): Promise<string[]> => write((now) => [...now, ...sanitizeAddresses(emails)]),
  };
}

export type LocalAddresses = ReturnType<typeof createLocalAddresses>;
