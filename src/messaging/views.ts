/**
 * The plain-data shapes that cross messaging: what the popup and content scripts see of
 * badges, accounts, addresses, sync and settings. No tokens, secrets or raw credentials here
 * except where the popup needs them (a badge's JSON for download); content scripts get less.
 */
import type { AwardFacts, BadgeFormat } from '../core/model.ts';
import type { Check, CheckId, Outcome, Verdict } from '../core/result.ts';
import type { ShareWarning } from '../core/share/warning.ts';
import type { NoName } from '../core/share/badge-name.ts';
import type { ShownTextField, ShownTexts, TextDirection } from '../core/share/lang-text.ts';

/** 'local' for the local backpack, else an account id. */
export type AccountId = string;

export type ProviderKind = 'badgr' | 'ob3' | 'badge-connect' | 'local';

export interface AccountView {
  id: AccountId;
  kind: ProviderKind;
  /** e.g. "Canvas Credentials (US)", "Parchment", the provider's title from discovery. */
  providerName: string;
  /** The backpack's base URL (https, or http on 127.0.0.1/localhost). */
  baseUrl: string;
  /** The signed-in user's primary address or name, for display. */
  user: string;
  /** True when the account needs the user to sign in again (refresh failed, token revoked). */
  needsSignIn: boolean;
  sync: SyncState;
  /** The user trusts the addresses this backpack verified for every badge (Settings). */
  trustAddresses?: boolean;
  /** The addresses this backpack says it verified (what trusting it would confirm). */
  verifiedAddresses?: string[];
}

export interface SyncState {
  status: 'idle' | 'syncing' | 'verifying' | 'error';
  /** Progress while syncing or verifying: n of m. */
  done: number;
  total: number;
  lastSyncedAt?: string;
  error?: { code: string; message: string };
  /** After a failure: when the next attempt is scheduled (ISO 8601); absent when the user must act (sign in, allow access). */
  retryAt?: string;
}

/** One badge as listed: enough for the list, the filters and the pickers. */
export interface BadgeView {
  /** Stable key in the cache: account id + the badge's id (or the hash of its original input). */
  key: string;
  accountId: AccountId;
  /** '' when the badge has no name; then `noName` says why (core/share/badge-name.ts: each screen puts it in words). */
  name: string;
  noName?: NoName;
  description?: string;
  /** http(s) or data: image URL (data: only for images the extension baked or imported). */
  image?: string;
  issuerName?: string;
  /**
   * The issuer's id (its profile's URL, or its DID): what verification ties the badge to, where
   * `issuerName` is the issuer's own word. The list's issuer filter groups badges by it.
   */
  issuerId?: string;
  issuerUrl?: string;
  issuedOn?: string;
  expires?: string;
  tags: string[];
  format: BadgeFormat;
  verdict: Verdict | 'unverified';
  /** The user's address the badge was issued to, when one matched. */
  recipient: string | null;
  /** The badge's public, shareable URL (http(s)), when it has one. */
  publicUrl?: string;
  /** Awarded to an unverified address of the account: not shown as the user's until it is verified. */
  pending: boolean;
  verifiedAt?: string;
  /** When the last complete listing of its backpack did not hold it (ISO 8601): it stays cached, and the popup says so. */
  unlisted?: string;
  /** A badge kept in this browser when its account signed out, its backpack no longer listing it: that backpack's host. */
  movedFrom?: string;
  /**
   * Each language of a text the badge gives in several (VC DM 2.0 §11.1): the popup shows the one in
   * the reader's languages, with its base direction (src/popup/display.ts); `name` etc. hold the first.
   */
  texts?: ShownTexts;
  /** Set by the popup (src/popup/display.ts), never sent: the base direction of each text shown, when the badge gives one. */
  dirs?: Partial<Record<ShownTextField, TextDirection>>;
}

