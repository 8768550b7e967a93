/**
 * The one protocol between the extension's parts: a map per direction from message type to
 * its arguments and its reply value. `send` is typed from these maps, the background routes by
 * them, and validate.ts checks each message's shape at run time. To add a message: an entry here,
 * its validators in validate.ts, and a one-line handler in src/background/handlers.ts.
 */

import type { AccountId, AccountView, BadgeDetail, BadgeView, EmailView, HoverVerdict, PickerBadge, Settings } from './views.ts';

/** Arguments of a message that takes none. */
export type NoArgs = Record<string, never>;

export interface PingReply {
  pong: true;
  /** The extension's version, from its manifest. */
  version: string;
}

/** An imported file or pasted text for the local backpack. Files travel as base64 (structured clone is not guaranteed across browsers). */
/** The badge an import stored; `alreadyHeld` when Lanyard held it already (same id or content): checked again and kept once, not added twice. */
export type ImportedView = BadgeView & {
  alreadyHeld?: boolean;
  /** Held already as a connected backpack's synced copy (this view is that copy's): the backpack's name. */
  heldFrom?: string;
  /** A file or paste holding several badges (a presentation, a list: import-batch.ts): each added on its own; the view is the first one added. */
  batch?: { total: number; added: number; held: number; refused: number };
};

export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; name: string; base64: string };

/**
 * `attempt`: the popup's own id for this sign-in (random), named by its Cancel too: a Cancel that reaches
 * the worker before the sign-in does (sent during the host permission prompt) ends it as it starts (sign-in-run.ts).
 */
export type SignInRequest =
  | { kind: 'badgr'; baseUrl: string; username: string; password: string; attempt?: string }
  | { kind: 'ob3' | 'badge-connect'; baseUrl: string; attempt?: string };

export interface StateReply {
  accounts: AccountView[];
  settings: Settings;
  /** The number of cached badges, so the popup can show a skeleton of the right size. */
  badgeCount: number;
  /** The addresses the user confirmed (typed, or verified by a trusted backpack): what local imports are checked against. */
  identities: string[];
  /** A sign-in is under way (accounts.ts): a popup opened again meanwhile reads the state until its account is there. */
  signingIn?: boolean;
  /** The sign-ins under way (sign-in-run.ts), one per backpack at most: a popup opened again shows its form busy, with Cancel. */
  signIns?: SignInUnderWay[];
}

/** A sign-in running in the background, from its request until its account is stored (or it fails). */
export interface SignInUnderWay {
  /** This run's own id: a popup tells the sign-in it started from one it finds running. */
  id: string;
  kind: SignInRequest['kind'];
  /** The backpack, as the request named it (its trailing slashes dropped). */
  baseUrl: string;
  /** The e-mail or user name a password sign-in was given (never its password). */
  username?: string;
  /**
   * `finishing-sign-out`: only while it waits for a sign-out of the same account to end, or ends one
   * a stopped worker left (sign-out-end.ts clear), before it stores the account.
   */
  phase: 'signing-in' | 'finishing-sign-out';
}

