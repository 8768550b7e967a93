/**
 * Run-time checks of every message's shape, per direction: the background trusts nothing that
 * arrives over runtime messaging until it passes these. Each message has a check for its
 * arguments (used by the background: strict, exact keys, bounded strings) and for its reply value
 * (used by `send`: the envelope and key fields; exact for what content scripts receive, so that
 * nothing extra, such as a token, can ride along).
 */
import type { DirectionMaps, Direction, Envelope, ImportedView, ImportSource, ProtocolMap, Reply, SignInRequest, SignInUnderWay, StateReply } from './protocol.ts';
import { HOVER_TEXT_MAX, type AccountView, type BadgeDetail, type BadgeView, type EmailView, type HoverVerdict, type NameDirs, type PickerBadge, type Settings } from './views.ts';
import type { NoName } from '../core/share/badge-name.ts';
import { MAX_LANGUAGES, type LangText, type ShownTexts } from '../core/share/lang-text.ts';
import type { CheckId } from '../core/result.ts';
import { MAX_OTHER_IDENTIFIERS } from '../core/formats/ob3-profile.ts';
import { RESULT_STATUSES, type AwardResult, type OtherIdentifier, type PostalAddress } from '../core/model.ts';
import { isEmail } from './email-address.ts';

export type Guard<T> = (value: unknown) => value is T;

