/**
 * Reply errors in words, matched by code, never by message text: the messaging codes, the
 * background's service codes (src/background/services/errors.ts) and the backpack codes it
 * passes on (src/backpack/errors.ts: BAD_CREDENTIALS, THROTTLED…). A few older spellings stay
 * mapped so the mock and the background can differ without the popup showing raw codes.
 */
import type { ReplyError } from '../messaging/protocol.ts';
import { displayText } from '../core/share/display.ts';
import type { MessageKey, Translate } from './i18n.ts';

const BY_CODE: Record<string, MessageKey> = {
  ERR_UNKNOWN_MESSAGE: 'errorBackgroundNotReady',
  ERR_TRANSPORT: 'errorBackgroundDown',
  ERR_BAD_REPLY: 'errorBackgroundDown',
  ERR_INTERNAL: 'errorInternal',
  // A message the popup itself got wrong, or sent from where it should not: Lanyard's fault, not the user's.
  ERR_BAD_ARGS: 'errorInternal',
  ERR_BAD_MESSAGE: 'errorInternal',
  ERR_FORBIDDEN_SENDER: 'errorInternal',
  BAD_CREDENTIALS: 'errorWrongPassword',
  UNREACHABLE: 'errorUnreachable',
  UNAUTHORIZED: 'errorSignInAgain',
  REGISTRATION_REFUSED: 'errorRegistrationRefused',
  ENDPOINT_MISMATCH: 'errorEndpointMismatch',
  SERVER_ERROR: 'errorServer',
  PROTOCOL: 'errorProtocol',
  INSECURE_URL: 'errorBadUrl',
  AUTHORIZATION_FAILED: 'errorAuthorizationFailed',
  ERR_NOT_FOUND: 'errorNotFound',
  ERR_NOT_A_BADGE: 'errorNotABadge',
  ERR_NOT_BAKED: 'errorNotBaked',
  ERR_BAKED_AFTER_END: 'errorBakedAfterEnd',
  ERR_WEB_PAGE: 'errorWebPage',
  ERR_LINK_CREDENTIALS: 'errorLinkCredentials',
  ERR_LINK_REDIRECT: 'errorLinkRedirect',
  ERR_LINK_TOO_LARGE: 'errorLinkTooLarge',
  ERR_UNSUPPORTED_CREDENTIAL: 'errorUnsupportedCredential',
  ERR_NO_BAKED_IMAGE: 'errorNoBakedImage',
  ERR_BAD_BACKUP: 'errorBackupInvalid',
  ERR_HOST_PERMISSION: 'errorPermissionDenied',
  ERR_UNSUPPORTED: 'errorUnsupported',
  ERR_DISABLED: 'errorDisabled',
  ERR_INTERRUPTED: 'errorInterrupted',
  ERR_BUSY: 'errorBusy',
  ERR_CANCELLED: 'errorCancelled',
  ERR_SIGN_IN_UNDER_WAY: 'errorSignInUnderWay',
  ERR_EXISTS: 'errorExists',
  ERR_NOT_SHAREABLE: 'errorNotShareable',
  ERR_RATE_LIMITED: 'errorRateLimited',
  ERR_TOO_MANY_ADDRESSES: 'errorTooManyAddresses',
  ERR_ADDRESS_INVALID: 'addressInvalid',
  ERR_ADDRESS_LISTED: 'errorAddressListed',
  ERR_ADDRESS_LIMIT: 'errorAddressLimit',
  ERR_TOO_MANY_BADGES: 'errorTooManyBadges',
  // The engine's errors an import can end with (src/core/errors.ts).
  ERR_PARSE_TOO_DEEP: 'errorNotABadge',
  ERR_STRUCTURE_INVALID: 'errorNotABadge',
  ERR_HTTP_STATUS: 'errorHttpStatus',
  ERR_BUDGET_EXCEEDED: 'errorTooLarge',
  ERR_AUTH_FAILED: 'errorWrongPassword',
  ERR_INVALID_GRANT: 'errorWrongPassword',
  ERR_WRONG_PASSWORD: 'errorWrongPassword',
  ERR_INVALID_CLIENT: 'errorInvalidClient',
  ERR_UNREACHABLE: 'errorUnreachable',
  ERR_FETCH_FAILED: 'errorUnreachable',
  ERR_NETWORK: 'errorUnreachable',
  ERR_TIMEOUT: 'errorUnreachable',
  ERR_REGISTRATION_REFUSED: 'errorRegistrationRefused',
  ERR_HOST_PERMISSION_DENIED: 'errorPermissionDenied',
  ERR_BAD_URL: 'errorBadUrl',
  ERR_CLIPBOARD: 'errorClipboard',
  ERR_NEEDS_SIGN_IN: 'errorSignInAgain',
  ERR_UNAUTHORIZED: 'errorSignInAgain',
  ERR_OFFLINE: 'errorOffline',
  ERR_PARSE_EMPTY: 'errorNotABadge',
  ERR_PARSE_UNRECOGNISED: 'errorNotABadge',
  ERR_PARSE_JSON: 'errorNotABadge',
  ERR_PARSE_PNG: 'errorNotABadge',
  ERR_PARSE_SVG: 'errorNotABadge',
  ERR_PARSE_NOT_BAKED: 'errorNotABadge',
  ERR_PARSE_BAKED_AFTER_END: 'errorBakedAfterEnd',
  ERR_PARSE_JWS: 'errorNotABadge',
  ERR_DUPLICATE: 'errorDuplicate',
  ERR_FILE_TOO_LARGE: 'errorFileTooLarge',
  ERR_PASTE_TOO_LARGE: 'errorPasteTooLarge',
  ERR_EMAIL_UNVERIFIED: 'errorEmailUnverified',
  ERR_EMAIL_PRIMARY: 'errorEmailPrimary',
  ERR_EMAIL_LAST: 'errorEmailLast',
  ERR_EMAIL_EXISTS: 'errorEmailExists',
  ERR_EMAIL_TAKEN: 'errorEmailTaken',
  ERR_BACKUP_INVALID: 'errorBackupInvalid',
};

