/**
 * What the extension keeps in IndexedDB (db.ts) and storage.session (session.ts): plain,
 * structured-cloneable records. Tokens and client secrets live only in `secrets` and in
 * storage.session, never in storage.local, which content scripts can read.
 */
import type { AwardFacts, InputKind } from '../core/model.ts';
import type { Check, Verdict } from '../core/result.ts';
import type { NoName } from '../core/share/badge-name.ts';
import type { ShownTexts } from '../core/share/lang-text.ts';

export type AccountKind = 'badgr' | 'ob3' | 'badge-connect';

/** An address of the account, as the provider reports it. */
export interface AccountAddress {
  /** The provider's id for it (Badgr v1 e-mail id), when it has one. */
  id?: string;
  email: string;
  verified: boolean;
  primary: boolean;
  /** Other spellings of it (letter case) the provider holds as the same address (Badgr v1 `variants`): badges may be issued to them. */
  variants?: string[];
}

export interface AccountRecord {
  id: string;
  kind: AccountKind;
  providerName: string;
  baseUrl: string;
  /** The primary address or name, for display. */
  user: string;
  /** The provider's id of the user (Badgr entityId, OB 3.0 profile id). */
  userId: string;
  addresses: AccountAddress[];
  needsSignIn: boolean;
  /** OB 3.0 / Badge Connect: the service description as discovered (endpoints, title). */
  service?: Record<string, unknown>;
  /** OB 3.0 / Badge Connect: the `secrets` id of the registered client. */
  clientSecretId?: string;
  /** Addresses the user typed for this account (the Badgr sign-in name, addresses added in Lanyard): confirmed everywhere while this backpack verifies them (identities.ts). */
  typedAddresses?: string[];
  /** The user trusts this backpack's verified addresses for every badge (Settings); default false (identities.ts). */
  trustAddresses?: boolean;
  createdAt: string;
}

/** What a stored badge shows (its results, credits, field of study and specialization: core AwardFacts). */
export interface BadgeMeta extends AwardFacts {
  /** The badge's name; '' when it has none, with the reason in `noName` (core/share/badge-name.ts). */
  name: string;
  /** Why there is no name: nothing could be read, or the badge names none. Put in words at display time. */
  noName?: NoName;
  description?: string;
  image?: string;
  issuerName?: string;
  issuerUrl?: string;
  issuerId?: string;
  issuerEmail?: string;
  /** The BadgeClass / Achievement id (core Badge.achievementId): with the issuer, what tells two awards under one credential id apart (library.ts). */
  achievementId?: string;
  /** What kind of achievement it is, as written (core Badge.achievementType); the popup names the kinds OB 3.0 lists (popup/badge/achievement-type.ts). */
  achievementType?: string;
  issuedOn?: string;
  expires?: string;
  tags: string[];
  publicUrl?: string;
  credentialId?: string;
  criteria?: { url?: string; narrative?: string };
  /** The award's own narrative, Markdown (core Badge.narrative): what its earner did, shown with the evidence. */
  narrative?: string;
  /** The first items the badge page shows (background/services/shown-lists.ts); `evidenceTotal` counts them all when there were more. */
  evidence: { id?: string; name?: string; description?: string; narrative?: string; genre?: string; audience?: string }[];
  evidenceTotal?: number;
  alignments: { targetName: string; targetUrl?: string; targetDescription?: string; targetFramework?: string; targetCode?: string }[];
  alignmentsTotal?: number;
  /** The identities the badge page reads (shown-lists.ts shownIdentities); the recipient check reads the credential's own. */
  claimedRecipients: { type: string; identity: string; hashed: boolean }[];
  /** Each language of a text the badge gives in several (VC DM 2.0 §11.1; core/share/lang-text.ts): each surface shows the reader's (popup/display.ts, background/services/reader-texts.ts). */
  texts?: ShownTexts;
}

/** What the badge record says of its original; the bytes are in the `originals` store. */
export interface StoredOriginal {
  kind: InputKind;
  /** For an imported file: its name. */
  fileName?: string;
}

