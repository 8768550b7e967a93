/**
 * Where a discovered backpack may send the user's sign-in: the defence against the OAuth
 * "mix-up" attack (RFC 9700 §4.4; RFC 9207 §1). A hostile service description could name an
 * honest provider's authorization and registration endpoints and its own token endpoint; the code,
 * the PKCE verifier and the client secret would then go to the hostile one. So:
 *
 * - every endpoint (registration, authorization, token, refresh, revocation, API base, issuer) is
 *   on the site the discovery document was read from: its origin, or over https a host under the
 *   document's host (`inSite`: OB 3.0's own example, ob_v3p0 §"Service Discovery", reads its
 *   description from 1edtech.org and names auth.1edtech.org for registration and tokens; OB 2.1
 *   says the hosts need not match). Whoever serves a host controls the names under it, so a
 *   hostile description can name only its own servers that way, never an honest provider's;
 *   beyond that, the entries of PROVIDER_WEB_HOSTS (a Badgr region's sign-in page lives on its
 *   web host, everything else on its API host; only the authorization endpoint, which receives
 *   no secret, may be there);
 * - plain http only when the address the user typed is a loopback host (the demo backpack on
 *   http://127.0.0.1:8787), and then the document and every endpoint are on exactly that origin;
 *   an https backpack can never point the sign-in at http://127.0.0.1:<port>.
 */
import { BackpackError, BackpackErrorCodes as C } from './errors.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Badgr / Canvas Credentials / Parchment: the Badge Connect manifest (`/bcv1/manifest/{domain}`)
 * names `authorizationUrl: https://{ui-domain}/auth/oauth2/authorize` (badgr-server
 * apps/backpack/badge_connect_api.py) while the token, registration and API endpoints are on the API
 * host. The UI domain of each documented API host (reference: backpacks-sharing-mail.md §1.1) is
 * the API host without its `api.` label; badgr.io's own UI is also served as badgr.com.
 */
export const PROVIDER_WEB_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'api.badgr.io': ['badgr.io', 'badgr.com'],
  'api.eu.badgr.io': ['eu.badgr.io', 'eu.badgr.com'],
  'api.au.badgr.io': ['au.badgr.io', 'au.badgr.com'],
  'api.ca.badgr.io': ['ca.badgr.io', 'ca.badgr.com'],
  'api.sg.badgr.io': ['sg.badgr.io', 'sg.badgr.com'],
  'api.badges.parchment.com': ['badges.parchment.com'],
  'api.badges.parchment.eu': ['badges.parchment.eu'],
  'api.badges.parchment.au': ['badges.parchment.au'],
  'api.badges.parchment.ca': ['badges.parchment.ca'],
  'api.badges.parchment.sg': ['badges.parchment.sg'],
};

/** The endpoints that may sit on a PROVIDER_WEB_HOSTS host: they receive no secret, no code, no token. */
const WEB_HOST_ENDPOINTS = new Set(['authorizationUrl']);

export interface EndpointContext {
  /** The address the user entered (decides whether plain http is allowed at all). */
  userBase: string;
  /** Where the service description was actually read from (after any redirect). */
  documentUrl: string;
}

function parse(url: string, what: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new BackpackError(C.PROTOCOL, `The ${what} ${url.slice(0, 200)} is not a URL`);
  }
}

const isLoopbackHttp = (u: URL): boolean => u.protocol === 'http:' && LOOPBACK.has(u.hostname);

/**
 * Whether `u` is on the site of `home` (the description's origin): that origin, or over https on
 * the default port a host under home's host, with a leading `www.` label set aside
 * (www.example.org's description may name auth.example.org). Never for plain http (loopback).
 */
export function inSite(u: URL, home: URL): boolean {
  if (u.origin === home.origin) return true;
  if (u.protocol !== 'https:' || home.protocol !== 'https:' || u.port || home.port) return false;
  const base = home.hostname.replace(/^www\./, '');
  return u.hostname === base || u.hostname.endsWith(`.${base}`);
}

