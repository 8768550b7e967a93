/**
 * A token refresh whose answer never came (no answer at all: the connection cut, the body cut off, the
 * request timed out) may have been acted on: the server rotated the pair (RFC 6749 §6 "MAY revoke the old
 * refresh token"; django-oauth-toolkit's default, so Badgr's) and the new refresh token is lost with the
 * answer. The old one is all Lanyard holds, so it is sent again at once, once: servers with a grace
 * period for rotation take it within seconds and answer the pair the lost answer carried
 * (django-oauth-toolkit's REFRESH_TOKEN_GRACE_PERIOD_SECONDS, "as if the request/response was cached";
 * Okta's and Clerk's 30 s defaults, Auth0's reuse interval, Curity, Ory Hydra), and one without (RFC 9700
 * §4.14.2 reuse detection) refuses it as it would refuse any later try. Used by the account's refreshes
 * (tokens.ts) and a sign-in's first use of its tokens (sign-in-tokens.ts).
 */
import { isBackpackError } from '../../backpack/errors.ts';

/** The pause before the refresh is sent again: well within those grace periods; once only, as a sync's own retries (retry.ts) multiply it. */
export const LOST_ANSWER_REPLAY_MS = 1000;

/** `send()`, and when it got no answer, `lost()`, a pause (`pause(ms)`), and `send()` once more. */
export async function replayedIfLost<T>(send: () => Promise<T>, pause: (ms: number) => Promise<void>, lost: () => void = () => undefined): Promise<T> {
  try {
    return await send();
  } catch (e) {
    if (!isBackpackError(e, 'UNREACHABLE')) throw e;
    lost();
    await pause(LOST_ANSWER_REPLAY_MS);
    return send();
  }
}