/** A badge's original input, kept apart so that listing badges never reads images. */
export interface OriginalRecord {
  key: string;
  /** PNG or SVG bytes; JSON or JWS text; a URL, as UTF-8. */
  bytes: Uint8Array;
  /** The credential found inside (JSON text or compact JWS), when there was one. */
  credentialText?: string;
  /**
   * A local badge kept out of the list while a signed-in backpack's copy of the same badge stands
   * for it (background/services/synced-twin.ts): its record, put back as it was when that copy goes
   * (sign-out), dropped with it when the user removes it. Set only while no record has this key.
   */
  hidden?: BadgeRecord;
}

/** A badge as services build it: the record and its original, written together. */
export interface FullBadge {
  record: BadgeRecord;
  original: OriginalRecord;
}

export interface BadgeRecord {
  /** `<accountId>|<sourceId>`: upserts by this key never duplicate a badge. */
  key: string;
  accountId: string;
  /** The provider's id (entityId, credential id) or `sha256:<hex>` of the original input. */
  sourceId: string;
  original: StoredOriginal;
  /** Hash of what the provider sent: an unchanged badge is not verified again during sync. */
  contentHash: string;
  meta: BadgeMeta;
  format: string;
  verdict: Verdict | 'unverified';
  checks: Check[];
  /** The address the badge was issued to (verified or not), or null. */
  recipient: string | null;
  /** recipient, lower-cased, or '' (indexed: badge counts per address). */
  recipientKey: string;
  /** Issued to an address of the account that is not verified yet. */
  pending: boolean;
  /** Issued to this address the user typed for this browser, which no backpack verified (not `recipient`: never the user's). */
  typedTo?: string;
  /** Hash of the identities it was verified against: when they change, it is verified again. */
  identitiesHash: string;
  /** Where a baked image can be downloaded (Badgr's assertion image). */
  bakedUrl?: string;
  addedAt: string;
  /** When it was last verified; with `unreachable`, the last complete verification. */
  verifiedAt?: string;
  /**
   * The latest verification could not reach these hosts (`at`, ISO 8601) and learned nothing new:
   * verdict and checks are those of the last complete one, its expiry checked again at `at`
   * (background/services/last-complete.ts). Absent after a complete verification.
   */
  unreachable?: { at: string; hosts: string[] };
  /**
   * The host the latest verification could not read for want of a host permission, as the host
   * fetch refused it (background/services/hover-access.ts): a picker row names it. Never read from
   * a check's text, which quotes the issuer's URLs.
   */
  needsAccess?: string;
  /** The sync run that last wrote it. */
  runId?: string;
  /**
   * When a complete listing of its backpack did not hold it (ISO 8601): it stays cached, and a check
   * again no longer takes the backpack's word that it lists it (background/services/sync-listed.ts).
   * Absent: the last sync that saw it listed it.
   */
  unlisted?: string;
  /**
   * A local badge kept at a sign-out (background/services/unlisted-keep.ts): the host of the backpack
   * it came from, which no longer listed it (`unlisted` says since when). Absent on every other badge.
   */
  movedFrom?: string;
  /** core/share sortTimeOf(meta.issuedOn), set by the database on every write (indexed: the newest badges first without reading them all). */
  sortTime?: number;
  /**
   * A new value with every write, set by the database (platform/db.ts): a result made from this
   * record (a re-verification, an import over it) is written only while it is still the one stored
   * (saveBadgeIf). Absent from records written before it existed.
   */
  rev?: string;
}


export type SecretRecord =
  | { id: string; kind: 'refresh'; refreshToken: string; /** Badgr token entity, for DELETE /v2/auth/tokens/{id} */ tokenId?: string; /** The scope the user granted (the token answer's): what a refresh asks for again. */ scope?: string[]; /** When a refresh with this token was sent whose answer was never stored (tokens.ts): the server may have rotated it. */ sentAt?: number }
  | { id: string; kind: 'client'; clientId: string; clientSecret: string; registration: Record<string, unknown> };

export interface DocumentRecord {
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  etag?: string;
  lastModified?: string;
  /** ms since the epoch until which it is fresh without asking (RFC 9111 §4.2). */
  freshUntil: number;
  storedAt: number;
}

