/**
 * Client of the Badgr / Canvas Credentials API (badgr-server; reference: backpacks-sharing-mail.md
 * §1): password sign-in as Badgr's own UI does it (`POST /o/token`, form-encoded,
 * `grant_type=password&client_id=public`), refresh (the newest pair is kept: refresh tokens rotate),
 * the backpack (`expand=badgeclass&expand=issuer`, `include_*`), import, collections, the v1 address
 * API, and sign-out through RFC 7009 `POST /o/revoke_token/` (or `DELETE /v2/auth/tokens/{id}`).
 */
import { BackpackError, BackpackErrorCodes as C, PartialListError } from './errors.ts';
import { checkUrl, send, statusError, type ClientOptions, type Json } from './http.ts';
import { badgrCall, badgrV2, badgrV2List, badgrV2Page } from './badgr-request.ts';
import { readAssertion, readCollection, readEmail, readTokenInfo, readUser, type BadgrAssertion, type BadgrCollection, type BadgrEmail, type BadgrTokenInfo, type BadgrUser } from './badgr-types.ts';
import { tokenRequest, type TokenSet } from './oauth.ts';

/** What the extension needs: read and import badges, read and manage addresses. */
export const BADGR_DEFAULT_SCOPE = ['rw:profile', 'rw:backpack'];

export interface BadgrClientOptions extends ClientOptions {
  /** The API host: https://api.badgr.io, https://api.eu.badgr.io, https://api.badges.parchment.com… */
  apiBase: string;
  /** Default `public`, the client Badgr's own UI uses. */
  clientId?: string;
}

export interface AssertionQuery {
  /** v2 defaults are false; Lanyard keeps everything and lets the engine judge. */
  includeExpired?: boolean;
  includeRevoked?: boolean;
  includePending?: boolean;
  /** Embed the badge class and its issuer (default true). */
  expand?: boolean;
}

export type ImportInput = { url: string } | { image: string } | { assertion: Json | string };

export class BadgrClient {
  private readonly base: string;
  private readonly clientId: string;

  constructor(private readonly opts: BadgrClientOptions) {
    this.base = checkUrl(opts.apiBase, 'Badgr API URL').toString().replace(/\/+$/, '');
    this.clientId = opts.clientId ?? 'public';
  }

  signIn(username: string, password: string, scope: string[] = BADGR_DEFAULT_SCOPE): Promise<TokenSet> {
    const form = { grant_type: 'password', client_id: this.clientId, username, password, scope: scope.join(' ') };
    return tokenRequest(this.opts, `${this.base}/o/token`, null, form, 'password');
  }

  refresh(refreshToken: string): Promise<TokenSet> {
    return tokenRequest(this.opts, `${this.base}/o/token`, null, { grant_type: 'refresh_token', client_id: this.clientId, refresh_token: refreshToken }, 'refresh');
  }

