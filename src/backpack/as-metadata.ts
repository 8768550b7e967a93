/**
 * The authorization server's metadata (RFC 8414), when the backpack publishes it at
 * `{origin}/.well-known/oauth-authorization-server` on the service description's own origin:
 * its `issuer` (what an authorization response's `iss` must equal, RFC 9207 §2.4),
 * `authorization_response_iss_parameter_supported` (then `iss` is required, RFC 9207 §3) and the
 * RFC 7009 `revocation_endpoint`. Optional: without it, `iss` is only checked when sent. A document
 * that names another issuer is not used (RFC 8414 §3.3); one that names another site is refused.
 */
import { checkEndpoints, type EndpointContext, type IssuerExpectation } from './endpoints.ts';
import { getJson, isObj, type ClientOptions } from './http.ts';

export interface AuthServerFacts {
  issuer: IssuerExpectation;
  revocationUrl?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Reads the metadata of `origin` (the service description's origin). A missing or unreadable
 * document is no error; a document that names another site's issuer or revocation endpoint is
 * (ENDPOINT_MISMATCH), like the service description itself would be.
 */
export async function authServerFacts(opts: ClientOptions, ctx: EndpointContext, origin: string): Promise<AuthServerFacts> {
  let body: unknown;
  try {
    ({ body } = await getJson(opts, `${origin}/.well-known/oauth-authorization-server`, undefined, 'OAuth metadata'));
  } catch {
    return { issuer: { origin, required: false } };
  }
  if (!isObj(body)) return { issuer: { origin, required: false } };
  const issuer = str(body.issuer);
  const revocationUrl = str(body.revocation_endpoint);
  checkEndpoints(ctx, { issuer, revocation_endpoint: revocationUrl });
  // RFC 8414 §3.3: the issuer "MUST be identical to the authorization server's issuer identifier value
  // into which the well-known URI string was inserted"; here the origin (§3.1: a terminating "/" is
  // removed first). Otherwise (another issuer of the same site, or none) "the data ... MUST NOT be used".
  if (issuer !== origin && issuer !== `${origin}/`) return { issuer: { origin, required: false } };
  return {
    issuer: { origin, required: body.authorization_response_iss_parameter_supported === true, ...(issuer ? { issuer } : {}) },
    ...(revocationUrl ? { revocationUrl } : {}),
  };
}
