/**
 * What Lanyard keeps of a dynamic client registration answer (RFC 7591 §3.2.1). The answer is the
 * backpack's to write, up to the 32 MB any answer may be (http.ts), and it goes into the `secrets`
 * store: kept whole, it brought along whatever the backpack put in it, a `registration_access_token`
 * (RFC 7592 §3, a credential Lanyard never uses) included. Only what Lanyard reads is kept:
 *
 * - `client_id` and `client_secret` (§3.2.1: strings; the secret required here, Lanyard registers a
 *   confidential client with `client_secret_basic`, unless the answer registered a public client,
 *   `none`, which has none: §3.2.1 "used by confidential clients"), each at most MAX_CLIENT_CREDENTIAL
 *   characters, kept beside the answer (RegisteredClient), not in it;
 * - `client_secret_expires_at` (§3.2.1: a number, seconds since the epoch, 0 for never), which
 *   accounts.ts reads to register anew once the secret has expired;
 * - `scope` (§2: a space-separated string; the server may change it, §3.2.1), read by oauth.ts
 *   `registeredScopes`: only the scopes Lanyard asked for are kept, so a wider answer never
 *   widens what Lanyard asks for later;
 * - `token_endpoint_auth_method` (§2: a string), at most MAX_METHOD characters, one Lanyard can use
 *   (`client_secret_basic`, `client_secret_post`, `none`: any other is a refused registration);
 * - `redirect_uris` (§2: an array of strings): only those Lanyard registered; an answer that leaves
 *   out Lanyard's redirect URI (replaced, §3.2.1) is refused, as the sign-in could not come back.
 *
 * An optional field written as null is taken as absent. A field of the wrong type is refused, with its name: the server did not answer what RFC 7591
 * says, and nothing of it is stored.
 */
import { BackpackError, BackpackErrorCodes as C } from './errors.ts';
import type { Json } from './http.ts';
import { scopeList } from './scope-list.ts';

/** Far more than any client id or secret seen (Badgr: 40 and 128 characters); a URL carries the id. */
export const MAX_CLIENT_CREDENTIAL = 2048;
const MAX_METHOD = 64;
/**
 * RFC 7591 §2 token_endpoint_auth_method values Lanyard can use (client-auth.ts); `none` is a public client,
 * which has no secret (its answer need not carry one) and names itself by `client_id` (RFC 6749 §3.2.1).
 */
const USABLE_METHODS = new Set(['client_secret_basic', 'client_secret_post', 'none']);

export interface RegistrationAsked {
  scope: readonly string[];
  redirectUris: readonly string[];
}

const refuse = (why: string): never => {
  throw new BackpackError(C.PROTOCOL, `The registration answer is not what RFC 7591 §3.2.1 says: ${why}`);
};

const credential = (reg: Json, name: 'client_id' | 'client_secret'): string => {
  const v = reg[name];
  if (typeof v !== 'string' || !v) return refuse(`${name} is ${v === undefined ? 'missing' : 'not a string'}`);
  if (v.length > MAX_CLIENT_CREDENTIAL) return refuse(`${name} is ${v.length} characters long (Lanyard keeps at most ${MAX_CLIENT_CREDENTIAL})`);
  return v;
};

/** The fields Lanyard uses, checked and bounded; throws PROTOCOL for a field of the wrong type. */
export function keptRegistration(reg: Json, asked: RegistrationAsked): { clientId: string; clientSecret: string; registration: Json } {
  const clientId = credential(reg, 'client_id');
  // An optional member written as null (as JSON serializers write one left unset) says no value: absent.
  const given = (name: string): unknown => reg[name] ?? undefined;
  // A public client (`none`) has no secret: '' when the answer gives none (client-auth.ts then sends only the id).
  const isPublic = given('token_endpoint_auth_method') === 'none';
  const clientSecret = isPublic && (given('client_secret') === undefined || reg.client_secret === '') ? '' : credential(reg, 'client_secret');
  const kept: Json = {};
  const expires = given('client_secret_expires_at');
  if (expires !== undefined) {
    if (typeof expires !== 'number' || !Number.isFinite(expires) || expires < 0) refuse('client_secret_expires_at is not a number of seconds');
    kept.client_secret_expires_at = expires;
  }
  const scope = given('scope');
  if (scope !== undefined) {
    if (typeof scope !== 'string') refuse('scope is not a string');
    const granted = new Set(scopeList(scope as string, asked.scope, 'The registration answer'));
    kept.scope = asked.scope.filter((s) => granted.has(s)).join(' ');
  }
  const method = given('token_endpoint_auth_method');
  if (method !== undefined) {
    if (typeof method !== 'string' || method.length > MAX_METHOD) refuse('token_endpoint_auth_method is not a short string');
    // §3.2.1: the server may have replaced the `client_secret_basic` asked (the only one OB 3.0 and OB 2.1 allow). Lanyard
    // sends its secret in the header or the form (client-auth.ts), nothing else: registered otherwise, the code exchange
    // would be refused `invalid_client` only after the user signed in, and every sign-in would register and fail again.
    if (!USABLE_METHODS.has(method as string)) {
      throw new BackpackError(C.REGISTRATION_REFUSED, `The backpack refused to register Lanyard: it registers apps to authenticate with ${(method as string).slice(0, MAX_METHOD)}, which Lanyard cannot do (it sends its client secret: client_secret_basic or client_secret_post)`, { detail: 'token_endpoint_auth_method' });
    }
    kept.token_endpoint_auth_method = method;
  }
  const uris = given('redirect_uris');
  if (uris !== undefined) {
    if (!Array.isArray(uris) || uris.some((u) => typeof u !== 'string')) refuse('redirect_uris is not an array of strings');
    kept.redirect_uris = asked.redirectUris.filter((u) => (uris as string[]).includes(u));
    // §3.2.1: the server "MAY reject or replace" what was asked. The authorization request's
    // redirect_uri must match a registered one (OB 3.0 security.html, OB 2.1 §"Authorization"):
    // one replaced could never bring the sign-in back to Lanyard, or would send it elsewhere.
    const lost = asked.redirectUris.find((u) => !(uris as string[]).includes(u));
    if (lost !== undefined) {
      throw new BackpackError(C.REGISTRATION_REFUSED, 'The backpack registered Lanyard with another address to come back to after sign-in than the one Lanyard gave: the sign-in could not come back to Lanyard', { detail: 'redirect_uri' });
    }
  }
  return { clientId, clientSecret, registration: kept };
}

/** A registration kept by an older version (the whole answer): the same fields, or undefined when it cannot be read as one. */
export function trimKeptRegistration(reg: Json, asked: RegistrationAsked): Json | undefined {
  try {
    return keptRegistration(reg, asked).registration;
  } catch {
    return undefined;
  }
}
