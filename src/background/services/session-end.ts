/**
 * A backpack session Lanyard drops is ended at the backpack too (RFC 7009 token revocation; Badgr's
 * sign-out), best effort, not left live there until it expires, known to no one: the one a sign-in
 * opened and then gave up (keepOrEnd), and the one an account had when it is signed in again
 * (accounts.ts storeSignedIn: the new tokens replace it here, and a later sign-out revokes only those).
 */
import type { TokenSet } from '../../backpack/oauth.ts';

type Session = { accessToken: string; refreshToken?: string };

/** Ends a dropped session at the provider, without waiting and without failing what dropped it. */
export function endDropped(end: () => Promise<unknown>, what: string): void {
  void end().catch((x: unknown) => console.warn(`[lanyard] could not end ${what} at the provider`, x));
}

/**
 * Runs what follows the provider's tokens up to their storing; should it fail (a cancel, a profile
 * that cannot be read), the session the tokens opened is ended at the provider too, then the failure is thrown.
 */
export async function keepOrEnd<T>(rest: () => Promise<T>, end: () => Promise<unknown>): Promise<T> {
  try {
    return await rest();
  } catch (e) {
    endDropped(end, 'an abandoned sign-in');
    throw e;
  }
}

/**
 * What of `replaced` to end once `fresh` is stored: nothing when the provider answered the new sign-in
 * with that very session (the same access or refresh token); the refresh token only when `fresh`
 * brings its own (tokens.ts store keeps the stored one otherwise).
 */
export function replacedPart(replaced: Session | undefined, fresh: TokenSet): Session | undefined {
  if (!replaced || (!replaced.accessToken && !replaced.refreshToken)) return undefined;
  if (replaced.accessToken === fresh.accessToken || (replaced.refreshToken !== undefined && replaced.refreshToken === fresh.refreshToken)) return undefined;
  const refreshToken = fresh.refreshToken ? replaced.refreshToken : undefined;
  const accessToken = replaced.accessToken || refreshToken;
  return accessToken ? { accessToken, ...(refreshToken ? { refreshToken } : {}) } : undefined;
}