/** Messages that extension pages (the popup) send to the background. */
export type PopupToBackground = {
  ping: { args: NoArgs; reply: PingReply };
  'state/get': { args: NoArgs; reply: StateReply };
  /** Newest first; with a limit, only the newest `limit` (and any that tie with the last): the popup paints these first. */
  'badges/list': { args: { limit?: number }; reply: BadgeView[] };
  'badges/get': { args: { key: string }; reply: BadgeDetail };
  /** Re-verifies one badge (key) or every cached badge (no key); progress shows in the accounts' sync state. */
  'badges/verify': { args: { key?: string }; reply: { verified: number } };
  /** `attempt`: the popup's id for this import, which `badges/import-cancel` names (services/attempts.ts). */
  'badges/import': { args: { source: ImportSource; attempt?: string }; reply: ImportedView };
  /** Cancels the import `attempt` names (its reply ERR_CANCELLED, nothing added), even before it starts; `cancelled` false once it is being written or ended. */
  'badges/import-cancel': { args: { attempt: string }; reply: { cancelled: boolean } };
  'badges/remove': { args: { key: string }; reply: { removed: boolean } };
  /** The baked image or the credential, for download: base64 bytes with a file name and type. */
  'badges/download': { args: { key: string; what: 'baked' | 'json' }; reply: { fileName: string; mimeType: string; base64: string } };
  'backup/export': { args: NoArgs; reply: { fileName: string; json: string } };
  'backup/import': { args: { json: string }; reply: { imported: number; skipped: number } };
  'accounts/sign-in': { args: SignInRequest; reply: AccountView };
  /**
   * Cancels the sign-in in flight to `baseUrl`, every one when none is named (its requests aborted, nothing of it kept); `cancelled` false when it had finished or there was none.
   * With `attempt` (SignInRequest), only that sign-in, and one not started yet is ended as it starts. With `kind`, only
   * that kind's (a joined sign-in's Cancel: a Badgr and an OB 3.0 sign-in to one server run at once, sign-in-run.ts).
   */
  'accounts/sign-in-cancel': { args: { baseUrl?: string; attempt?: string; kind?: SignInRequest['kind'] }; reply: { cancelled: boolean } };
  /**
   * Waits for the sign-in under way to this backpack of this kind (a popup opened again during it) and replies as it ends;
   * ERR_NOT_FOUND when none runs. The kind: a Badgr and an OB 3.0 sign-in to one server run at once (sign-in-run.ts).
   */
  'accounts/sign-in-wait': { args: { baseUrl: string; kind: SignInRequest['kind'] }; reply: AccountView };
  'accounts/sign-out': { args: { accountId: AccountId }; reply: SignOutReply };
  /** Trusts (or not) the addresses this backpack verified, for every badge and local imports (Settings). */
  'accounts/trust': { args: { accountId: AccountId; trust: boolean }; reply: AccountView };
  'sync/start': { args: { accountId?: AccountId }; reply: { started: boolean } };
  'emails/list': { args: { accountId: AccountId }; reply: EmailView[] };
  'emails/add': { args: { accountId: AccountId; email: string }; reply: EmailView[] };
  'emails/resend': { args: { accountId: AccountId; id: string }; reply: EmailView[] };
  'emails/make-primary': { args: { accountId: AccountId; id: string }; reply: EmailView[] };
  'emails/remove': { args: { accountId: AccountId; id: string }; reply: EmailView[] };
  /** Cancels the account's address changes the backpack has not answered yet (its requests aborted, a backoff pause ended); `cancelled` false when none was left. */
  'emails/cancel': { args: { accountId: AccountId }; reply: { cancelled: boolean } };
  /** The addresses typed for "Just this browser" (no backpack verifies them: they only say which one a local badge was issued to). */
  'local-addresses/list': { args: NoArgs; reply: string[] };
  'local-addresses/add': { args: { email: string }; reply: string[] };
  'local-addresses/remove': { args: { email: string }; reply: string[] };
  /** Asks a Badgr-compatible backpack to e-mail a password reset link to this address (no sign-in needed). */
  'accounts/password-reset': { args: { baseUrl: string; email: string; attempt?: string }; reply: { sent: true } };
  /** Cancels the password reset `attempt` names, even before it starts; `cancelled` false once the backpack answered it or it ended. */
  'accounts/password-reset-cancel': { args: { attempt: string }; reply: { cancelled: boolean } };
  'settings/set': { args: { settings: Partial<Settings> }; reply: Settings };
  /** The sites hover verification is on for (match patterns, `https://host/*`). */
  'hover/sites': { args: NoArgs; reply: { sites: string[] } };
  /** Turns hover on for one site; `addedGrant` when the popup asked for its permission just now (hover takes it back when turned off). */
  'hover/site-add': { args: { pattern: string; addedGrant: boolean }; reply: { sites: string[] } };
  'hover/site-remove': { args: { pattern: string }; reply: { sites: string[] } };
  /** The user granted these hosts for verification (not for hover): sync and import may use them. */
  'hosts/confirm': { args: { patterns: string[] }; reply: { confirmed: true } };
};

