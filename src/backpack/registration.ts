/**
 * Dynamic client registration (RFC 7591 §3.1; OB 3.0 §6.1; OB 2.1 §"Registration"): one client per
 * install and provider, `client_secret_basic`, the code and refresh grants. Providers require every
 * client URL on one https host, so the extension puts them all on its own redirect host.
 */
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';
import { keptRegistration } from './registration-answer.ts';
import { errorText, isObj, readJson, send, statusError, type ClientOptions, type Json } from './http.ts';

export interface ClientMetadata {
  clientName: string;
  clientUri: string;
  logoUri: string;
  tosUri: string;
  policyUri: string;
  softwareId: string;
  softwareVersion: string;
  redirectUris: string[];
  scope: string[];
  contacts?: string[];
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  /** What Lanyard keeps of the registration answer (RFC 7591 §3.2.1): registration-answer.ts. */
  registration: Json;
}

/**
 * Registers; when the provider refuses and the request named scopes it does not offer, registers
 * once more with only the offered ones (the API's read scope, first, always kept). Badgr refuses
 * any scope but its three Badge Connect scopes with 400 "Scope offline_access not valid for
 * automatic application registration. Badge Connect Scopes only" (badgr-server
 * apps/mainsite/oauth2_api.py RegistrationSerializer.validate_scope), while OB 2.1 and OB 3.0
 * ask for `offline_access` to get a refresh token and their example manifests leave it out of
 * `scopesOffered`: so it is asked for first, and dropped only when that is refused. Badgr issues
 * refresh tokens by the registered grant types (`issue_refresh_token`), not by that scope.
 */
export async function registerOffered(opts: ClientOptions, registrationUrl: string, m: ClientMetadata, offered: readonly string[]): Promise<RegisteredClient> {
  try {
    return await registerClient(opts, registrationUrl, m);
  } catch (e) {
    const narrowed = m.scope.filter((s, i) => i === 0 || offered.includes(s));
    if (!(e instanceof BackpackError) || e.code !== C.REGISTRATION_REFUSED || e.status !== 400 || !offered.length || narrowed.length === m.scope.length) throw e;
    return registerClient(opts, registrationUrl, { ...m, scope: narrowed });
  }
}

export async function registerClient(opts: ClientOptions, registrationUrl: string, m: ClientMetadata): Promise<RegisteredClient> {
  const body = {
    client_name: m.clientName,
    client_uri: m.clientUri,
    logo_uri: m.logoUri,
    tos_uri: m.tosUri,
    policy_uri: m.policyUri,
    software_id: m.softwareId,
    software_version: m.softwareVersion,
    redirect_uris: m.redirectUris,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: m.scope.join(' '),
    ...(m.contacts ? { contacts: m.contacts } : {}),
  };
  const res = await send(opts, registrationUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), redirect: 'error' });
  // RFC 7591 §3.2.2: a refusal is 400; §3: an endpoint may require an initial access token, which
  // Lanyard has none of, and refuses a request without it as RFC 6750 §3.1 says (401, or 403): that too
  // is a refusal to register, not a token to renew.
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    // An error answer, read as one (up to MAX_ERROR_BYTES); its words bounded (serverWords).
    let err: unknown;
    try {
      err = JSON.parse(await errorText(res, 'Client registration'));
    } catch {
      err = {};
    }
    const e = isObj(err) ? err : {};
    const detail = typeof e.error === 'string' ? serverWords(e.error) : undefined;
    const why = typeof e.error_description === 'string' ? serverWords(e.error_description) : detail ?? 'no reason given';
    throw new BackpackError(C.REGISTRATION_REFUSED, `The backpack refused to register Lanyard: ${why}`, { status: res.status, ...(detail ? { detail } : {}) });
  }
  if (!res.ok) throw statusError(res, 'Client registration');
  const reg = await readJson(res, 'Client registration');
  if (!isObj(reg)) throw new BackpackError(C.PROTOCOL, 'The registration answer is not a JSON object with a client_id and client_secret');
  // Only the fields Lanyard uses, checked and bounded (registration-answer.ts): the answer goes into `secrets`.
  return keptRegistration(reg, { scope: m.scope, redirectUris: m.redirectUris });
}
