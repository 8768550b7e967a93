/**
 * The user's identities, per account. A backpack can claim any address as verified, so an address
 * proves a badge is the user's ("issued to you", the engine's recipient check) only:
 *
 * - for the badges of the account that verified it (its own backpack vouches for its own badges), or
 * - everywhere when the user confirmed it: typed it (the Badgr sign-in name, an address added
 *   through Lanyard), or it was verified by a backpack the user chose to trust in Settings
 *   (`trustAddresses` on the account record, kept in IndexedDB where no content script reaches).
 *
 * Local imports (and the hover card) use the confirmed set alone. An unverified address of the
 * badge's own account never proves a badge is the user's; it only marks the badge pending.
 */
import type { Store } from '../../platform/db.ts';
import type { AccountRecord } from '../../platform/records.ts';

export const LOCAL = 'local';

export interface IdentitySet {
  verified: string[];
  unverified: string[];
  /**
   * Addresses another, untrusted backpack says it verified: they do not make a badge the user's,
   * but a badge issued to one is "not confirmed" (indeterminate), never "someone else's".
   */
  claimed?: string[];
}

export interface Identities {
  forAccount(accountId: string): Promise<IdentitySet>;
}

/** Case-insensitive de-duplication that keeps the first spelling: one per address, for the user to see. */
export function distinctAddresses(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = x.trim().toLowerCase();
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
const verifiedOf = (a: AccountRecord): string[] => a.addresses.filter((x) => x.verified).flatMap((x) => [x.email, ...(x.variants ?? [])]);

/** Addresses the user confirmed: typed into Lanyard, or verified by a backpack the user trusts. */
export function confirmedOf(accounts: readonly AccountRecord[]): string[] {
  return uniq(accounts.flatMap((a) => [...(a.typedAddresses ?? []), ...(a.trustAddresses === true ? verifiedOf(a) : [])]));
}

/** What the badges of `accountId` (or LOCAL) are checked against. */
export function setOf(accounts: readonly AccountRecord[], accountId: string): IdentitySet {
  const own = accountId === LOCAL ? undefined : accounts.find((a) => a.id === accountId);
  const verified = uniq([...(own ? verifiedOf(own) : []), ...confirmedOf(accounts)]);
  const lower = new Set(verified.map((v) => v.toLowerCase()));
  const unverified = own ? uniq(own.addresses.filter((a) => !a.verified && !lower.has(a.email.toLowerCase())).map((a) => a.email)) : [];
  const claimed = uniq(accounts.filter((a) => a !== own).flatMap(verifiedOf)).filter((e) => !lower.has(e.toLowerCase()));
  return { verified, unverified, claimed };
}

export function createIdentities(accounts: Store<AccountRecord>): Identities {
  return {
    async forAccount(accountId) {
      return setOf(await accounts.all(), accountId);
    },
  };
}