/** Codes after which the sign-in form offers the password sign-in instead. */
export const OFFER_PASSWORD = new Set(['REGISTRATION_REFUSED', 'ERR_REGISTRATION_REFUSED']);

export const isThrottled = (e: ReplyError) => e.code === 'THROTTLED' || e.code === 'ERR_THROTTLED';

/**
 * Seconds to wait, when the reply says (an extra `retryAfterSeconds` on the error). The protocol's
 * ReplyError has no such field yet, so from the real background this is undefined and the
 * background's own message, which names the wait, is shown instead.
 */
export function retryAfterSeconds(e: ReplyError): number | undefined {
  const s = (e as ReplyError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? Math.ceil(s) : undefined;
}

/**
 * The longest message shown. A message can carry a backpack's own words (an OAuth error_description,
 * a Badge Connect status text), and a hostile backpack writes them: they go through displayText as a
 * badge's words do (bidi controls shown as ⟨RLO⟩, cut), never as they came.
 */
const MESSAGE_CHARS = 400;

/** A wait in seconds said in minutes from two minutes on; one second left reads as its own sentence ("$1 seconds" would say "1 secondes" in French). */
function waitSentence(t: Translate, s: number, keys: { minutes: MessageKey; one: MessageKey; seconds: MessageKey }): string {
  return s >= 120 ? t(keys.minutes, Math.ceil(s / 60)) : s === 1 ? t(keys.one) : t(keys.seconds, s);
}

export function errorText(t: Translate, e: ReplyError): string {
  const message = displayText(e.message, MESSAGE_CHARS);
  if (isThrottled(e)) {
    const s = retryAfterSeconds(e);
    if (s === undefined) return message ? t('errorThrottledDetail', message) : t('errorThrottled');
    return waitSentence(t, s, { minutes: 'errorThrottledMinutes', one: 'errorThrottledOneSecond', seconds: 'errorThrottledSeconds' });
  }
  // The backpack's reason is the useful part (a duplicate badge, the primary address…).
  if (e.code === 'REJECTED') return t('errorRejected', message);
  const key = messageKeyOf(e.code);
  // An unknown code still says what the background said, which is better than nothing.
  return key ? t(key) : t('errorGeneric', message || displayText(e.code, MESSAGE_CHARS));
}

/**
 * errorText for a request that is no sign-in (an address added, a confirmation re-sent, a password reset): Badgr's
 * wait there (one re-send in five minutes; the add's backoff after a refused one, apps/mainsite/utils.py
 * `throttleable`, whose body speaks of login attempts) is said as the backpack asking to wait.
 */
export function changeErrorText(t: Translate, e: ReplyError): string {
  if (!isThrottled(e)) return errorText(t, e);
  const s = retryAfterSeconds(e);
  return s === undefined ? t('errorWaitLater') : waitSentence(t, s, { minutes: 'errorWaitMinutes', one: 'errorWaitOneSecond', seconds: 'errorWaitSeconds' });
}

/** What the engine found (ReplyError `reason`, src/core/errors.ts codes), said in the reader's language under Details. */
const REASONS: Record<string, MessageKey> = {
  ERR_PARSE_EMPTY: 'reasonParseEmpty',
  ERR_PARSE_UNRECOGNISED: 'reasonParseUnrecognised',
  ERR_PARSE_JSON: 'reasonParseJson',
  ERR_PARSE_PNG: 'reasonParsePng',
  ERR_PARSE_SVG: 'reasonParseSvg',
  ERR_PARSE_NOT_BAKED: 'reasonParseNotBaked',
  ERR_PARSE_BAKED_AFTER_END: 'reasonParseBakedAfterEnd',
  ERR_PARSE_JWS: 'reasonParseJws',
  ERR_PARSE_TOO_DEEP: 'reasonParseTooDeep',
  ERR_STRUCTURE_INVALID: 'reasonStructureInvalid',
  ERR_NOT_OPEN_BADGE: 'reasonNotOpenBadge',
};

/** Codes whose message is not Lanyard's sentence but an unexpected error's own (the browser's, a library's): quoted as technical. */
const TECHNICAL = new Set(['ERR_INTERNAL']);

/** A Details' lines: Lanyard's own words in the reader's language, then a server's own words, labelled as its. */
export interface ErrorDetail {
  /** Lanyard's reason (or, labelled, an unexpected error's technical message). */
  text?: string;
  /** A remote server's own words, labelled ("The server said: …"), never translated. */
  said?: string;
}

/**
 * The reply's own reason, for a Details under errorText's sentence (src/popup/ui/ErrorDetails.tsx),
 * when it says more than that sentence; undefined when there is nothing more. Lanyard writes its
 * `message` in English, the language of its engine and logs: in English it is shown as it is (which
 * check failed, "a list of 7 items"); in another language what it found is said in that language
 * (`reason`: the engine's code, REASONS) with the code, never the English sentence. An unexpected
 * error's own message is quoted as technical, and a server's own words (`said`) as the server's. All
 * through displayText like the sentence's: they can quote hostile input.
 */
export function errorDetail(t: Translate, e: ReplyError): ErrorDetail | undefined {
  const sentence = errorText(t, e).toLowerCase();
  const fresh = (s: string) => (s && s !== e.code && !sentence.includes(s.toLowerCase()) ? s : undefined);
  const message = fresh(displayText(e.message, MESSAGE_CHARS).trim());
  const english = t('messagesLocale').toLowerCase().startsWith('en');
  const reason = e.reason !== undefined && Object.hasOwn(REASONS, e.reason) ? t(REASONS[e.reason]!) : undefined;
  let text: string | undefined;
  if (english) text = message;
  else if (TECHNICAL.has(e.code)) text = message && t('errorDetailTechnical', message);
  else if (message || reason) text = [reason, t('errorDetailCode', displayText(e.reason ?? e.code, 80))].filter(Boolean).join(' ');
  const saidText = e.said !== undefined ? fresh(displayText(e.said, MESSAGE_CHARS).trim()) : undefined;
  const said = saidText && !(english && message?.toLowerCase().includes(saidText.toLowerCase())) ? t('errorDetailServer', saidText) : undefined;
  return text || said ? { ...(text ? { text } : {}), ...(said ? { said } : {}) } : undefined;
}

/** The message key a code is said with (errorText), or undefined for a code said as generic English. */
export function messageKeyOf(code: string): MessageKey | undefined {
  if (isThrottled({ code, message: '' })) return 'errorThrottled';
  if (code === 'REJECTED') return 'errorRejected';
  return Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
}

/**
 * A sign-in's error: an answer that is not the API (PROTOCOL: a web page, another service, the
 * other kind of provider) means the address is not the backpack's, which is what to check.
 */
export function signInErrorText(t: Translate, e: ReplyError, kind: 'password' | 'provider'): string {
  // A scope written with commas (backpack/scope-list.ts) is the backpack's answer at fault, not the address.
  if (e.code === 'PROTOCOL' && e.said !== 'scope') return t(kind === 'password' ? 'errorNotABackpack' : 'errorNotAProvider');
  return errorText(t, e);
}

/** The sign-in field an error is about: the address for one that names the server, the password for wrong credentials. */
export function signInField(e: ReplyError): 'host' | 'password' | undefined {
  if (['PROTOCOL', 'UNREACHABLE', 'INSECURE_URL', 'ERR_BAD_URL'].includes(e.code) && e.said !== 'scope') return 'host';
  if (e.code === 'BAD_CREDENTIALS') return 'password';
  return undefined;
}
