/**
 * Reading the authorization response: the URL the authorization server redirected to, which
 * launchWebAuthFlow returns (RFC 6749 §4.1.2, §4.1.2.1; its `iss`, RFC 9207). The rest of the OAuth
 * client (the request, the code exchange, refresh, revocation) is in oauth.ts.
 */
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';
import { checkIssuer } from './endpoints.ts';
import { scopeList } from './scope-list.ts';
import type { AuthorizationRequest } from './oauth.ts';

/** The authorization response's parameters (RFC 6749 §4.1.2, §4.1.2.1, §3.3; RFC 9207 §2): the ones Lanyard reads. */
const RESPONSE_PARAMETERS = ['state', 'iss', 'code', 'scope', 'error', 'error_description', 'error_uri'] as const;

/**
 * RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once." An answer that
 * carries one twice is refused, whatever the values, rather than read by its first (URLSearchParams.get):
 * which `state`, `code` or `iss` is the server's cannot be told. Other parameters are ignored, as §3.1 has
 * the server ignore those it does not recognise.
 */
function onceEach(q: URLSearchParams): void {
  const twice = RESPONSE_PARAMETERS.find((name) => q.getAll(name).length > 1);
  if (twice) throw new BackpackError(C.AUTHORIZATION_FAILED, `The sign-in answer carries ${twice} more than once, which an OAuth answer must not (RFC 6749 §3.1): Lanyard cannot tell which is the backpack's`, { detail: 'repeated_parameter' });
}

/** Reads the URL the authorization server redirected to: the code, or why there is none. */
export function readAuthorizationResponse(redirectedTo: string, request: AuthorizationRequest): { code: string; scope?: string[] } {
  let u: URL;
  try {
    u = new URL(redirectedTo);
  } catch {
    throw new BackpackError(C.AUTHORIZATION_FAILED, 'The sign-in did not come back to Lanyard');
  }
  const expected = new URL(request.redirectUri);
  if (u.origin !== expected.origin || u.pathname !== expected.pathname) throw new BackpackError(C.AUTHORIZATION_FAILED, 'The sign-in came back to an unexpected address');
  const q = u.searchParams;
  onceEach(q);
  // RFC 6749 §10.12: an answer without our state, or with another, is not ours.
  if (q.get('state') !== request.state) throw new BackpackError(C.AUTHORIZATION_FAILED, 'The sign-in answer does not carry the state Lanyard sent', { detail: 'state_mismatch' });
  // RFC 9207 §2.4: before anything else of the answer is used, error answers included.
  checkIssuer(q.get('iss'), request.issuer);
  // §4.1.2.1: the server's words, bounded (errors.ts serverWords): the popup shows them.
  const raw = q.get('error');
  if (raw) {
    const error = serverWords(raw);
    const why = serverWords(q.get('error_description') ?? raw);
    throw new BackpackError(C.AUTHORIZATION_FAILED, error === 'access_denied' ? 'Access was denied' : `The backpack refused the sign-in: ${why}`, { detail: error });
  }
  const code = q.get('code');
  if (!code) throw new BackpackError(C.AUTHORIZATION_FAILED, 'The sign-in answer carries no code');
  const scope = q.get('scope');
  return { code, ...(scope ? { scope: scopeList(scope, request.scope, 'The authorization response') } : {}) };
}
