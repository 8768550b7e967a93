/**
 * What a failed sync says, on the status bar and the account's card. A backpack that answered
 * 429 (or a Retry-After: src/background/services/retry.ts) is not an error of the user's: the
 * sentence names the provider, says it asked Lanyard to slow down, and when the next try is
 * (relative and clock time), instead of the sign-in forms' generic "Too many attempts".
 */
import type { ReplyError } from '../../messaging/protocol.ts';
import { errorText, isThrottled } from '../errors.ts';
import { formatAgo, formatClock } from '../format.ts';
import type { Translate } from '../i18n.ts';

export interface FailedSync {
  error: ReplyError;
  retryAt?: string;
}

/** When the retry is: "Lanyard will try again in 5 minutes, at 14:05." / "… shortly." / nothing. */
function retryText(t: Translate, retryAt: string | undefined, now: number, locale: string): string {
  if (!retryAt) return '';
  const at = Date.parse(retryAt);
  if (Number.isNaN(at)) return '';
  return at <= now ? t('syncRetryNow') : t('syncRetryAt', formatAgo(retryAt, now, locale) ?? retryAt, formatClock(at, now, locale));
}

/**
 * The whole sentence. `failed` is the key that frames any other error with the account's name
 * ("syncStatusFailed": "<account> could not sync: <error>") or without it ("syncFailed").
 */
export function syncFailureText(t: Translate, account: string, s: FailedSync, now: number, locale: string, framed: (error: string) => string): string {
  // A complete sync that left addresses out (src/background/services/address-bound.ts): not a failure, no retry.
  if (s.error.code === 'ERR_TOO_MANY_ADDRESSES') return t('syncTooManyAddresses', account);
  if (isThrottled(s.error)) {
    const at = s.retryAt ? Date.parse(s.retryAt) : NaN;
    if (Number.isNaN(at)) return t('syncThrottledLater', account);
    if (at <= now) return t('syncThrottledSoon', account);
    return t('syncThrottled', account, formatAgo(s.retryAt, now, locale) ?? '', formatClock(at, now, locale));
  }
  const retry = retryText(t, s.retryAt, now, locale);
  return retry ? `${framed(errorText(t, s.error))} ${retry}` : framed(errorText(t, s.error));
}
