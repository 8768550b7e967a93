/**
 * Errors the background's services raise, with stable codes that the router passes on to the
 * popup (`{ ok: false, error: { code, message } }`). Backpack failures keep the codes of
 * src/backpack/errors.ts (BAD_CREDENTIALS, THROTTLED, UNREACHABLE, UNAUTHORIZED,
 * REGISTRATION_REFUSED…), with messages that say what to do.
 */
import { BackpackError, type BackpackErrorCode } from '../../backpack/errors.ts';

export const ServiceErrorCodes = {
  NOT_FOUND: 'ERR_NOT_FOUND',
  NOT_A_BADGE: 'ERR_NOT_A_BADGE',
  /** A sound PNG or SVG with no badge inside (no openbadges chunk or element): a picture, not a baked badge. */
  NOT_BAKED: 'ERR_NOT_BAKED',
  /** A PNG whose badge data lies after its IEND chunk, where no PNG reader looks (PNG §5.6): baked wrongly, not read. */
  BAKED_AFTER_END: 'ERR_BAKED_AFTER_END',
  /** A pasted link that answered a web page (HTML), not a badge's data: not added. */
  WEB_PAGE: 'ERR_WEB_PAGE',
  /** A pasted link that answered an HTTP error status: no badge was read, none added (the engine's own code). */
  LINK_STATUS: 'ERR_HTTP_STATUS',
  /** A pasted link that redirected to another scheme (file:, data:, javascript:), which is not followed: not added. */
  LINK_REDIRECT: 'ERR_LINK_REDIRECT',
  /** A pasted link whose answer is over the host fetch's size limit, not read: not added. */
  LINK_TOO_LARGE: 'ERR_LINK_TOO_LARGE',
  /** A pasted link with a user name or password in it (Fetch: no request carries them): not added. */
  LINK_CREDENTIALS: 'ERR_LINK_CREDENTIALS',
  /** A credential the engine reads but does not verify yet (an SD-JWT): not added, said as such. */
  UNSUPPORTED_CREDENTIAL: 'ERR_UNSUPPORTED_CREDENTIAL',
  NO_BAKED_IMAGE: 'ERR_NO_BAKED_IMAGE',
  BAD_BACKUP: 'ERR_BAD_BACKUP',
  HOST_PERMISSION: 'ERR_HOST_PERMISSION',
  UNSUPPORTED: 'ERR_UNSUPPORTED',
  DISABLED: 'ERR_DISABLED',
  /** Hover verification: a tab asked too often (services/hover-rate.ts). */
  RATE_LIMITED: 'ERR_RATE_LIMITED',
  /** A content script asked for something its site may not (content-access.ts, hover sites). */
  FORBIDDEN_SENDER: 'ERR_FORBIDDEN_SENDER',
  /** The user cancelled it (a slow sign-in, accounts.ts): nothing of it was kept. */
  CANCELLED: 'ERR_CANCELLED',
  /** A sign-in to a backpack one is under way to already (sign-in-run.ts): refused before it sent anything, the first one untouched. */
  SIGN_IN_UNDER_WAY: 'ERR_SIGN_IN_UNDER_WAY',
  /** The record changed under the request again and again (another write each time it was about to write): nothing of it was kept. */
  BUSY: 'ERR_BUSY',
  /** A badge added only if Lanyard did not hold it (a backup's) was there already: the one held is kept. */
  EXISTS: 'ERR_EXISTS',
  /** A backpack listed more addresses than an account keeps (address-bound.ts): the rest are kept, the sync says so. */
  TOO_MANY_ADDRESSES: 'ERR_TOO_MANY_ADDRESSES',
  /** A sync whose worker was stopped mid-run (views.ts syncView): the next run resumes it where it stopped. */
  INTERRUPTED: 'ERR_INTERRUPTED',
  /**
   * A page asked for the card or LinkedIn link of a badge the pickers do not list (failed
   * verification or pending: content.ts): it changed since the picker listed it. Not shared.
   */
  NOT_SHAREABLE: 'ERR_NOT_SHAREABLE',
  /** One file or paste holding more badges than one import adds (import-batch.ts MAX_BATCH): none added. */
  TOO_MANY_BADGES: 'ERR_TOO_MANY_BADGES',
  /** Badgr would not register the address: another account verified it, or this one has it as spelled (email-refusals.ts). */
  EMAIL_TAKEN: 'ERR_EMAIL_TAKEN',
  /** Badgr's primary address cannot be removed. */
  EMAIL_PRIMARY: 'ERR_EMAIL_PRIMARY',
  /** Badgr's only address cannot be removed. */
  EMAIL_LAST: 'ERR_EMAIL_LAST',
  /** Only a verified address can be made primary (Badgr ignores the request for another). */
  EMAIL_UNVERIFIED: 'ERR_EMAIL_UNVERIFIED',
  /** An address typed for this browser (local-addresses.ts) that is no e-mail address. */
  ADDRESS_INVALID: 'ERR_ADDRESS_INVALID',
  /** An address typed for this browser that is listed there already (in any spelling addressKey joins). */
  ADDRESS_LISTED: 'ERR_ADDRESS_LISTED',
  /** More addresses typed for this browser than it keeps (local-addresses.ts MAX_LOCAL_ADDRESSES). */
  ADDRESS_LIMIT: 'ERR_ADDRESS_LIMIT',
} as const;

export type ServiceErrorCode = (typeof ServiceErrorCodes)[keyof typeof ServiceErrorCodes] | BackpackErrorCode;

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    /** `reason`: the engine's code for what it found; `said`: the server's own words (ReplyError, src/messaging/protocol.ts). */
    readonly extra: { reason?: string; said?: string } = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
  get reason(): string | undefined {
    return this.extra.reason;
  }
  get said(): string | undefined {
    return this.extra.said;
  }
}

/** A wait in words: "12 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 90) return Math.round(seconds) <= 1 ? '1 second' : `${Math.round(seconds)} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

/** The server's own error word a backpack error carries, passed on as the server's (ReplyError `said`). */
const saidOf = (e: BackpackError) => (e.detail !== undefined ? { said: e.detail } : {});

/** Backpack errors with a message that says what to do next; other errors unchanged. */
export function explain(e: unknown, host: string): unknown {
  if (!(e instanceof BackpackError)) return e;
  switch (e.code) {
    case 'THROTTLED':
      return new ServiceError(e.code, `${host} asks Lanyard to slow down${e.retryAfterSeconds !== undefined ? `: try again in ${waitText(e.retryAfterSeconds)}` : ': try again later'}. (${e.message})`, e.retryAfterSeconds, saidOf(e));
    case 'UNREACHABLE':
      return new ServiceError(e.code, `${host} could not be reached: check the address and your connection, then try again. (${e.message})`, undefined, saidOf(e));
    case 'REGISTRATION_REFUSED':
      return new ServiceError(e.code, `${host} does not let Lanyard register as an app (${e.message.replace(/^The backpack refused to register Lanyard: /, '')}). Sign in with your e-mail address and password instead.`, undefined, saidOf(e));
    default:
      return e;
  }
}
