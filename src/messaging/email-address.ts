/**
 * E-mail addresses as the messages carry them (validate.ts `isEmail` guards emails/add, local-addresses/add,
 * accounts/password-reset) and as a person types or pastes them (`mailtoAddress`: the popup's Add field and the
 * kept list, background/services/local-addresses.ts).
 */
import type { Guard } from './validate.ts';

/**
 * A plausible address: a local part of 1 to 64 characters, `@`, a domain with a dot. The local part holds
 * none of RFC 5322 §3.2.3's specials but the dot (an unquoted one cannot, and quoted ones are not taken):
 * "mailto:ada@example.org" (RFC 6068, a link copied for an address) is no address, and was kept as one; nor
 * is a domain holding "?", "#" or "/" (a link's query, fragment or path: "ada@example.org?subject=Badge").
 */
const EMAIL = /^[^@\s<>"():;,[\]\\]{1,64}@[^@\s<>"?#/]+\.[^@\s<>"?#/]+$/;
export const isEmail: Guard<string> = (v): v is string => typeof v === 'string' && v.length <= 254 && EMAIL.test(v);

/**
 * The address a value typed or kept names: trimmed, and a `mailto:` link (RFC 6068 §2: `mailto:` addr-spec
 * ["?" hfields]) read as its address, without the header fields ("?subject=…") a copied link often carries, and
 * percent-decoded (RFC 6068 §2: "%", characters a URI cannot hold and a non-ASCII address's UTF-8 are
 * percent-encoded in it); a malformed escape is left as written.
 */
export const mailtoAddress = (v: string): string => {
  const x = v.trim();
  if (!/^mailto:/i.test(x)) return x;
  const addr = x.slice(7).split('?')[0]!;
  try {
    return decodeURIComponent(addr);
  } catch {
    return addr;
  }
};