/** Messages that content scripts send to the background. Content scripts never receive tokens. */
export type ContentToBackground = {
  ping: { args: NoArgs; reply: PingReply };
  /** Badges for a picker (LinkedIn, web mail), searched by name or issuer. */
  'picker/list': { args: { query: string }; reply: PickerBadge[] };
  /**
   * The inline-styled card (escaped HTML), its plain-text sentence and link, for one badge (`key`: its picker row's handle);
   * `linkedIn`: for a LinkedIn post, without a link on a local or private network (core/share/linkedin.ts linkedInLink).
   */
  'picker/card': { args: { key: string; linkedIn?: true }; reply: { html: string; text: string; url?: string } };
  /** LinkedIn's add-to-profile URL for one badge (organization ids from settings; `key`: its picker row's handle). */
  'picker/linkedin-url': { args: { key: string }; reply: { url: string } };
  /**
   * Loads the picker and the page-filling code into the asking tab's top frame, on the first click
   * of a Lanyard button (the always-loaded script stays small). The background picks the file from
   * the sender's site, never from the message.
   */
  'picker/ui': { args: NoArgs; reply: { loaded: true } };
  /** Verifies the badge at a URL the user hovered (only on pages the user granted). */
  'hover/verify': { args: { url: string }; reply: HoverVerdict };
};

/** The shape every direction's map has (the maps are `type`s, not interfaces, so that they fit it). */
export type ProtocolMap = Record<string, { args: object; reply: unknown }>;

/** Who sent a message, as the background establishes it from the sender (never from the message). */
export type Direction = 'popup' | 'content';

export interface DirectionMaps {
  popup: PopupToBackground;
  content: ContentToBackground;
}

/** What goes over runtime.sendMessage. */
export interface Envelope<M extends ProtocolMap = ProtocolMap, K extends keyof M & string = keyof M & string> {
  type: K;
  args: M[K]['args'];
}

/** Stable error codes a reply may carry (besides those of src/core/errors.ts raised by handlers). */
export type MessagingErrorCode =
  | 'ERR_FORBIDDEN_SENDER'
  | 'ERR_BAD_MESSAGE'
  | 'ERR_UNKNOWN_MESSAGE'
  | 'ERR_BAD_ARGS'
  | 'ERR_BAD_REPLY'
  | 'ERR_TRANSPORT'
  | 'ERR_INTERNAL';

export interface ReplyError {
  code: string;
  message: string;
  /** THROTTLED: how many seconds the server asked to wait, when it said. */
  retryAfterSeconds?: number;
  /**
   * The engine's own code for what it found (src/core/errors.ts: `ERR_PARSE_PNG`…), under a refusal
   * whose `code` is the service's (ERR_NOT_A_BADGE): the popup says it in the reader's language
   * (src/popup/errors.ts errorDetail), where `message` is Lanyard's English.
   */
  reason?: string;
  /** A remote server's own words (its error word: `invalid_grant`, `access_denied`), as it wrote them: shown as the server's. */
  said?: string;
}

/** Replies are plain data: an Error does not survive messaging. */
/**
 * Signed out here in every case; `revoked` says what became of the session at the provider:
 * ended there, no way offered to end it (it lives until it expires), or the attempt failed.
 */
export interface SignOutReply {
  signedOut: true;
  revoked: 'revoked' | 'not-offered' | 'failed';
  /** The account's badges its backpack no longer listed, kept in this browser ("Just this browser"): background/services/unlisted-keep.ts. */
  kept: number;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
