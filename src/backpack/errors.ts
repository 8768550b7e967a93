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
    this.retryAfterSeconds = extra.retryAfterSeconds;
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

export const isBackpackError = (e: unknown, code?: BackpackErrorCode): e is BackpackError =>
  e instanceof BackpackError && (code === undefined || e.code === code);
