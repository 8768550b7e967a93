/**
 * Badgr's dynamic client registration rule, as badgr-server writes it (concentricsky/badgr-server
 * 2344c61, apps/mainsite/oauth2_api.py RegistrationSerializer + RegisterApiView; the same in its
 * 2024-25 forks), for `state.badgrRegistration`:
 *
 * - `client_uri`, `logo_uri`, `tos_uri`, `policy_uri` and each of `redirect_uris` are required
 *   `serializers.URLField(validators=[URLValidator(schemes=['https'])])`: "This field is required.",
 *   "Enter a valid URL.", "Must be a valid HTTPS URI" (logo_uri cannot be left out);
 * - `validate()`: their `urlparse(uri).netloc` (host AND port, as written) must all be one:
 *   "client_uri, logo_uri, tos_uri, policy_uri, redirect_uris do not match domain.";
 * - `create()` then fetches the logo (mainsite/utils.py fetch_remote_file_to_storage,
 *   `requests.get(logo_uri)`, allowed types image/png and image/svg+xml): a fetch that raises
 *   (a host that does not resolve, a refused connection, bad TLS) is an unhandled exception, HTTP
 *   500; a 200 that is neither PNG nor SVG raises SuspiciousFileOperation, which Django answers
 *   400; any other status leaves the client without a logo and registers it.
 *
 * Errors go through entity/views.py exception_handler with Rfc7591ErrorSerializer:
 * `{error: first, error_description: all joined by "; "}`, each "field: message".
 * `fetchLogo` stands in for Badgr's `requests.get`: tests decide what the logo's host answers.
 */
import { json, type Reply } from '../http/io.ts';
import type { Json } from '../state.ts';

export interface BadgrRegistration {
  /** What Badgr's GET of the logo gets; throws when it would raise (the host does not resolve). */
  fetchLogo(url: string): Promise<{ status: number; body: Buffer }>;
}

const URI_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'] as const;

const rfc7591 = (errors: string[]): Reply => json(400, { error: errors[0], error_description: errors.join('; ') });
const html = (status: number, text: string): Reply => ({ status, headers: { 'content-type': 'text/html' }, body: `<h1>${text}</h1>` });

/** Python's urlparse(uri).netloc: what lies between "//" and the path, as written (a ":443" stays). */
const netloc = (uri: string): string => /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(uri)?.[1] ?? '';

/** DRF URLField + the https URLValidator, roughly as Django's regex has it: a scheme, "://", a host with a dot or localhost. */
function urlErrors(v: unknown): string[] {
  if (typeof v !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/(?:[^\s:@/]+(?::[^\s:@/]*)?@)?(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}\.?|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?$/i.test(v)) return ['Enter a valid URL.', 'Must be a valid HTTPS URI'];
  return /^https:\/\//i.test(v) ? [] : ['Must be a valid HTTPS URI'];
}

/** The serializer's validation (before anything is created): an error answer, or null. */
export function badgrValidate(m: Json): Reply | null {
  const errors: string[] = [];
  for (const k of URI_FIELDS) {
    if (m[k] === undefined || m[k] === null) errors.push(`${k}: This field is required.`);
    else if (urlErrors(m[k]).length) errors.push(`${k}: ${urlErrors(m[k])[0]}`);
  }
  const redirects = m.redirect_uris;
  if (!Array.isArray(redirects)) errors.push('redirect_uris: This field is required.');
  else redirects.forEach((r) => urlErrors(r).length && errors.push(`redirect_uris: ${urlErrors(r)[0]}`));
  if (errors.length) return rfc7591(errors);
  const hosts = new Set([...URI_FIELDS.map((k) => netloc(String(m[k]))), ...(redirects as string[]).map(netloc)]);
  if (hosts.size > 1) return rfc7591(['non_field_errors: client_uri, logo_uri, tos_uri, policy_uri, redirect_uris do not match domain.']);
  return null;
}

/** `create()`'s fetch of the logo: an error answer, or null when the client may be registered. */
export async function badgrFetchLogo(logoUri: string, b: BadgrRegistration): Promise<Reply | null> {
  let got: { status: number; body: Buffer };
  try {
    got = await b.fetchLogo(logoUri);
  } catch {
    return html(500, 'Server Error (500)');
  }
  if (got.status !== 200) return null;
  const png = got.body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const text = got.body.toString('latin1');
  const svg = /<svg/.test(text.slice(0, 1024)) && text.trim().endsWith('</svg>');
  return png || svg ? null : html(400, 'Bad Request (400)');
}
