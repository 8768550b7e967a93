/**
 * The test backpack's in-memory state: accounts and their addresses, badges, OAuth clients,
 * codes and tokens. Which badges are a user's follows Badgr: every badge whose recipient is one of
 * the user's addresses, verified or not (pending until verified), plus what the user imported
 * (badgr-server apps/badgeuser/models.py cached_badgeinstances, BadgeInstance.pending).
 */
import type { Urls } from './urls.ts';
import type { BadgrRegistration } from './api/badgr-register.ts';

export type Json = Record<string, unknown>;

export interface Account {
  entityId: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** Badgr's CachedEmailAddress (v1 `{id, email, verified, primary, variants}`). */
export interface EmailRecord {
  id: number;
  userId: string;
  email: string;
  verified: boolean;
  primary: boolean;
  variants: string[];
  /** When a verification e-mail was last re-sent (server clock, ms). */
  lastResendAt?: number;
}

export type BadgeKind = 'ob2-hosted' | 'ob2-signed' | 'ob3-jwt' | 'ob3-di';

export interface BadgeRecord {
  entityId: string;
  kind: BadgeKind;
  /** The plaintext address the badge was issued to (hashed or not in the badge itself). */
  recipientEmail: string;
  importedBy?: string;
  sourceUrl?: string;
  issuedOn: string;
  expires?: string;
  updatedAt: string;
  revoked: boolean;
  revocationReason?: string;
  acceptance: 'Accepted' | 'Unaccepted' | 'Rejected';
  /** OB 2.0: the badge class and issuer entity ids. */
  badgeClassId?: string;
  issuerId?: string;
  /** The OB 2.0 Assertion or OB 3.0 credential (for a JWT, its unsigned credential). */
  json: Json;
  /** The compact JWS of a signed OB 2.0 assertion or an OB 3.0 VC-JWT. */
  compact?: string;
}

export interface ClientRecord {
  clientId: string;
  clientSecret?: string;
  /** The registration request, echoed in the 201 answer (RFC 7591 §3.2.1). */
  metadata: Json;
  /** How it authenticates at the token and revocation endpoints (RFC 7591 §2; default client_secret_basic). */
  authMethod?: 'client_secret_basic' | 'client_secret_post' | 'none';
  redirectUris: string[];
  scope: string[];
  grantTypes: string[];
  issuedAt: number;
}

export interface AuthCode {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string[];
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenRecord {
  entityId: string;
  accessToken: string;
  refreshToken?: string;
  userId: string;
  clientId: string;
  scope: string[];
  createdAt: number;
  expiresAt: number;
  revoked: boolean;
  /** Set when a refresh replaced this token (DOT rotation revokes the old pair). */
  replacedBy?: string;
  /** When that rotation revoked it (server clock): the grace period counts from here (refreshGraceSeconds). */
  revokedAt?: number;
  /** The authorization code the token (or its refreshed ancestors) came from. */
  fromCode?: string;
  /** The refresh token that gave this access token, when the server kept that refresh token (keepRefreshToken). */
  issuedBy?: string;
}

export interface Collection {
  entityId: string;
  ownerId: string;
  name: string;
  description: string;
  published: boolean;
  shareHash: string;
  assertions: string[];
  createdAt: string;
}

export interface OAuthFailure {
  count: number;
  until: number;
}

export class BackpackState {
  readonly accounts = new Map<string, Account>();
  readonly emails: EmailRecord[] = [];
  /** Addresses a password reset e-mail would have gone to (api/badgr-password.ts). */
  readonly passwordResets: string[] = [];
  readonly badges = new Map<string, BadgeRecord>();
  /** OB 2.0 issuer profiles and badge classes, by entity id. */
  readonly issuers = new Map<string, Json>();
  readonly badgeClasses = new Map<string, Json>();
  /** OB 3.0 documents served as they are: issuer profiles, status lists, achievements (by path). */
  readonly documents = new Map<string, Json>();
  readonly clients = new Map<string, ClientRecord>();
  readonly codes = new Map<string, AuthCode>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly collections = new Map<string, Collection>();
  /** Failed password grants by username (or client IP), Badgr's `throttleable` backoff. */
  readonly loginFailures = new Map<string, OAuthFailure>();
  readonly images = new Map<string, Buffer>();
  /**
   * The scopes dynamic registration accepts (api/oauth-register.ts); a test narrows it to Badgr's
   * three Badge Connect scopes (no `offline_access`) to stand in for Badgr's `/o/register`.
   */
  registrableScopes: string[] | undefined;
  /**
   * The OB 3.0 and Badge Connect profile endpoints answer 404 (a provider with no profile for the
   * user, or one it will not disclose: OB 3.0 ob_v3p0.lines getProfile lists `Response 404`).
   */
  profileNotFound = false;
  /**
   * The revocation endpoint refuses access tokens with `unsupported_token_type` (RFC 7009 §2.2.1):
   * OB 3.0 and OB 2.1 say servers MUST revoke refresh tokens and SHOULD revoke access tokens.
   */
  refreshTokenRevocationOnly = false;
  /**
   * Scopes the authorization page does not grant though asked (the user unticks them): OB 3.0
   * security.html "Authorization Response": the scope "MAY be a subset of the scopes in the request".
   */
  withheldScopes: string[] = [];
  /**
   * Registration replaces the client's redirect URIs with these (RFC 7591 §3.2.1: the server "MAY
   * reject or replace any of the client's requested metadata values"); authorization then allows
   * only these, as the request's `redirect_uri` "must match a registered one".
   */
  replacedRedirectUris: string[] | undefined;
  /**
   * The paged lists (OB 3.0 getCredentials, Badge Connect GET /assertions) ignore `limit` (every
   * badge from `offset` on, in one page, without a next link) or `limit` and `offset` both (every
   * badge, whatever was asked): what a hostile or careless backpack may do (api/paging.ts).
   */
  pagingIgnored: 'limit' | 'limit-and-offset' | undefined;
  /**
   * Offsets whose page of the paged lists answers no badge, with the headers as usual (X-Total-Count,
   * a next link): a careless backpack that filters a page after cutting it (api/paging.ts).
   */
  emptyPageOffsets: number[] = [];
  /**
   * A VC-JWT that ends a page of the paged lists is written as a string in the JSON list (OB 3.0
   * `credential`, Badge Connect `assertions`), the page's other VC-JWTs in the JWS list: a server that
   * puts compact JWS in either (Lanyard reads both: src/backpack/list-entry.ts).
   */
  lastJwsInJsonList = false;
  /** The paged lists' X-Total-Count is the length of the page answered, not of the listing: a server that counts its answer. */
  totalCountsPage = false;
  /**
   * Registers every client for `client_secret_post` whatever it asked (RFC 7591 §3.2.1: a server "MAY
   * ... replace" a value), and then takes its credentials in the form body only (RFC 6749 §2.3.1).
   */
  registersSecretPost = false;
  /**
   * Registers every client as a public client, `token_endpoint_auth_method` `none` and no `client_secret`
   * (RFC 7591 §3.2.1: the server "MAY ... replace" a value; `client_secret` is OPTIONAL, for confidential
   * clients), which then names itself by `client_id` in the token and revocation forms, with no secret
   * (RFC 6749 §2.3, §3.2.1; RFC 7009 §2.1), PKCE binding its code (RFC 7636).
   */
  registersPublic = false;
  /**
   * The OAuth access token lifetime in seconds (OB 3.0 and OB 2.1 only recommend an hour; RFC 6749
   * §5.1 `expires_in` is the server's to choose, and Keycloak's default access token lifespan is 300).
   */
  oauthTokenSeconds: number | undefined;
  /**
   * The OAuth token endpoint answers a refresh with a new access token only, no `refresh_token`: the one
   * sent goes on working (RFC 6749 §6: the server "MAY issue a new refresh token"; Google's, and any
   * server without rotation). Revoking it ends the access tokens it gave too (RFC 7009 §2.1).
   */
  keepRefreshToken = false;
  /**
   * The OAuth token endpoint gives no refresh token at all, whatever grant types the client registered:
   * "An Authorization Server is NOT REQUIRED to support token refresh" and `refresh_token` is optional in
   * the Access Token Response (OB 3.0 security.html "Token Refresh", "Access Token Response"); Badgr's
   * TokenView strips it when the application's `issue_refresh_token` is false (apps/mainsite/oauth2_api.py).
   */
  issuesNoRefreshToken = false;
  /**
   * django-oauth-toolkit's REFRESH_TOKEN_GRACE_PERIOD_SECONDS (default 0; commit 2e4d15e, "Refs #497"):
   * a refresh token a rotation revoked less than this long ago is taken again and answers the pair it
   * was rotated to, "appearing as if the request/response was 'cached'", for a client whose answer never
   * came. Okta, Auth0 ("reuse interval"), Curity, Ory Hydra and Clerk have the same setting. Only the
   * latest rotation's token (DOT #1617), only while that pair is live. Badgr sets none (DOT's 0).
   */
  refreshGraceSeconds = 0;
  /** Registration follows badgr-server's rule, and fetches the logo as Badgr does (api/badgr-register.ts). */
  badgrRegistration: BadgrRegistration | undefined;
  clockOffsetMs = 0;
  private seq = 0;