export interface MessageGuards<M extends ProtocolMap> {
  args: { [K in keyof M]: Guard<M[K]['args']> };
  reply: { [K in keyof M]: Guard<M[K]['reply']> };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object with exactly these keys (no extras), each passing its check. */
export function shape<T>(fields: { [K in keyof T]: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return (value: unknown): value is T =>
    isRecord(value) &&
    Object.keys(value).every((k) => Object.hasOwn(fields, k)) &&
    keys.every((k) => fields[k](value[k]));
}

/** An object with at least these keys passing these (lighter) checks, extras allowed: for large replies. */
export function has<T>(fields: Partial<Record<keyof T, Guard<unknown>>>): Guard<T> {
  const entries = Object.entries(fields) as [string, Guard<unknown>][];
  return (value: unknown): value is T => isRecord(value) && entries.every(([k, g]) => g(value[k]));
}

export const isString: Guard<string> = (v): v is string => typeof v === 'string';
export const isTrue: Guard<true> = (v): v is true => v === true;
export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
export const isCount: Guard<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const optional = <T>(g: Guard<T>): Guard<T | undefined> => (v): v is T | undefined => v === undefined || g(v);
/** A credit count (core/formats/ob3-to-badge.ts creditsOf): a finite number ≥ 0. */
const isCredits: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const oneOf = <T extends string>(...values: T[]): Guard<T> => (v): v is T => typeof v === 'string' && (values as string[]).includes(v);
export const arrayOf = <T>(g: Guard<T>, max = Infinity): Guard<T[]> => (v): v is T[] => Array.isArray(v) && v.length <= max && v.every(g);
/** A string of 1..max characters (max counts UTF-16 units). */
export const text = (max: number, min = 1): Guard<string> => (v): v is string => typeof v === 'string' && v.length >= min && v.length <= max;

/** Plain `http` is allowed only for the machine itself (RFC 8252 §8.3 loopback; issue 5 item 2). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A backpack base URL: https, or http on 127.0.0.1/localhost; no credentials, query or fragment. */
export const isBaseUrl: Guard<string> = (v): v is string => {
  if (!text(2048)(v)) return false;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
};

/** An absolute http(s) URL without credentials (a badge to verify on hover). */
export const isHttpUrl: Guard<string> = (v): v is string => {
  if (!text(4096)(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
};

/** One site's match pattern, `https://host/*` or `http://host/*`: no wildcard host, no port (hover sites, confirmed hosts). */
export const isSitePattern: Guard<string> = (v): v is string => {
  if (!text(300)(v) || !/^https?:\/\/[^/*]+\/\*$/.test(v)) return false;
  try {
    const u = new URL(v.slice(0, -1));
    return `${u.protocol}//${u.hostname}/*` === v && !u.port && !u.username;
  } catch {
    return false;
  }
};

/** Files travel as base64: at most 8 MiB of bytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** A pasted URL, JSON or JWS: at most 2 MiB of text. */
export const MAX_IMPORT_TEXT = 2 * 1024 * 1024;
/** A backup file, as text (Chromium's message limit is 64 MiB). */
export const MAX_BACKUP_TEXT = 60 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const isBase64 = (maxBytes: number): Guard<string> => (v): v is string =>
  typeof v === 'string' && v.length > 0 && v.length % 4 === 0 && v.length <= Math.ceil(maxBytes / 3) * 4 && BASE64.test(v);

export { isEmail, mailtoAddress } from './email-address.ts';

/** The longest badge key a message may name (the library keeps every key within it). */
export const MAX_KEY_LENGTH = 512;
const key = text(MAX_KEY_LENGTH);
const accountId = text(128);
const noArgs = shape<Record<string, never>>({});

/** The most badges a first page may ask for: the popup asks for a screenful. */
export const MAX_LIST_LIMIT = 10_000;
const isListLimit: Guard<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= MAX_LIST_LIMIT;

const importSource: Guard<ImportSource> = (v): v is ImportSource =>
  shape({ kind: oneOf('text'), text: text(MAX_IMPORT_TEXT) })(v) ||
  shape({ kind: oneOf('file'), name: text(255), base64: isBase64(MAX_IMPORT_BYTES) })(v);

/** A sign-in's own id from the popup (crypto.randomUUID, or any short word). */
const isAttempt = text(64);

const signIn: Guard<SignInRequest> = (v): v is SignInRequest =>
  shape({ kind: oneOf('badgr'), baseUrl: isBaseUrl, username: text(320), password: text(1024), attempt: optional(isAttempt) })(v) ||
  shape({ kind: oneOf('ob3', 'badge-connect'), baseUrl: isBaseUrl, attempt: optional(isAttempt) })(v);

const isOrgIds: Guard<Record<string, string>> = (v): v is Record<string, string> =>
  isRecord(v) && Object.keys(v).length <= 500 && Object.entries(v).every(([k, id]) => k.length > 0 && k.length <= 2048 && typeof id === 'string' && /^\d{1,12}$/.test(id));

/** Minutes between background syncs: from 5 minutes to a week. */
export const isSyncInterval: Guard<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 5 && (v as number) <= 10080;

const settings = shape<Settings>({ hoverVerify: isBoolean, syncIntervalMinutes: isSyncInterval, linkedInOrgIds: isOrgIds });
const partialSettings = shape<Partial<Settings>>({ hoverVerify: optional(isBoolean), syncIntervalMinutes: optional(isSyncInterval), linkedInOrgIds: optional(isOrgIds) });

// Replies.
const pingReply = shape({ pong: isTrue, version: isString });
const verdictOrNot = oneOf('valid', 'invalid', 'indeterminate', 'unverified');
const verdict = oneOf('valid', 'invalid', 'indeterminate');
/** VC DM 2.0 §11.1 texts, one per language (core/share/lang-text.ts): bounded as the engine reads them; the popup still passes each through displayText. */
const langText = shape<LangText>({ value: isString, language: optional(text(35)), direction: optional(oneOf('ltr', 'rtl')) });
const langTexts = optional(arrayOf(langText, MAX_LANGUAGES));
const shownTexts = shape<ShownTexts>({ name: langTexts, description: langTexts, issuerName: langTexts, narrative: langTexts });
const badgeView = has<BadgeView>({ key: isString, accountId: isString, name: isString, noName: optional(oneOf<NoName>('unreadable', 'untitled')), tags: arrayOf(isString), format: isString, verdict: verdictOrNot, pending: isBoolean, texts: optional(shownTexts), unlisted: optional(isString), movedFrom: optional(isString) });
const isArray: Guard<unknown[]> = (v): v is unknown[] => Array.isArray(v);
const check = has<BadgeDetail['checks'][number]>({ id: isString, outcome: oneOf('pass', 'fail', 'indeterminate', 'warning', 'skipped'), message: isString });
const awardResult = shape<AwardResult>({ name: optional(isString), value: optional(isString), valueMin: optional(isString), valueMax: optional(isString), level: optional(isString), points: optional(isString), status: optional(oneOf(...RESULT_STATUSES)) });
const postalAddress = shape<PostalAddress>({ streetAddress: optional(isString), postOfficeBoxNumber: optional(isString), addressLocality: optional(isString), addressRegion: optional(isString), postalCode: optional(isString), addressCountry: optional(isString) });
const otherIdentifier = shape<OtherIdentifier>({ identifierType: isString, identifier: isString });
const badgeDetail: Guard<BadgeDetail> = (v): v is BadgeDetail =>
  badgeView(v) && has<BadgeDetail>({ checks: arrayOf(check), evidence: isArray, alignments: isArray, evidenceTotal: optional(isCount), alignmentsTotal: optional(isCount), claimedRecipients: isArray, results: optional(arrayOf(awardResult)), achievementType: optional(isString), creditsEarned: optional(isCredits), creditsAvailable: optional(isCredits), fieldOfStudy: optional(isString), specialization: optional(isString), issuerAddress: optional(postalAddress), issuerIds: optional(arrayOf(otherIdentifier, MAX_OTHER_IDENTIFIERS)), bakedImage: optional(oneOf('kept', 'link')), typedTo: optional(isString) })(v);
const syncState = has<AccountView['sync']>({ status: oneOf('idle', 'syncing', 'verifying', 'error'), done: isCount, total: isCount });
const signInUnderWay = has<SignInUnderWay>({ id: text(64), kind: oneOf('badgr', 'ob3', 'badge-connect'), baseUrl: isBaseUrl, username: optional(text(320)), phase: oneOf('signing-in', 'finishing-sign-out') });
const accountView = has<AccountView>({ id: isString, kind: oneOf('badgr', 'ob3', 'badge-connect', 'local'), providerName: isString, baseUrl: isString, user: isString, needsSignIn: isBoolean, sync: syncState });
const emailView = shape<EmailView>({ id: isString, email: isString, verified: isBoolean, primary: isBoolean, badgeCount: isCount });
const opt = optional(isString);
const checkId = oneOf<CheckId>('parse', 'structure', 'signature', 'issuer-key', 'hosted', 'validity', 'revocation', 'recipient', 'endorsement', 'refresh', 'schema', 'context', 'claims');
const checkRef = shape<NonNullable<HoverVerdict['reason']>>({ id: checkId, outcome: oneOf('pass', 'fail', 'indeterminate', 'warning', 'skipped'), code: opt });
const shareWarning = shape<NonNullable<PickerBadge['warning']>>({ level: oneOf('invalid', 'indeterminate', 'unverified'), check: optional(checkRef), needsAccess: opt });
const dir = optional(oneOf('ltr', 'rtl'));
const nameDirs = optional(shape<NameDirs>({ name: dir, issuerName: dir }));
const pickerBadge = shape<PickerBadge>({ key: isString, name: isString, noName: optional(oneOf<NoName>('unreadable', 'untitled')), image: opt, issuerName: opt, issuedOn: opt, expires: opt, verdict: verdictOrNot, publicUrl: opt, credentialId: opt, warning: optional(shareWarning), dirs: nameDirs });
/** A hover verdict's text: at most HOVER_TEXT_MAX code points, so at most twice as many UTF-16 units (hover-verdict.ts cuts them). */
const hoverText = text(2 * HOVER_TEXT_MAX, 0);
const hoverOpt = optional(hoverText);
const hoverVerdict = shape<HoverVerdict>({ verdict, reason: optional(checkRef), name: hoverText, issuerName: hoverOpt, issuerSite: hoverOpt, issuedOn: hoverOpt, message: hoverText, noBadge: optional(isBoolean), noBadgeKind: optional(oneOf('no-data', 'web-page', 'unreadable')), needsAccess: hoverOpt, privateHost: hoverOpt, dirs: nameDirs });

/** LinkedIn's add-to-profile link (core/share/linkedin.ts), of any length: it carries the badge's words. */
const isLinkedInUrl: Guard<string> = (v): v is string => typeof v === 'string' && v.startsWith('https://www.linkedin.com/');

export const guards: { [D in Direction]: MessageGuards<DirectionMaps[D]> } = {
  popup: {
    args: {
      ping: noArgs,
      'state/get': noArgs,
      'badges/list': shape({ limit: optional(isListLimit) }),
      'badges/get': shape({ key }),
      'badges/verify': shape({ key: optional(key) }),
      'badges/import': shape({ source: importSource, attempt: optional(isAttempt) }),
      'badges/import-cancel': shape({ attempt: isAttempt }),
      'badges/remove': shape({ key }),
      'badges/download': shape({ key, what: oneOf('baked', 'json') }),
      'backup/export': noArgs,
      'backup/import': shape({ json: text(MAX_BACKUP_TEXT) }),
      'accounts/sign-in': signIn,
      'accounts/sign-in-cancel': shape<{ baseUrl?: string; attempt?: string; kind?: SignInRequest['kind'] }>({ baseUrl: optional(isBaseUrl), attempt: optional(isAttempt), kind: optional(oneOf('badgr', 'ob3', 'badge-connect')) }),
      'accounts/sign-in-wait': shape({ baseUrl: isBaseUrl, kind: oneOf('badgr', 'ob3', 'badge-connect') }),
      'accounts/sign-out': shape({ accountId }),
      'accounts/trust': shape({ accountId, trust: isBoolean }),
      'sync/start': shape({ accountId: optional(accountId) }),
      'emails/list': shape({ accountId }),
      'emails/add': shape({ accountId, email: isEmail }),
      'emails/resend': shape({ accountId, id: text(64) }),
      'emails/make-primary': shape({ accountId, id: text(64) }),
      'emails/remove': shape({ accountId, id: text(64) }),
      'emails/cancel': shape({ accountId }),
      'local-addresses/list': noArgs,
      'local-addresses/add': shape({ email: isEmail }),
      'local-addresses/remove': shape({ email: text(254) }),
      'accounts/password-reset': shape({ baseUrl: isBaseUrl, email: isEmail, attempt: optional(isAttempt) }),
      'accounts/password-reset-cancel': shape({ attempt: isAttempt }),
      'settings/set': shape({ settings: partialSettings }),
      'hover/sites': noArgs,
      'hover/site-add': shape({ pattern: isSitePattern, addedGrant: isBoolean }),
      'hover/site-remove': shape({ pattern: isSitePattern }),
      'hosts/confirm': shape({ patterns: arrayOf(isSitePattern, 100) }),
    },
    reply: {
      ping: pingReply,
      'state/get': has<StateReply>({ accounts: arrayOf(accountView), settings, badgeCount: isCount, identities: arrayOf(isString), signingIn: optional(isBoolean), signIns: optional(arrayOf(signInUnderWay)) }),
      'badges/list': arrayOf(badgeView),
      'badges/get': badgeDetail,
      'badges/verify': shape({ verified: isCount }),
      'badges/import': (v: unknown): v is ImportedView => badgeView(v) && has<ImportedView>({ alreadyHeld: optional(isBoolean), heldFrom: optional(isString), batch: optional(shape({ total: isCount, added: isCount, held: isCount, refused: isCount })) })(v),
      'badges/import-cancel': shape({ cancelled: isBoolean }),
      'badges/remove': shape({ removed: isBoolean }),
      'badges/download': shape({ fileName: text(255), mimeType: isString, base64: isString }),
      'backup/export': shape({ fileName: text(255), json: isString }),
      'backup/import': shape({ imported: isCount, skipped: isCount }),
      'accounts/sign-in': accountView,
      'accounts/sign-in-cancel': shape({ cancelled: isBoolean }),
      'accounts/sign-in-wait': accountView,
      'accounts/sign-out': shape({ signedOut: isTrue, revoked: oneOf('revoked', 'not-offered', 'failed'), kept: isCount }),
      'accounts/trust': accountView,
      'sync/start': shape({ started: isBoolean }),
      'emails/list': arrayOf(emailView),
      'emails/add': arrayOf(emailView),
      'emails/resend': arrayOf(emailView),
      'emails/make-primary': arrayOf(emailView),
      'emails/remove': arrayOf(emailView),
      'emails/cancel': shape({ cancelled: isBoolean }),
      'local-addresses/list': arrayOf(isString),
      'local-addresses/add': arrayOf(isString),
      'local-addresses/remove': arrayOf(isString),
      'accounts/password-reset': shape({ sent: isTrue }),
      'accounts/password-reset-cancel': shape({ cancelled: isBoolean }),
      'settings/set': settings,
      'hover/sites': shape({ sites: arrayOf(isString) }),
      'hover/site-add': shape({ sites: arrayOf(isString) }),
      'hover/site-remove': shape({ sites: arrayOf(isString) }),
      'hosts/confirm': shape({ confirmed: isTrue }),
    },
  },
  content: {
    args: {
      ping: noArgs,
      'picker/list': shape({ query: text(200, 0) }),
      'picker/card': shape({ key, linkedIn: optional(isTrue) }),
      'picker/linkedin-url': shape({ key }),
      'picker/ui': noArgs,
      'hover/verify': shape({ url: isHttpUrl }),
    },
    reply: {
      ping: pingReply,
      'picker/list': arrayOf(pickerBadge, 1000),
      'picker/card': shape({ html: isString, text: isString, url: opt }),
      'picker/linkedin-url': shape({ url: isLinkedInUrl }),
      'picker/ui': shape({ loaded: isTrue }),
      'hover/verify': hoverVerdict,
    },
  },
};

export type Parsed<M extends ProtocolMap> = { ok: true; message: Envelope<M> } | Extract<Reply<never>, { ok: false }>;

/** Checks an incoming message against one direction's map: envelope, known type, then arguments. */
export function parseMessage<D extends Direction>(direction: D, raw: unknown): Parsed<DirectionMaps[D]> {
  const bad = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
  if (!shape({ type: isString, args: isRecord })(raw)) return bad('ERR_BAD_MESSAGE', 'not a { type, args } message');
  const table: Record<string, Guard<unknown>> = guards[direction].args;
  const check = Object.hasOwn(table, raw.type) ? table[raw.type] : undefined;
  if (!check) return bad('ERR_UNKNOWN_MESSAGE', `unknown ${direction} message "${raw.type.slice(0, 64)}"`);
  if (!check(raw.args)) return bad('ERR_BAD_ARGS', `bad arguments for "${raw.type}"`);
  return { ok: true, message: raw as Envelope<DirectionMaps[D]> };
}

/** Checks a reply envelope, and its value with the message's reply guard. */
export function isReply<T>(value: unknown, guard: Guard<T>): value is Reply<T> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return guard(value.value);
  return value.ok === false && shape({ code: isString, message: isString, retryAfterSeconds: optional(isCount), reason: optional(isString), said: optional(isString) })(value.error);
}
