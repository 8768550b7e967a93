/** How Lanyard's registered client authenticates itself at a token or revocation endpoint (RFC 6749 §2.3). */
import type { RegisteredClient } from './registration.ts';

/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding. */
function basic(client: RegisteredClient): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
  const bytes = new TextEncoder().encode(`${enc(client.clientId)}:${enc(client.clientSecret)}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * How the client authenticates a token or revocation request: as registered. Lanyard asks for
 * `client_secret_basic` (OB 3.0 and OB 2.1 use it), but a server "MAY ... replace" what was asked (RFC
 * 7591 §3.2.1) and its answer says `client_secret_post`: then the credentials go in the form (RFC 6749
 * §2.3.1), and only there (§2.3: one method a request). Sent as Basic, the exchange was refused
 * `invalid_client`, and every sign-in registered again and failed the same way.
 */
export function clientAuth(client: RegisteredClient | null, form: Record<string, string>): { headers: Record<string, string>; form: Record<string, string> } {
  if (!client) return { headers: {}, form };
  // A public client (RFC 7591 `none`) does not authenticate: its `client_id` in the form names it (RFC 6749
  // §3.2.1 and §4.1.3; RFC 7009 §2.1), and PKCE binds its code; no secret, no Basic header.
  if (client.registration.token_endpoint_auth_method === 'none') return { headers: {}, form: { ...form, client_id: client.clientId } };
  if (client.registration.token_endpoint_auth_method === 'client_secret_post') return { headers: {}, form: { ...form, client_id: client.clientId, client_secret: client.clientSecret } };
  return { headers: { authorization: basic(client) }, form };
}
