/**
 * What can go wrong talking to a backpack, as errors with stable codes (DESIGN.md "Errors are
 * classes with stable codes"). The background maps them to what the user sees and does: sign in
 * again, wait, retry later. `toJSON()` is plain data, because an Error does not survive messaging.
 */
export const BackpackErrorCodes = {
  /** Wrong username or password (OAuth `invalid_grant` on a password grant). */
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** HTTP 429, or Badgr's login backoff; `retryAfterSeconds` says how long to wait when the server said. */
  THROTTLED: 'THROTTLED',
  /** No answer: network failure, refused connection, timeout, abort. */
  UNREACHABLE: 'UNREACHABLE',
  /** The token is missing, expired or revoked (HTTP 401, or a refresh token refused): sign in again. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** Dynamic client registration (RFC 7591) refused the client's metadata. */
  REGISTRATION_REFUSED: 'REGISTRATION_REFUSED',
  /** HTTP 5xx. */
  SERVER_ERROR: 'SERVER_ERROR',
  /** An answer that does not follow the API: wrong shape, not JSON, a link to another origin. */
  PROTOCOL: 'PROTOCOL',
  /** The server understood and said no, for a reason it gave (a duplicate badge, the primary address). */
  REJECTED: 'REJECTED',
  /** Plain http to anything but 127.0.0.1 or localhost. */
  INSECURE_URL: 'INSECURE_URL',
  /**
   * A service description that names an endpoint (authorization, token, registration, API) on
   * another site than its own: refused, `detail` names the endpoint (the OAuth mix-up defence, endpoints.ts).
   */
  ENDPOINT_MISMATCH: 'ENDPOINT_MISMATCH',
  /** The authorization redirect carried an error, the wrong `state`, or no code; or the code was refused. */
  AUTHORIZATION_FAILED: 'AUTHORIZATION_FAILED',
} as const;

export type BackpackErrorCode = (typeof BackpackErrorCodes)[keyof typeof BackpackErrorCodes];

export interface BackpackErrorData {
  code: BackpackErrorCode;
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  /** The server's own error word, when it gave one (`invalid_grant`, `DUPLICATE_BADGE`, `access_denied`…). */
  detail?: string;
}

/**
 * The longest wait a backpack can ask for: a day. Retry-After is any number of seconds (RFC 9110
 * §10.2.3), and Badgr's login backoff any `expires`: 400 nines, or 1e308, made an Infinity that put
 * the account's next sync at no time ever (retry.ts nextRetryAt). Longer waits are a day; a
 * negative or non-number wait is none (the default backoff applies).
 */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

const waitOf = (s: number | undefined): number | undefined =>
  s === undefined || Number.isNaN(s) || s < 0 ? undefined : Math.min(s, MAX_RETRY_AFTER_SECONDS);

export class BackpackError extends Error {
  readonly code: BackpackErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly detail: string | undefined;

  constructor(code: BackpackErrorCode, message: string, extra: { status?: number; retryAfterSeconds?: number; detail?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'BackpackError';
    this.code = code;
    this.status = extra.status;
    this.retryAfterSeconds = waitOf(extra.retryAfterSeconds);
    this.detail = extra.detail;
  }

  toJSON(): BackpackErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
    };
  }
}

/**
 * A list whose next page Lanyard refused to follow (another site, the same page again, too many; an offset that does not move on):
 * the error, with the items of the pages read before it, so that a sync keeps them (it stores
 * what it read, then stops and says why).
 */
export class PartialListError<T = unknown> extends BackpackError {
  constructor(
    readonly items: T[],
    cause: BackpackError,
  ) {
    super(cause.code, cause.message, { ...(cause.status !== undefined ? { status: cause.status } : {}), ...(cause.detail !== undefined ? { detail: cause.detail } : {}) });
  }
}

/** The most of a server's own words (an error_description, a status text) that goes into a message. */
export const MAX_SERVER_WORDS = 200;

/**
 * A backpack's own words, as they may go into a message the popup shows and a sync record keeps:
 * line breaks and other C0/C1 controls as spaces, and cut. RFC 6749 §4.1.2.1 and §5.2 (and RFC 7591
 * §3.2.2) allow an `error_description` only printable ASCII, but a hostile server sends what it
 * likes: a token endpoint's error body is read up to MAX_ANSWER_BYTES, so without the cut its
 * description (megabytes) became the message. Bidi controls are left for the popup to make visible
 * (src/popup/errors.ts through core/share/display.ts), the one place text is made safe to read.
 */
export function serverWords(text: string, max = MAX_SERVER_WORDS): string {
  // Only the head is looked at: `max` characters are at most twice as many UTF-16 code units.
  const head = text.slice(0, max * 2 + 2);
  const chars = [...head.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim()];
  return chars.length > max || text.length > head.length ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('');
}

export const isBackpackError = (e: unknown, code?: BackpackErrorCode): e is BackpackError =>
  e instanceof BackpackError && (code === undefined || e.code === code);