/** Everything the badge page shows. */
export interface BadgeDetail extends BadgeView, AwardFacts {
  criteria?: { url?: string; narrative?: string };
  /** The award's own narrative, Markdown (core Badge.narrative). */
  narrative?: string;
  /** What kind of achievement it is, as written (core Badge.achievementType). */
  achievementType?: string;
  /** Each item's `genre` is the issuer's word for its kind (OB 2.0 / OB 3.0 Evidence: "Demonstration", "Video"), `audience` for whom it is meant. */
  evidence: { id?: string; name?: string; description?: string; narrative?: string; genre?: string; audience?: string }[];
  alignments: { targetName: string; targetUrl?: string; targetDescription?: string; targetFramework?: string; targetCode?: string }[];
  /** How many evidence items and alignments the badge names, when more than `evidence` and `alignments` carry ("and N more"). */
  evidenceTotal?: number;
  alignmentsTotal?: number;
  issuerEmail?: string;
  /** The badge's own id (assertion URL, urn:uuid:…): LinkedIn's Credential ID comes from it. */
  credentialId?: string;
  /** The identities the badge names (hashed ones stay hashed). */
  claimedRecipients: { type: string; identity: string; hashed: boolean }[];
  checks: Check[];
  /**
   * The latest check could not reach these hosts at `at` (ISO 8601) and learned nothing new: the
   * verdict and checks are those of the last complete check, at `verifiedAt` (its expiry checked at `at`).
   */
  unreachable?: { at: string; hosts: string[] };
  /** The credential as JSON text or compact JWS, for download. */
  credentialText?: string;
  /** The original input's kind. */
  originalKind?: 'png' | 'svg' | 'json' | 'jws' | 'url';
  /**
   * Where "Badge image (with its data)" comes from (src/background/services/library-download.ts):
   * `kept`, the PNG or SVG the badge was added as; `link`, fetched from the backpack's baked-image
   * link at the click, which may fail. Absent: the badge has no such image (Lanyard bakes none), and
   * the popup does not offer the download.
   */
  bakedImage?: 'kept' | 'link';
  /** Issued to this address the user typed for this browser, which no backpack verified (never the user's by it). */
  typedTo?: string;
}

export interface EmailView {
  id: string;
  email: string;
  verified: boolean;
  primary: boolean;
  /** How many cached badges were issued to this address. */
  badgeCount: number;
}

export interface Settings {
  hoverVerify: boolean;
  /** Minutes between background syncs. */
  syncIntervalMinutes: number;
  /** Issuer id or name → LinkedIn organization id, for "Add to profile". */
  linkedInOrgIds: Record<string, string>;
}

/** What a content script's hover card shows. */
/**
 * The most code points any text of a hover verdict carries to a page's content script (the name,
 * the issuer's name and site, the message, ...): the background cuts longer ones with "…"
 * (hover-verdict.ts), the validator refuses longer ones (at most twice as many UTF-16 units), and
 * the card cuts further (300 for a name, 500 for the message). A badge's name can be megabytes.
 */
export const HOVER_TEXT_MAX = 500;

export interface HoverVerdict {
  verdict: Verdict;
  name: string;
  issuerName?: string;
  /**
   * Where the issuer is as verification knows it (core/share/issuer-site.ts: its id's host or DID),
   * shown beside the name, which is the issuer's own word.
   */
  issuerSite?: string;
  issuedOn?: string;
  /** Why, in the engine's English words: the card shows it only for a verdict kept before `reason` existed. */
  message: string;
  /**
   * The check that decided the verdict (the first failed, else the first indeterminate): the card
   * says it in the browser's language by its id, outcome and code (core/share/check-words.ts).
   */
  reason?: { id: CheckId; outcome: Outcome; code?: string };
  /** No badge was read at the URL (a web page, a file without badge data, a fetch that failed). */
  noBadge?: boolean;
  /** Why no badge was read, for the card's headline in the page's words (`name` is the English one). */
  noBadgeKind?: 'no-data' | 'web-page' | 'unreadable';
  /**
   * The host Lanyard lacks the permission to read (host-access.ts refused the fetch): the card
   * says so, and how to allow it, in the content script's words, not the engine's.
   */
  needsAccess?: string;
  /** A host on a local or private network that hover verification refused to reach (private-hosts.ts): the card names it in its own words. */
  privateHost?: string;
  /** The base direction the badge gives its name and issuer's name in the language chosen (NameDirs). */
  dirs?: NameDirs;
}

/**
 * The base direction (VC DM 2.0 §11.1 `@direction`) of the name and the issuer's name a content
 * script shows: the background chooses each text in the browser's language (reader-texts.ts) and
 * sends it with its direction, for the element's `dir`; absent, the direction is the text's own.
 */
export type NameDirs = Partial<Record<'name' | 'issuerName', TextDirection>>;

/** A badge as a content script may see it (pickers on LinkedIn and in web mail). */
export interface PickerBadge {
  /** A handle for the badge (`h:` and a SHA-256 of its key: src/background/services/picker-handles.ts), never the key itself, which names the account and the link a badge was added by. */
  key: string;
  /** '' when the badge has no name; then `noName` says why. */
  name: string;
  noName?: NoName;
  image?: string;
  issuerName?: string;
  issuedOn?: string;
  expires?: string;
  verdict: Verdict | 'unverified';
  publicUrl?: string;
  credentialId?: string;
  /** Why sharing it needs a warning (core/share/warning.ts, the share screen's rule); absent for a valid badge. */
  warning?: PickerWarning;
  dirs?: NameDirs;
}

/** The share warning as a picker shows it: a host Lanyard may not read is named (hover-access.ts) instead of the deciding check. */
export interface PickerWarning extends ShareWarning {
  needsAccess?: string;
}
