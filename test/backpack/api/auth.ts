/**
 * Bearer tokens (RFC 6750 §2.1; Badgr also reads `?access_token=`), token issuing with rotation
 * (django-oauth-toolkit revokes the old pair on refresh), and the scope check each API applies.
 */
import { randomBytes } from 'node:crypto';
import { header, type Req } from '../http/io.ts';
import type { BackpackState, TokenRecord } from '../state.ts';

/** Badgr: 24-hour access tokens (settings.OAUTH2_PROVIDER ACCESS_TOKEN_EXPIRE_SECONDS = 86400). */
export const BADGR_TOKEN_SECONDS = 86400;
/** OB 3.0 §6.2.4 recommends an hour. */
export const OAUTH_TOKEN_SECONDS = 3600;

export type AuthResult = { token: TokenRecord } | { error: 'unauthenticated' | 'insufficient_scope' };

export function bearerOf(req: Req): string | undefined {
  const h = header(req, 'authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1] ?? req.url.searchParams.get('access_token') ?? undefined;
}

/** A live token holding at least one of `scopes` (an empty list: any token). */
export function authenticate(state: BackpackState, req: Req, scopes: readonly string[]): AuthResult {
  const value = bearerOf(req);
  const token = value ? state.liveToken(value) : undefined;
  if (!token) return { error: 'unauthenticated' };
  if (scopes.length && !scopes.some((s) => token.scope.includes(s))) return { error: 'insufficient_scope' };
  return { token };
}

const secret = (): string => randomBytes(24).toString('base64url');

export function issueToken(state: BackpackState, userId: string, clientId: string, scope: string[], seconds: number, withRefresh = true): TokenRecord {
  const now = state.now();
  const t: TokenRecord = {
    entityId: state.newId('tok-'),
    accessToken: secret(),
    ...(withRefresh ? { refreshToken: secret() } : {}),
    userId,
    clientId,
    scope,
    createdAt: now,
    expiresAt: now + seconds * 1000,
    revoked: false,
  };
  state.tokens.set(t.accessToken, t);
  return t;
}

/** Refresh with rotation: the old access and refresh tokens stop working. */
export function rotate(state: BackpackState, old: TokenRecord, seconds: number, scope = old.scope): TokenRecord {
  const next = issueToken(state, old.userId, old.clientId, scope, seconds);
  if (old.fromCode) next.fromCode = old.fromCode;
  old.revoked = true;
  old.replacedBy = next.entityId;
  old.revokedAt = state.now();
  return next;
}

/**
 * A refresh token the last rotation revoked, sent again within state.refreshGraceSeconds: the pair it was
 * rotated to, answered again (django-oauth-toolkit's grace period); otherwise undefined.
 */
export function replayedPair(state: BackpackState, old: TokenRecord | undefined): TokenRecord | undefined {
  if (!old?.revoked || !old.replacedBy || old.revokedAt === undefined || state.now() - old.revokedAt >= state.refreshGraceSeconds * 1000) return undefined;
  const next = [...state.tokens.values()].find((t) => t.entityId === old.replacedBy);
  return next && !next.revoked && next.refreshToken ? next : undefined;
}

/** A refresh without rotation (state.keepRefreshToken): a new access token, no refresh token in the answer; the old pair stays. */
export function reissue(state: BackpackState, old: TokenRecord, seconds: number, scope = old.scope): TokenRecord {
  const next = issueToken(state, old.userId, old.clientId, scope, seconds, false);
  if (old.fromCode) next.fromCode = old.fromCode;
  next.issuedBy = old.refreshToken!;
  return next;
}

export function tokenResponse(t: TokenRecord, seconds: number): Record<string, unknown> {
  return {
    access_token: t.accessToken,
    expires_in: seconds,
    token_type: 'Bearer',
    scope: t.scope.join(' '),
    ...(t.refreshToken ? { refresh_token: t.refreshToken } : {}),
  };
}

/** RFC 7009 §2.1: revoking either token of a pair revokes the pair; unknown tokens are ignored. */
export function revokeByValue(state: BackpackState, value: string, clientId?: string): void {
  const t = state.tokens.get(value) ?? state.tokenByRefresh(value);
  if (t && (clientId === undefined || t.clientId === clientId)) {
    t.revoked = true;
    // The access tokens a kept refresh token gave end with it (keepRefreshToken).
    if (t.refreshToken === value) for (const other of state.tokens.values()) if (other.issuedBy === value) other.revoked = true;
  }
}