  constructor(readonly urls: Urls) {}

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nextEmailId(): number {
    return this.emails.reduce((m, e) => Math.max(m, e.id), 0) + 1;
  }

  /** A fresh opaque id: Badgr entity ids are 22 url-safe characters. */
  newId(prefix = ''): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(36).padStart(4, '0')}${crypto.randomUUID().replace(/-/g, '').slice(0, 18 - prefix.length)}`;
  }

  accountByUsername(username: string): Account | undefined {
    const u = username.trim().toLowerCase();
    return [...this.accounts.values()].find((a) => a.username.toLowerCase() === u);
  }

  emailsOf(userId: string): EmailRecord[] {
    return this.emails.filter((e) => e.userId === userId).sort((a, b) => a.id - b.id);
  }

  emailRecord(address: string): EmailRecord | undefined {
    const a = address.trim().toLowerCase();
    return this.emails.find((e) => e.email.toLowerCase() === a || e.variants.some((v) => v.toLowerCase() === a));
  }

  /** Badgr `pending`: issued to an address that is registered but not verified. */
  isPending(b: BadgeRecord): boolean {
    const rec = this.emailRecord(b.recipientEmail);
    return rec !== undefined && !rec.verified;
  }

  badgesOf(userId: string): BadgeRecord[] {
    return [...this.badges.values()].filter((b) => {
      if (b.importedBy !== undefined) return b.importedBy === userId;
      return this.emailRecord(b.recipientEmail)?.userId === userId;
    });
  }

  /** A live (unrevoked, unexpired) token by its access token value. */
  liveToken(access: string): TokenRecord | undefined {
    const t = this.tokens.get(access);
    return t && !t.revoked && t.expiresAt > this.now() ? t : undefined;
  }

  tokenByRefresh(refresh: string): TokenRecord | undefined {
    return [...this.tokens.values()].find((t) => t.refreshToken === refresh);
  }
}
