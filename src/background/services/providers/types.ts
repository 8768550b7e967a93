/**
 * What sync, sign-in and sign-out need of any backpack, whatever its API: pages of badges, the
 * account's addresses, refresh and revocation. One adapter per API over the clients of
 * src/backpack (badgr.ts, oauth-provider.ts).
 */
import type { TokenSet } from '../../../backpack/oauth.ts';
import type { AccountAddress, BadgeMeta } from '../../../platform/records.ts';
import type { ProviderClaim } from '../badge-record.ts';

export interface SyncItem {
  /** The provider's stable id for the badge: with the account id, the badge's key. */
  sourceId: string;
  /** What the provider said about it, as text: a changed fingerprint means verify again. */
  fingerprint: string;
  /** The credential as JSON text or compact JWS, when the API gives it. */
  text?: string;
  /** A baked image to fetch as the original (Badgr's assertion image). */
  bakedUrl?: string;
  /** The hosted assertion, when nothing better can be had. */
  url?: string;
  fallback?: Partial<BadgeMeta>;
  provider?: ProviderClaim;
  /**
   * The award, when `sourceId` is a credential id, which issuers reuse for several awards: the
   * SHA-256 (hex) of its achievement id (providers/award.ts). A sync keys a second award of one id by
   * it (sync-award-key.ts).
   */
  award?: string;
}

export interface SyncPage {
  items: SyncItem[];
  /** The next page's URL (Link rel="next"); absent on the last page. */
  next?: string;
  /** X-Total-Count, when known. */
  total?: number;
  /** The backpack's clock when it answered (RFC 9110 §6.6.1 `Date`), when it said: what `since` is compared with (sync-anchor.ts). */
  serverDate?: number;
  /**
   * The page was asked from one item before its link's offset (oauth-provider.ts): its first item
   * should be the last item of the page before (the run's anchor). When the anchor is not on the
   * page, the listing moved up under the reader (a badge deleted at the provider) and some badge
   * may have fallen between two pages.
   */
  overlapsPrevious?: boolean;
  /**
   * The source id of the last entry of each list the answer holds (OB 3.0 `credential` and
   * `compactJwsString`; Badge Connect `assertions` and `signedAssertions`), in answer order: the
   * page's last badge in the listing is one of them, as the answer does not say how its lists
   * interleave (sync-anchor.ts). Absent: the last of `items` is the page's last.
   */
  ends?: string[];
  /** Where in `items` the `ends` are, when the provider says: a sync that keys an item again (sync-award-key.ts) keeps its end. */
  endsAt?: number[];
  /** The `limit` the page was asked for, when the API pages by it (OB 3.0, Badge Connect): sync-slice.ts handles no more at a time. */
  limit?: number;
  /**
   * Why the listing cannot go on past this page (a next link the API's paging does not allow):
   * the page's items are stored, then the run ends with this error, which the account shows.
   */
  stop?: Error;
  /**
   * The answer listed no badge Lanyard keeps, and has a next page (a Badgr page of rejected badges
   * only): not the listing's end, though `items` is empty; the run follows `next`, counted against
   * its page budget (sync-bound.ts).
   */
  nothingKept?: boolean;
}

export interface Provider {
  /** Whether `since` is honoured (incremental sync). */
  readonly incremental: boolean;
  /** A page: the first when `cursor` is undefined, else the page at that URL. */
  page(token: string, cursor: string | undefined, since: string | undefined, limit: number): Promise<SyncPage>;
  /** The account's addresses; undefined when the provider did not say (no profile): the known ones stay. */
  addresses(token: string): Promise<AccountAddress[] | undefined>;
  /** `scope`: what the user granted at sign-in, kept with the refresh token (OB 3.0 and OB 2.1 send it; Badgr's password grant does not). */
  refresh(refreshToken: string, scope?: readonly string[]): Promise<TokenSet>;
  /** Revokes the session on the server; false when the server offers no way to. */
  revoke(tokens: { accessToken: string; refreshToken?: string; expiresAt?: number }): Promise<boolean>;
}
