/**
 * The spellings of one e-mail address that name the same mailbox, for the recipient check
 * (./recipient.ts): letter case, Unicode form (NFC) and a domain as U-labels or A-labels (IDNA2008);
 * and whether the URL parser's domain mapping changes an address beyond that (mapsDomain).
 */
import { unicodeDomain } from './punycode.ts';

/**
 * An address with its domain as an A-label (IDNA2008, RFC 5891 §4.4: `bücher.example` is
 * `xn--bcher-kva.example`, the same domain; the URL parser's host writer does that conversion), or
 * undefined when the domain is ASCII already or no host.
 */
function asciiDomain(v: string): string | undefined {
  const at = v.lastIndexOf('@');
  const domain = v.slice(at + 1);
  if (at < 1 || !domain || /^[\x00-\x7f]*$/.test(domain) || /[\s/?#@:\\%[\]]/.test(domain)) return undefined;
  try {
    return `${v.slice(0, at)}@${new URL(`http://${domain}/`).hostname}`;
  } catch {
    return undefined;
  }
}

/**
 * The spellings of one e-mail address an issuer may have written or hashed: as given and trimmed,
 * in Unicode's composed form (NFC: canonically equivalent text, UAX #15, which an address in a
 * decomposed form is too), each as is and lower-cased, each with its domain as written and as an
 * A-label (or, written with A-labels, as U-labels: unicodeForm). Each is the same mailbox; a hash
 * is over the exact string (OB 2.0 §IdentityHash), so each is hashed.
 */
export function emailForms(v: string): string[] {
  const out = new Set<string>();
  for (const base of [v, v.trim()]) {
    for (const form of [base, base.normalize('NFC')]) {
      for (const x of [form, form.toLowerCase()]) {
        out.add(x);
        const a = asciiDomain(x) ?? unicodeForm(x);
        if (a) out.add(a);
      }
    }
  }
  return [...out];
}

/**
 * An address whose domain the user's backpack lists with A-labels, with its U-labels (punycode.ts): the issuer
 * that hashed `ada@bücher.example` hashed the same mailbox as `ada@xn--bcher-kva.example` (review42: its badge
 * read "issued to someone else").
 */
function unicodeForm(v: string): string | undefined {
  const at = v.lastIndexOf('@');
  const u = at < 1 ? undefined : unicodeDomain(v.slice(at + 1));
  return u && `${v.slice(0, at)}@${u}`;
}

/**
 * Whether the URL parser's domain mapping (UTS #46) changes the address beyond IDNA's A-label
 * conversion: it drops a soft hyphen, a zero-width space, a word joiner or a variation selector and
 * reads U+3002 as ".", characters IDNA2008 disallows in a domain (RFC 5892 §2.3, §2.6), so that
 * "ada@exa\u00ADmple.org" keyed as ada@example.org. Its A-labels read back must give the domain as written.
 */
export function mapsDomain(v: string): boolean {
  const x = v.trim().normalize('NFC').toLowerCase();
  const a = asciiDomain(x);
  return a !== undefined && (unicodeForm(a) ?? a) !== x;
}

/** One key per e-mail address for a comparison in clear: composed, lower-cased, its domain as an A-label. */
export function emailKey(v: string): string {
  const x = v.trim().normalize('NFC').toLowerCase();
  return asciiDomain(x) ?? x;
}
