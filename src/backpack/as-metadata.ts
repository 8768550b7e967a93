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
 * Reads the metadata of `origin` (the service description's origin), else of the token endpoint's
 * origin when it is another host of the site: OB 3.0's own example reads its description from
 * 1edtech.org and names auth.1edtech.org for registration and tokens, whose metadata is at
 * auth.1edtech.org. A missing or unreadable document is no error; a document that names another
 * site's issuer or revocation endpoint is (ENDPOINT_MISMATCH), like the service description itself
 * would be. `origin` stays what an `iss` is held to without metadata (endpoints.ts checkIssuer).
 */
export async function authServerFacts(opts: ClientOptions, ctx: EndpointContext, origin: string, tokenUrl?: string): Promise<AuthServerFacts> {
  const own = await metadataAt(opts, ctx, origin);
  if (own || tokenUrl === undefined || new URL(tokenUrl).origin === origin) return own ?? { issuer: { origin, required: false } };
  const auth = await metadataAt(opts, ctx, new URL(tokenUrl).origin);
  return auth ? { ...auth, issuer: { ...auth.issuer, origin } } : { issuer: { origin, required: false } };
}

/** The facts of the metadata at `origin`, or undefined when there is none that may be used. */
async function metadataAt(opts: ClientOptions, ctx: EndpointContext, origin: string): Promise<AuthServerFacts | undefined> {
  let body: unknown;
  try {
    ({ body } = await getJson(opts, `${origin}/.well-known/oauth-authorization-server`, undefined, 'OAuth metadata'));
  } catch {
    return undefined;
  }
  if (!isObj(body)) return undefined;
  const issuer = str(body.issuer);
  const revocationUrl = str(body.revocation_endpoint);
  checkEndpoints(ctx, { issuer, revocation_endpoint: revocationUrl });
  // RFC 8414 §3.3: the issuer "MUST be identical to the authorization server's issuer identifier value
  // into which the well-known URI string was inserted"; here the origin (§3.1: a terminating "/" is
  // removed first). Otherwise (another issuer of the same site, or none) "the data ... MUST NOT be used".
  if (issuer !== origin && issuer !== `${origin}/`) return undefined;
  return {
    issuer: { origin, required: body.authorization_response_iss_parameter_supported === true, ...(issuer ? { issuer } : {}) },
    ...(revocationUrl ? { revocationUrl } : {}),
  };
}