/** The origin every endpoint must share; refuses a document that is not where the user pointed (loopback) or not https. */
export function documentOrigin(ctx: EndpointContext): string {
  const user = parse(ctx.userBase, 'backpack URL');
  const doc = parse(ctx.documentUrl, 'service description URL');
  if (isLoopbackHttp(user)) {
    if (doc.origin !== user.origin) {
      throw new BackpackError(C.ENDPOINT_MISMATCH, `The service description of ${user.origin} was read from ${doc.origin}: a backpack on plain http must keep everything on the address you typed`, { detail: 'document' });
    }
    return doc.origin;
  }
  if (user.protocol !== 'https:') throw new BackpackError(C.INSECURE_URL, `The backpack URL ${user.origin} is not https: plain http is accepted only for 127.0.0.1 and localhost`);
  if (doc.protocol !== 'https:') throw new BackpackError(C.INSECURE_URL, `The service description of ${user.origin} was read over plain http (${doc.origin}): Lanyard refuses it`, { detail: 'document' });
  return doc.origin;
}

/**
 * Checks every named endpoint against the document's origin; the first that does not match is
 * refused with its name (`detail`) and both origins in the message, so the user sees what was wrong.
 */
export function checkEndpoints(ctx: EndpointContext, endpoints: Readonly<Record<string, string | undefined>>): void {
  const origin = documentOrigin(ctx);
  const home = new URL(origin);
  const web = PROVIDER_WEB_HOSTS[home.hostname] ?? [];
  for (const [name, url] of Object.entries(endpoints)) {
    if (url === undefined) continue;
    const u = parse(url, name);
    if (u.username || u.password) throw new BackpackError(C.INSECURE_URL, `The backpack at ${origin} names its ${name} with a user name or password in the address (RFC 9110 §4.2.4): Lanyard refuses it`, { detail: name });
    if (u.protocol !== home.protocol) {
      throw new BackpackError(C.INSECURE_URL, `The backpack at ${origin} names its ${name} at ${u.origin}: Lanyard sends a sign-in only over ${home.protocol === 'https:' ? 'https' : `the address you typed (${origin})`}`, { detail: name });
    }
    if (inSite(u, home)) continue;
    if (u.protocol === 'https:' && !u.port && WEB_HOST_ENDPOINTS.has(name) && web.includes(u.hostname)) continue;
    throw new BackpackError(
      C.ENDPOINT_MISMATCH,
      `The backpack at ${origin} names its ${name} on another site (${u.origin}). Lanyard signs in only when every endpoint is on the backpack's own site: otherwise one site's sign-in could be sent to another.`,
      { detail: name },
    );
  }
}

/** RFC 9207 §2.4: the `iss` an authorization response must carry, or may carry. */
export interface IssuerExpectation {
  /** The issuer identifier from the authorization server's metadata (RFC 8414 §2), when known. */
  issuer?: string;
  /** The document's origin: without metadata, an `iss` must at least be on its site (inSite). */
  origin: string;
  /** The metadata said `authorization_response_iss_parameter_supported`: a response without `iss` is refused. */
  required: boolean;
}

/** Refuses an authorization response whose `iss` names another authorization server (or lacks one it must carry). */
export function checkIssuer(iss: string | null, expected: IssuerExpectation): void {
  if (iss === null) {
    if (expected.required) throw new BackpackError(C.ENDPOINT_MISMATCH, `The sign-in answer does not say which server sent it (no "iss"), though ${expected.issuer ?? expected.origin} promises to: Lanyard did not use it`, { detail: 'issuer_missing' });
    return;
  }
  // §2.4: simple string comparison against the issuer identifier; without one, the site its endpoints may be on.
  const ok = expected.issuer !== undefined ? iss === expected.issuer : URL.canParse(iss) && inSite(new URL(iss), new URL(expected.origin));
  if (!ok) {
    throw new BackpackError(C.ENDPOINT_MISMATCH, `The sign-in answer comes from ${iss.slice(0, 200)}, not from ${expected.issuer ?? expected.origin}, the backpack you chose: Lanyard did not send the code anywhere`, { detail: 'issuer_mismatch' });
  }
}