  /**
   * Revokes the session: the refresh token and the access token through `/o/revoke_token/`; where
   * that endpoint is missing, the access token through `DELETE /v2/auth/tokens/{id}`, found by its expiry.
   */
  async signOut(tokens: Pick<TokenSet, 'accessToken' | 'refreshToken' | 'expiresAt'>): Promise<void> {
    const revoke = async (token: string, hint: string): Promise<boolean> => {
      // With the slash: Badgr mounts django-oauth-toolkit's urls under /o/ (apps/mainsite/urls.py), whose
      // pattern is `^revoke_token/$`; without it Django's APPEND_SLASH answers a 301, which a request
      // carrying a token never follows (`redirect: 'error'`), so sign-out never revoked anything.
      const res = await send(this.opts, `${this.base}/o/revoke_token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: this.clientId }).toString(),
        redirect: 'error',
      });
      if (res.status === 404 || res.status === 405) return false;
      if (!res.ok) throw statusError(res, 'Sign-out');
      return true;
    };
    if (tokens.refreshToken && !(await revoke(tokens.refreshToken, 'refresh_token'))) return this.revokeByListing(tokens);
    if (!(await revoke(tokens.accessToken, 'access_token'))) await this.revokeByListing(tokens);
  }

  private async revokeByListing(tokens: Pick<TokenSet, 'accessToken' | 'expiresAt'>): Promise<void> {
    const mine = (await this.tokens(tokens.accessToken)).filter((t) => (t.clientId ?? this.clientId) === this.clientId);
    const near = (t: BadgrTokenInfo): number => (tokens.expiresAt !== undefined && t.expires ? Math.abs(Date.parse(t.expires) - tokens.expiresAt) : Infinity);
    const target = mine.length === 1 ? mine[0] : mine.filter((t) => near(t) < 5 * 60_000).sort((a, b) => near(a) - near(b))[0];
    if (!target) throw new BackpackError(C.PROTOCOL, 'Sign-out: Badgr lists no token that matches this session');
    await this.revokeTokenById(tokens.accessToken, target.entityId);
  }

  async profile(token: string): Promise<BadgrUser> {
    const [user] = await badgrV2(this.opts, `${this.base}/v2/users/self`, { token, what: 'The Badgr profile' });
    return readUser(user);
  }

  private assertionsUrl(q: AssertionQuery): string {
    const u = new URL(`${this.base}/v2/backpack/assertions`);
    if (q.expand ?? true) ['badgeclass', 'issuer'].forEach((e) => u.searchParams.append('expand', e));
    u.searchParams.set('include_expired', String(q.includeExpired ?? true));
    u.searchParams.set('include_revoked', String(q.includeRevoked ?? true));
    u.searchParams.set('include_pending', String(q.includePending ?? true));
    return u.toString();
  }

  /**
   * One page of the backpack: the first, or the one at `next` (an address a page before gave, which
   * must be on the API's own site). A sync stores each page as it reads it, so a later page that
   * fails loses none of those before (providers/badgr.ts).
   */
  async assertionsPage(token: string, next?: string, q: AssertionQuery = {}): Promise<{ items: BadgrAssertion[]; next?: string; stop?: BackpackError }> {
    if (next !== undefined && checkUrl(next, 'Badgr next page').origin !== new URL(this.base).origin) throw new BackpackError(C.PROTOCOL, "The Badgr backpack: the page to resume at is not on the backpack's site");
    const page = await badgrV2Page(this.opts, next ?? this.assertionsUrl(q), { token, what: 'The Badgr backpack' });
    return { items: page.result.map(readAssertion), ...(page.next ? { next: page.next } : {}), ...(page.stop ? { stop: page.stop } : {}) };
  }

  async assertions(token: string, q: AssertionQuery = {}): Promise<BadgrAssertion[]> {
    try {
      return (await badgrV2List(this.opts, this.assertionsUrl(q), { token, what: 'The Badgr backpack' })).map(readAssertion);
    } catch (e) {
      // The badges read before a next page Lanyard refused, read like the others.
      throw e instanceof PartialListError ? new PartialListError(e.items.map(readAssertion), e) : e;
    }
  }

  async assertion(token: string, entityId: string): Promise<BadgrAssertion> {
    const url = `${this.base}/v2/backpack/assertions/${encodeURIComponent(entityId)}?expand=badgeclass&expand=issuer`;
    const [a] = await badgrV2(this.opts, url, { token, what: 'A Badgr assertion' });
    return readAssertion(a);
  }

  /** `POST /v2/backpack/import`: exactly one of url, image (a data:image/png;base64 URI), assertion. A duplicate is REJECTED with detail DUPLICATE_BADGE. */
  async importBadge(token: string, input: ImportInput): Promise<BadgrAssertion> {
    const [a] = await badgrV2(this.opts, `${this.base}/v2/backpack/import`, { method: 'POST', token, body: input, what: 'Badgr import' });
    return readAssertion(a);
  }

  async collections(token: string): Promise<BadgrCollection[]> {
    return (await badgrV2List(this.opts, `${this.base}/v2/backpack/collections`, { token, what: 'Badgr collections' })).map(readCollection);
  }

  async emails(token: string): Promise<BadgrEmail[]> {
    const body = await badgrCall(this.opts, `${this.base}/v1/user/emails`, { token, what: 'The address list' });
    if (!Array.isArray(body)) throw new BackpackError(C.PROTOCOL, 'The address list is not a list');
    return body.map(readEmail);
  }

  /** Adds an address; Badgr sends it a confirmation e-mail. */
  async addEmail(token: string, email: string): Promise<BadgrEmail> {
    return readEmail(await badgrCall(this.opts, `${this.base}/v1/user/emails`, { method: 'POST', token, body: { email }, what: 'Adding the address' }));
  }

  /** Re-sends the confirmation; THROTTLED (with the wait) within five minutes of the last one. */
  async resendVerification(token: string, id: number): Promise<BadgrEmail> {
    return readEmail(await badgrCall(this.opts, `${this.base}/v1/user/emails/${id}`, { method: 'PUT', token, body: { resend: true }, what: 'Re-sending the confirmation' }));
  }

  /** Badgr ignores the request for an unverified address without an error: that comes back REJECTED, detail NOT_VERIFIED. */
  async makePrimary(token: string, id: number): Promise<BadgrEmail> {
    const e = readEmail(await badgrCall(this.opts, `${this.base}/v1/user/emails/${id}`, { method: 'PUT', token, body: { primary: true }, what: 'Making the address primary' }));
    if (!e.primary) throw new BackpackError(C.REJECTED, `${e.email} is not verified yet: only a verified address can be primary`, { detail: 'NOT_VERIFIED' });
    return e;
  }

  /** The primary address, or the only one, cannot be removed (REJECTED with Badgr's reason). */
  async removeEmail(token: string, id: number): Promise<void> {
    await badgrCall(this.opts, `${this.base}/v1/user/emails/${id}`, { method: 'DELETE', token, what: 'Removing the address' });
  }

  async tokens(token: string): Promise<BadgrTokenInfo[]> {
    return (await badgrV2(this.opts, `${this.base}/v2/auth/tokens`, { token, what: 'The token list' })).map(readTokenInfo);
  }

  async revokeTokenById(token: string, entityId: string): Promise<void> {
    await badgrCall(this.opts, `${this.base}/v2/auth/tokens/${encodeURIComponent(entityId)}`, { method: 'DELETE', token, what: 'Revoking the token' });
  }
}
