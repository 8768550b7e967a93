/**
 * OB 2.0 §HostedBadge Verification, rule 3: the assertion id must be in the issuer's verification
 * scope. `startsWith` prefixes, `allowedOrigins` host names, default: the issuer id's own origin
 * (VCORE hosted_id_in_verification_scope).
 */
import { arr, isObj, str, type Json } from './json-util.ts';
import { otherSchemeForm } from '../verify/plain-http.ts';

/**
 * Where a hosted copy may be served from: a host as the URL parser writes it (lower case, an IDN as
 * its A-label, RFC 5891 §4.4; a fully-qualified name's final dot kept: "issuer.test." is another
 * origin to a browser, test/core/formats/ob05-hosted-binding.test.ts), and a port: none for the
 * scheme's default port of the URL compared with it (80 for http, 443 for https), or a number.
 */
type Place = { host: string; port: string | undefined };

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

function placeOf(url: string): Place | undefined {
  try {
    const u = new URL(url);
    return u.hostname ? { host: u.hostname.toLowerCase(), port: u.port || undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `url` is served at `place`: its host, and its port (written, or its scheme's default) the one named. */
function servedAt(url: string, place: Place): boolean {
  try {
    const u = new URL(url);
    if (u.hostname.toLowerCase() !== place.host) return false;
    return place.port === undefined ? u.port === '' : (u.port || DEFAULT_PORT[u.protocol]) === place.port;
  } catch {
    return false;
  }
}

const said = (p: Place): string => (p.port === undefined ? p.host : `${p.host}:${p.port}`);

/**
 * An `allowedOrigins` entry (OB 2.0 §VerificationObject: "the host registered name subcomponent
 * of an allowed origin", RFC 3986 §3.2.2) as a Place: "bücher.example" and " Issuer.TEST " name
 * the hosts they spell; one written as an origin ("https://issuer.test") names its host. A name
 * is on its scheme's default port (as VCORE's authority comparison reads it). A port written after
 * the name is no part of a registered name, but an issuer that wrote "issuer.test:8443" named that
 * host on that port, as VCORE reads it (authority "issuer.test:8443"): the entry's port is then
 * compared with the port the copy is served on, written or its scheme's default, so
 * "issuer.test:443" is https://issuer.test/, never http://issuer.test/ (port 80), and
 * "issuer.test:80" is http://issuer.test/. The URL parser, given a scheme to read a bare entry,
 * dropped such a port as that scheme's default and read the other as written (hostile41). An
 * entry with userinfo, a path, a query or a fragment names no one host: none (it widens nothing).
 */
function allowedPlace(entry: string): Place | undefined {
  const t = entry.trim();
  if (!t || /[\s\\]/.test(t)) return undefined;
  const authority = t.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (/[/?#@]/.test(authority)) return undefined;
  try {
    const u = new URL(/^https?:\/\//i.test(t) ? t : `https://${t}`);
    if (u.username || u.password || u.pathname !== '/' || u.search || u.hash || !u.hostname) return undefined;
    // The port as written (the URL parser drops the default of the scheme it was read with).
    const written = /:(\d+)$/.exec(authority)?.[1];
    return { host: u.hostname.toLowerCase(), port: written === undefined ? u.port || undefined : String(Number(written)) };
  } catch {
    return undefined;
  }
}

/** `plainHttp`: the copy was read over plain http while the issuer's address is https (not the issuer's word). */
export type ScopeOutcome = { ok: true; message: string } | { ok: false; message: string; plainHttp?: true };

/**
 * A URL as the fetch reads it (WHATWG URL: dot segments and their %2e spellings resolved, host in
 * lower case, a bare site given its "/"); text that is not a URL stays as written. startsWith is
 * compared between these: "https://issuer.test/badges/../uploads/a.json" is fetched from /uploads/,
 * outside "https://issuer.test/badges/", and the prefix "https://issuer.test" means that site,
 * "https://issuer.test/", not "https://issuer.test.evil.test/".
 */
function asFetched(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function inVerificationScope(assertionUrl: string, issuer: Json): ScopeOutcome {
  const issuerId = str(issuer.id);
  const policy = isObj(issuer.verification) ? issuer.verification : {};
  const startsWith = arr(policy.startsWith).filter((s): s is string => typeof s === 'string' && s.length > 0);
  const declared = arr(policy.allowedOrigins).filter((s): s is string => typeof s === 'string');
  // An entry that names no host still declares the policy: it narrows to nothing, never to the default.
  let allowed: (Place | undefined)[] = declared.map(allowedPlace);
  if (startsWith.length) {
    const fetched = asFetched(assertionUrl);
    const prefix = startsWith.find((p) => fetched.startsWith(asFetched(p)));
    if (!prefix) return { ok: false, message: `The assertion is hosted at ${assertionUrl}, outside the issuer's declared locations (${startsWith.join(', ')})` };
    // Both declared: both hold (VCORE hosted_id_in_verification_scope checks startsWith, then allowedOrigins).
    if (!allowed.length) return { ok: true, message: `Hosted under ${prefix}, where the issuer says its badges live` };
  }
  if (!allowed.length) {
    const own = issuerId && /^https?:/i.test(issuerId) ? placeOf(issuerId) : undefined;
    if (!own) return { ok: false, message: 'The issuer has no web address to bind the hosted copy to' };
    allowed = [own];
  }
  const at = placeOf(assertionUrl);
  const names = allowed.map((p, i) => (p ? said(p) : declared[i]!.toLowerCase())).join(', ');
  return allowed.some((p) => p && servedAt(assertionUrl, p))
    ? { ok: true, message: `Hosted on ${at ? said(at) : assertionUrl}, the issuer's own site` }
    : { ok: false, message: `The assertion is hosted on ${at ? said(at) : assertionUrl}, not on the issuer's site (${names})` };
}

/**
 * OB 0.5 had no issuer profile: the assertion embeds its issuer, whose `origin` (scheme, host and
 * port: Mozilla's 0.5 assertion format, openbadges-validator `isOrigin`) is the site that issues and
 * serves its badges. The hosted copy is bound to that origin alone: whatever else the embedded issuer
 * says (a `verification` policy, an `id`) is the assertion's own word and widens nothing. Undefined
 * when the issuer names no http(s) origin. An https origin is served over TLS: a copy read over plain
 * http from its host is not bound to it (anyone on the network path could have answered that read).
 */
export function inOriginScope05(assertionUrl: string, issuer: Json, readFrom = assertionUrl): ScopeOutcome | undefined {
  const origin = str(issuer.origin);
  if (origin === undefined || !/^https?:\/\/[^/]/i.test(origin)) return undefined;
  // Where the read ended says whether it came over TLS (fetch-once.ts finalUrl: an http URL the issuer
  // redirects to https was; a redirect to another site is refused, so no one else answers it).
  if (/^https:/i.test(origin) && /^http:/i.test(readFrom)) {
    return { ok: false, plainHttp: true, message: `This copy was read over plain http (${readFrom}), while its issuer's origin is https (${origin}): anyone on the network path could have answered that read` };
  }
  const asked = inVerificationScope(assertionUrl, { id: origin });
  return asked.ok && readFrom !== assertionUrl ? landedInScope(readFrom, { id: origin }) ?? asked : asked;
}

/**
 * Where a same-site redirect ended (fetch-once.ts finalUrl) is where the copy was served from. SPEC
 * ob_v2p0 §HostedBadge Verification: "Redirects are permissible as long as appropriate Assertion
 * content is eventually returned", and rule 3 binds the assertion to where its issuer hosts its
 * badges (§VerificationObject `startsWith`): an open redirect on the issuer's own site, from a path
 * inside `startsWith` to one outside it, would let a copy served from anywhere on that site pass.
 * The http and https forms of one address on the default ports are one address (an issuer that moved
 * to https serves what its old http prefix names). Undefined when the copy landed in the scope;
 * otherwise why it did not (the caller makes it unconfirmed, never forged: the scope the asked URL
 * is in is the issuer's word, and genuine servers move things).
 */
export function landedInScope(readFrom: string, issuer: Json): ScopeOutcome | undefined {
  const landed = inVerificationScope(readFrom, issuer);
  if (landed.ok) return undefined;
  const other = otherSchemeForm(readFrom);
  if (other !== undefined && inVerificationScope(other, issuer).ok) return undefined;
  return { ok: false, message: `A redirect from the address asked for ended elsewhere. ${landed.message}` };
}

/**
 * An http id outside the issuer's scope whose https form (default ports, same host and path) is in
 * it (an https `startsWith`, or an `allowedOrigins` port 443): an issuer that moved to https and now declares its https prefix, with old badges that keep their
 * http ids (SPEC ob_v2p0 §HostedBadge Verification: the hosted URI "is the source of truth", and
 * "Redirects are permissible as long as appropriate Assertion content is eventually returned"). The
 * copy read over TLS at exactly that https form is the issuer's word, in the place it declares: in
 * scope (as the same badge read from its https link already was). Read anywhere else (over plain http,
 * or at another path) it confirms nothing: `ok: false`, which the caller makes unconfirmed, not forged.
 * VCORE compares the declared id as written (`assertion_id.startswith`) and would fail both. Undefined
 * when the id has no https form or that form is outside the scope: the id's own outcome stands.
 */
export function httpsFormInScope(id: string, readFrom: string, issuer: Json): ScopeOutcome | undefined {
  const https = /^http:/i.test(id) ? otherSchemeForm(id) : undefined;
  const inScope = https === undefined ? undefined : inVerificationScope(https, issuer);
  if (!https || !inScope?.ok) return undefined;
  if (asFetched(readFrom) === https) return { ok: true, message: `${inScope.message} (its id ${id} is the plain http form of ${https}, where the issuer served this copy over TLS)` };
  return { ok: false, message: `${inVerificationScope(id, issuer).message}; its https form ${https} is in the issuer's scope, but this copy was read from ${readFrom}, not there over TLS` };
}