export interface ResultRecord {
  key: string;
  value: unknown;
  /** ms since the epoch; absent: kept until removed. */
  expiresAt?: number;
  /** A hover verdict for hosts Lanyard may not read yet: their origins (it is stale once one is allowed). */
  waitsFor?: string[];
}

export interface SyncRun {
  id: string;
  startedAt: string;
  /** The `since` this run asked for (incremental), if any. */
  since?: string;
  /** The page being processed: its URL (Link rel="next") or undefined for the first page. */
  cursor?: string;
  /** Badges done before the current page started: the count shown (background/services/sync-count.ts). */
  doneBeforePage: number;
  /**
   * The distinct badges of the listing's current pass (from its first page, or since it was listed
   * again) before the current page: a worker that resumes counts on from here (sync-count.ts).
   * Absent from a run an older version saved: `doneBeforePage`.
   */
  passDone?: number;
  /** The run's start on the backpack's clock, from its first answer's `Date` (sync-anchor.ts noteServerClock): the next run's `since` when earlier than `startedAt`. */
  serverTime?: string;
  /**
   * The source ids one of which is the last badge of the page before `cursor` in the listing (the
   * last of each of that answer's lists): the next page must list one of them again (sync-anchor.ts).
   */
  anchors?: string[];
  /** Keys of the badges the user removed while this run went on: it does not write them back (background/services/sync-removed.ts). */
  removed?: string[];
  /** The award each of `removed` was, when known (sync-award-key.ts storedAward): `[key, award]`. */
  removedAwards?: [string, string][];
  /** More were removed than `removed` keeps (sync-removed.ts MAX_REMOVED_KEPT): resumed, the run writes no badge it does not hold, nor moves `since` on. */
  removedMore?: boolean;
  /** What older versions kept instead of `anchors`: the page before's last item as its answer held it. */
  anchor?: string;
  /** How often this run listed again from the first page because the listing moved under it. */
  relists?: number;
  /** The listing kept moving (more relists than allowed): the run ends without moving `since` on. */
  unsettled?: boolean;
  /**
   * The run's paging allowance (background/services/sync-bound.ts): the badges done when it began,
   * the next links followed since, and the total the backpack announced at the run's first answer;
   * `outrun` once the run read as many as announced with more to follow (that total is not used again).
   */
  window?: { from: number; pages: number; announced?: number; outrun?: boolean };
}

export interface SyncRecord {
  accountId: string;
  status: 'idle' | 'syncing' | 'verifying' | 'error';
  done: number;
  total: number;
  lastSyncedAt?: string;
  /** The next incremental sync asks for what changed since this instant. */
  since?: string;
  /** When the last run that read the whole listing started (ISO): an incremental backpack is listed whole again a while after (sync-limits.ts). */
  wholeAt?: string;
  /** A run in progress or interrupted (worker killed, server failure): the next sync resumes it. */
  run?: SyncRun;
  error?: { code: string; message: string };
  /** Consecutive failed runs (for the retry backoff). */
  failures: number;
  /** ms since the epoch of the next automatic retry. */
  retryAt?: number;
  /** Its account is signing out (deleted already): the backpack's host, for the badges kept here (background/services/sign-out-end.ts). */
  signingOutOf?: string;
  /**
   * With `signingOutOf`: what ending the session at the backpack needs once the account record is
   * gone (a stopped worker's sign-out, ended by the next: sign-out-end.ts). No secret: the client's
   * stays in `secrets` under its id, the tokens in tokens.ts. Absent from a mark an older version wrote.
   */
  signingOutSession?: SessionRef;
}

/** What reaches an account's provider (providers/index.ts for): its kind and base URL, and for OAuth its service description and the `secrets` id of its client. */
export type SessionRef = Pick<AccountRecord, 'kind' | 'baseUrl' | 'service' | 'clientSecretId'>;

/** An access token, in storage.session only. */
export interface SessionToken {
  accessToken: string;
  /** ms since the epoch; absent when the server did not say. */
  expiresAt?: number;
  /**
   * When to refresh it (ms since the epoch): REFRESH_MARGIN_MS before it expires, or half its
   * lifetime when that is shorter (background/services/tokens.ts). Absent: by the margin alone.
   */
  refreshAt?: number;
}
