/**
 * How many addresses of a backpack account Lanyard keeps. A Badgr account's addresses come from the
 * backpack (v1 GET /user/emails, or /v2/users/self), each with its `variants`: other spellings in
 * letter case that badgr-server holds as the same address (a case variant of a verified address is
 * "stored as variant", apps/badgeuser; a badge issued to any of them is the user's). They are kept
 * on the account, sent to the popup and given to the engine for every badge's recipient check, and
 * a hostile backpack could list as many as 32 MB of answer holds.
 *
 * So an account keeps at most MAX_ADDRESSES addresses (the primary first, then the verified ones,
 * then the rest, each group in the backpack's order), each with at most MAX_VARIANTS variants; an
 * address or variant longer than MAX_ADDRESS_LENGTH (RFC 5321 §4.5.3.1.3) is no address, and a
 * "variant" that is not the address in other letter case is not one. What was left out is counted:
 * a complete sync then says so as the account's error (ERR_TOO_MANY_ADDRESSES, without a retry),
 * so that the user knows why a badge issued to one of the others is not counted as theirs.
 */
import type { AccountAddress } from '../../platform/records.ts';
import { ServiceErrorCodes as E } from './errors.ts';

export const MAX_ADDRESSES = 100;
export const MAX_VARIANTS = 10;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so an address at most 254. */
export const MAX_ADDRESS_LENGTH = 254;

export interface BoundAddresses {
  addresses: AccountAddress[];
  /** Addresses and variants left out. */
  dropped: number;
}

const rank = (a: AccountAddress): number => (a.primary ? 0 : a.verified ? 1 : 2);

export function boundAddresses(listed: readonly AccountAddress[]): BoundAddresses {
  const fit = listed.filter((a) => a.email.length <= MAX_ADDRESS_LENGTH);
  let dropped = listed.length - fit.length;
  // Array.prototype.sort is stable (ECMA-262 §23.1.3.30): the backpack's order within each group.
  const kept = [...fit].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_ADDRESSES);
  dropped += fit.length - kept.length;
  const addresses = kept.map((a) => {
    if (!a.variants) return a;
    const valid = a.variants.filter((v) => v.length <= MAX_ADDRESS_LENGTH && v.toLowerCase() === a.email.toLowerCase());
    const same = [...new Set(valid)].filter((v) => v !== a.email);
    const variants = same.slice(0, MAX_VARIANTS);
    dropped += a.variants.length - valid.length + same.length - variants.length;
    const { variants: _all, ...rest } = a;
    return variants.length ? { ...rest, variants } : rest;
  });
  return { addresses, dropped };
}

/** What a complete sync says when addresses were left out. */
export function tooManyAddresses(host: string, dropped: number): { code: string; message: string } {
  return { code: E.TOO_MANY_ADDRESSES, message: `${host} lists more addresses for this account than Lanyard keeps (${MAX_ADDRESSES}, each with ${MAX_VARIANTS} other spellings at most): ${dropped} left out, so badges issued to them are not counted as yours` };
}
