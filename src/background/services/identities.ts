/**
 * The user's identities, per account. A backpack can claim any address as verified, so an address
 * proves a badge is the user's ("issued to you", the engine's recipient check) only:
 *
 * - for the badges of the account that verified it (its own backpack vouches for its own badges), or
 * - everywhere when the user confirmed it: typed it (the Badgr sign-in name, an address added
 *   through Lanyard) and its own backpack verifies it (the confirmation link Badgr mailed it was
 *   followed), or it was verified by a backpack the user chose to trust in Settings
 *   (`trustAddresses` on the account record, kept in IndexedDB where no content script reaches).
 *
 * A typed address its backpack does not verify (added and not confirmed yet, or removed since) is
 * the user's word alone, and anyone can type any address: it is never "issued to you". A badge
 * issued to it is pending on its own account (the backpack lists it unverified) and elsewhere
 * `unconfirmed`: not the user's, never "someone else's" either.
 *
 * The local backpack ("Just this browser") has addresses the user typed too (local-addresses.ts):
 * no backpack ever verifies them, so they only say which of them a local badge was issued to
 * (`typedHere`), never that it is the user's, and never that it is someone else's.
 *
 * Local imports (and the hover card) use the confirmed set alone. An unverified address of the
 * badge's own account never proves a badge is the user's; it only marks the badge pending.
 */
import type { Store } from '../../platform/db.ts';
import type { AccountRecord } from '../../platform/records.ts';
import { addressKey } from '../../core/verify/address-key.ts';

export const LOCAL = 'local';

export interface IdentitySet {
  verified: string[];
  unverified: string[];
  /**
   * Addresses another, untrusted backpack says it verified: they do not make a badge the user's,
   * but a badge issued to one is "not confirmed" (indeterminate), never "someone else's".
   */
  claimed?: string[];
  /** Addresses the user typed that their backpack does not verify (yet): the same, said as such. */
  unconfirmed?: string[];
  /** The local backpack's typed addresses (LOCAL's set only), none known otherwise: the same, said as typed here. */
  typedHere?: string[];
}

export interface Identities {
  forAccount(accountId: string): Promise<IdentitySet>;
}

/**
 * One key per address, as the engine compares addresses in clear (src/core/verify/recipient.ts
 * addressKey): trimmed, in Unicode's composed form (NFC: canonically equivalent text, UAX #15),
 * lower-cased; an address holding a character that folds into ASCII (U+212A KELVIN SIGN) only in
 * its ASCII letters' case, so that typing "\u212aate@example.org" is not confirmed by a backpack
 * verifying kate@example.org (hostile41).
 */
export { addressKey };

/** De-duplication by addressKey that keeps the first spelling: one per address, for the user to see. */
export function distinctAddresses(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = addressKey(x);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * De-duplication of spellings: what the engine compares. A hashed recipient is the hash of the
 * address as the issuer spelled it, so each spelling the user's backpack knows is kept.
 */
function uniq(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = x.trim();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A verified address and its case variants: badgr-server lists a badge whose recipient is any of
 * the user's e-mails or their variants (v1 `variants`, BadgeUser.all_verified_recipient_identifiers,
 * compared as spelled), and the variant's spelling is what the badge's hash was made of.
 */
export const verifiedOf = (a: AccountRecord): string[] => a.addresses.filter((x) => x.verified).flatMap((x) => [x.email, ...(x.variants ?? [])]);

/** The typed addresses of `a` its backpack verifies (`true`) or does not (`false`), compared by addressKey (any letter case, as badgr-server's variants are). */
function typedOf(a: AccountRecord, verified: boolean): string[] {
  const keys = new Set(verifiedOf(a).map(addressKey));
  return (a.typedAddresses ?? []).filter((t) => keys.has(addressKey(t)) === verified);
}

/** Addresses the user confirmed: typed into Lanyard and verified by that account's backpack, or verified by a backpack the user trusts. */
export function confirmedOf(accounts: readonly AccountRecord[]): string[] {
  return uniq(accounts.flatMap((a) => [...typedOf(a, true), ...(a.trustAddresses === true ? verifiedOf(a) : [])]));
}

/** What the badges of `accountId` (or LOCAL, with the addresses typed for it: `here`) are checked against. */
export function setOf(accounts: readonly AccountRecord[], accountId: string, here: readonly string[] = []): IdentitySet {
  const own = accountId === LOCAL ? undefined : accounts.find((a) => a.id === accountId);
  const verified = uniq([...(own ? verifiedOf(own) : []), ...confirmedOf(accounts)]);
  const lower = new Set(verified.map(addressKey));
  const unverified = own ? uniq(own.addresses.filter((a) => !a.verified && !lower.has(addressKey(a.email))).map((a) => a.email)) : [];
  const claimed = uniq(accounts.filter((a) => a !== own).flatMap(verifiedOf)).filter((e) => !lower.has(addressKey(e)));
  const known = new Set([...unverified, ...claimed].map(addressKey));
  const unconfirmed = uniq(accounts.flatMap((a) => typedOf(a, false))).filter((e) => !lower.has(addressKey(e)) && !known.has(addressKey(e)));
  const said = new Set([...known, ...unconfirmed.map(addressKey)]);
  const typedHere = accountId === LOCAL ? uniq(here).filter((e) => !lower.has(addressKey(e)) && !said.has(addressKey(e))) : [];
  return { verified, unverified, claimed, unconfirmed, ...(typedHere.length ? { typedHere } : {}) };
}

/**
 * What a stored badge's result was checked against (its `identitiesHash`): the verified addresses,
 * and the local backpack's typed ones, which change what the recipient check says (last-complete.ts
 * keeps no result checked against other addresses).
 */
export const hashedIdentities = (ids: IdentitySet): string[] => [...ids.verified, ...(ids.typedHere ?? []).map((e) => `typed:${e}`)];

/** `here`: the local backpack's typed addresses (local-addresses.ts). */
export function createIdentities(accounts: Store<AccountRecord>, here: () => Promise<readonly string[]> = async () => []): Identities {
  return {
    async forAccount(accountId) {
      return setOf(await accounts.all(), accountId, accountId === LOCAL ? await here() : []);
    },
  };
}
