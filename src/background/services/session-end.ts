/**
 * A backpack session Lanyard drops is ended at the backpack too (RFC 7009 token revocation; Badgr's
 * sign-out), best effort, not left live there until it expires, known to no one: the one a sign-in
 * opened and then gave up (keepOrEnd), and the one an account had when it is signed in again
 * (accounts.ts storeSignedIn: the new tokens replace it here, and a later sign-out revokes only those);
 * and the one a sign-out ends (revokeStored), by its own worker or by the next (sign-out-end.ts).
 */
import type { TokenSet } from '../../backpack/oauth.ts';
import type { SessionRef } from '../../platform/records.ts';
import type { Providers } from './providers/index.ts';
import type { Tokens } from './tokens.ts';

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

/** What became of the session at the provider (SignOutReply.revoked). */
export type Revoked = 'revoked' | 'not-offered' | 'failed';

/**
 * Ends at its provider the session stored here for the account (RFC 7009; Badgr's sign-out), best
 * effort: 'not-offered' when the provider has no revocation endpoint (Badge Connect's is optional),
 * 'failed' when it could not be reached or refused, or when nothing says where it is (`ref`
 * undefined: a sign-out's mark an older version wrote). Nothing stored: nothing left to end.
 */
export async function revokeStored(d: { tokens: Tokens; providers: Providers }, accountId: string, ref: SessionRef | undefined, from: string | undefined): Promise<Revoked> {
  try {
    // Read within: a read that fails is a revocation that failed, not a sign-out begun and never ended (a sign-in waits for it: sign-out-end.ts clear).
    const t = await d.tokens.current(accountId);
    if (!t || (!t.accessToken && !t.refreshToken)) return 'revoked';
    if (!ref) throw new Error('the sign-out was left by an older version, which kept no way to reach the backpack');
    return (await (await d.providers.for(ref)).revoke({ ...t, accessToken: t.accessToken || t.refreshToken! })) ? 'revoked' : 'not-offered';
  } catch (e) {
    console.warn(`[lanyard] could not revoke the session at ${from ?? 'its backpack'}`, e);
    return 'failed';
  }
}

/** What of an account reaches its provider, kept with its sign-out's mark (records.ts SyncRecord.signingOutSession): no secret. */
export const sessionRef = (a: SessionRef): SessionRef => ({ kind: a.kind, baseUrl: a.baseUrl, ...(a.service ? { service: a.service } : {}), ...(a.clientSecretId ? { clientSecretId: a.clientSecretId } : {}) });
